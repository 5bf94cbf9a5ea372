package org.bookbinder.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one place that decides how markup is serialised: XHTML for the EPUB, HTML5 for the print edition.
 * Every fragment and page goes through here, so output (and golden files) stay stable.
 *
 * <p>commonmark's HTML is HTML, not XML (bare attributes, {@code <br>}), and raw HTML in a chapter may be
 * anything: jsoup parses it as a browser would and writes it back well-formed.
 */
public final class Markup {
    private Markup() {
    }

    /** Parses an HTML fragment into a detached body element. */
    public static Element parseFragment(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings(settings(Document.OutputSettings.Syntax.html));
        return doc.body();
    }

    /** An empty body element, of a document set up as {@link #parseFragment}'s: where a tree is built by hand. */
    static Element emptyBody() {
        Document doc = Document.createShell("");
        doc.outputSettings(settings(Document.OutputSettings.Syntax.html));
        return doc.body();
    }

    /**
     * {@link #parseFragment}, with the position in {@code html} of every node kept ({@link org.jsoup.nodes.Node#sourceRange}),
     * for tracing raw HTML back to where it was written.
     */
    public static Element parseFragmentTracked(String html) {
        Element body = emptyBody();
        List<Node> nodes = Parser.htmlParser().setTrackPosition(true).parseFragmentInput(html, body, "");
        body.appendChildren(nodes);
        return body;
    }

    /** The children of {@code container} as XHTML (XML syntax), with {@code xml:lang} beside every {@code lang}. */
    public static String xhtml(Element container) {
        for (Element e : container.select("[lang]")) {
            e.attr("xml:lang", e.attr("lang"));
        }
        container.ownerDocument().outputSettings(settings(Document.OutputSettings.Syntax.xml));
        return serialise(container);
    }

    /** The children of {@code container} as HTML5. */
    public static String html(Element container) {
        container.ownerDocument().outputSettings(settings(Document.OutputSettings.Syntax.html));
        return serialise(container);
    }

    /**
     * {@link #html}'s markup as UTF-8, written straight from the tree (see {@link Utf8Html}): the print edition's
     * parts, tens of megabytes on a big book.
     */
    public static byte[] htmlUtf8(Element container) {
        container.ownerDocument().outputSettings(settings(Document.OutputSettings.Syntax.html));
        return Utf8Html.children(container);
    }

    /**
     * {@code container.html()}, into a buffer kept by the thread: a chapter's markup is tens of kilobytes, and
     * growing a fresh buffer to that size for each one is most of what serialising costs in memory.
     */
    private static String serialise(Element container) {
        StringBuilder sb = Buffers.borrow();
        container.html(sb);
        return Buffers.release(sb);
    }

    /** A whole HTML5 document, doctype included, serialised as the print edition is. */
    public static String htmlDocument(Document doc) {
        doc.outputSettings(settings(Document.OutputSettings.Syntax.html));
        return doc.outerHtml();
    }

    /** Text as XHTML (and HTML) character data: {@code &}, {@code <}, {@code >} and quotes escaped. */
    public static String escape(String text) {
        return Entities.escape(text, settings(Document.OutputSettings.Syntax.xml));
    }

    private static Document.OutputSettings settings(Document.OutputSettings.Syntax syntax) {
        return new Document.OutputSettings()
                .syntax(syntax)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8)
                .prettyPrint(false);
    }
}
