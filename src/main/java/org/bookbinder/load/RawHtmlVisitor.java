package org.bookbinder.load;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.Locale;

/**
 * A visitor of a Markdown tree that also sees into its raw HTML: the elements a CSS selector picks in each HTML block
 * or inline tag are handed to {@link #visitRaw}, with the node they were written in (for its line and column). A
 * literal is parsed (by jsoup) only when it holds {@code hint}, e.g. {@code <img}, so that most are not.
 */
public abstract class RawHtmlVisitor extends AbstractVisitor {
    private final String hint;
    private final String selector;

    /** {@code hint}: lower-case text the raw HTML must hold to be parsed; {@code selector}: the elements wanted. */
    protected RawHtmlVisitor(String hint, String selector) {
        this.hint = hint;
        this.selector = selector;
    }

    /** An element of the raw HTML that the selector picks, in the HTML node {@code node}. */
    protected abstract void visitRaw(Element element, Node node);

    @Override
    public void visit(HtmlInline html) {
        raw(html.getLiteral(), html);
    }

    @Override
    public void visit(HtmlBlock html) {
        raw(html.getLiteral(), html);
    }

    private void raw(String literal, Node node) {
        if (literal.toLowerCase(Locale.ROOT).contains(hint)) {
            for (Element element : Jsoup.parseBodyFragment(literal).select(selector)) {
                visitRaw(element, node);
            }
        }
    }
}
