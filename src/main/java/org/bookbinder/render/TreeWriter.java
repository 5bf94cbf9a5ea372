package org.bookbinder.render;

import org.bookbinder.annotate.sanitise.RawHtmlSpans;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.parser.TagSet;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * commonmark's HTML writer that, as it writes a chapter's HTML, also builds the jsoup tree that parsing that HTML
 * would give: the print edition's tree without a second pass over the chapter's text (jsoup's HTML parser was 5 %
 * of a big book's build).
 *
 * <p>The tree is the parser's only where the parser would keep the markup as it is written. The HTML parsing
 * algorithm also mends markup: it closes a {@code p} when a block starts inside it, a link when another link starts
 * in it, a heading when another heading starts, moves text out of tables, drops NUL characters. Where the writing
 * would need any of that, or writes an element this writer does not know, or a chapter has raw HTML (which may be
 * anything, and is sanitised from a parse that keeps positions), the writer gives up ({@link #tree} is empty) and the
 * caller parses the HTML. Markup written by the renderers as markup ({@code raw}, the formatted citations) is parsed
 * where it stands, as a fragment of the element it is written in. {@code TreeWriterTest} holds the tree to jsoup's
 * parse of the same HTML on every chapter of the test books, the flagship and the CommonMark spec's examples.
 */
final class TreeWriter extends HtmlWriter {
    /** The elements commonmark and this project's renderers write, which are built here; any other gives up. */
    private static final Set<String> KNOWN = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol",
            "li", "pre", "code", "hr", "br", "img", "a", "em", "strong", "span", "section", "aside", "table", "thead",
            "tbody", "tr", "th", "td");
    /** Of those, the ones whose start closes an open {@code p} (the HTML standard, "in body" insertion mode). */
    private static final Set<String> CLOSES_P = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol",
            "li", "pre", "hr", "section", "aside", "table");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Table elements and the parent each must have; text other than white space in them is moved by the parser. */
    private static final Map<String, Set<String>> TABLE_PARENTS = Map.of("thead", Set.of("table"), "tbody", Set.of("table"),
            "tr", Set.of("thead", "tbody"), "th", Set.of("tr"), "td", Set.of("tr"));
    private static final Set<String> TABLE_CONTEXTS = Set.of("table", "thead", "tbody", "tr");

    private final StringBuilder out;
    private final RawHtmlSpans rawHtml;
    /**
     * The document's tags, as the parser keeps one set for a parse ({@code Tag.valueOf} would make a new set, and a
     * copy of the tag, at every element).
     */
    private final TagSet tags = TagSet.Html();
    private final Element root;
    private Element current;
    /** The characters written since the last tag: jsoup makes one text node of them. */
    private final StringBuilder text = new StringBuilder();
    private int openParagraphs;
    private int openLinks;
    private boolean givenUp;

    /**
     * Writes HTML into {@code out} and builds its tree under {@code root}; gives up as soon as {@code rawHtml} notes
     * raw HTML.
     */
    TreeWriter(StringBuilder out, Element root, RawHtmlSpans rawHtml) {
        super(out);
        this.out = out;
        this.root = root;
        this.current = root;
        this.rawHtml = rawHtml;
    }

    /** The tree, after the rendering; empty when the writer gave up, and the HTML must be parsed. */
    Optional<Element> tree() {
        if (!givenUp) {
            flushText();
        }
        return givenUp || current != root ? Optional.empty() : Optional.of(root);
    }

    @Override
    public void raw(String s) {
        super.raw(s);
        if (givenUp) {
            return;
        }
        if (!rawHtml.none()) {
            giveUp();                                   // the chapter's own raw HTML: parsed, tracked and sanitised
        } else if (s.indexOf('<') < 0 && s.indexOf('&') < 0) {
            characters(s);                              // a soft line break, a citation's plain text
        } else {
            flushText();
            List<Node> nodes = Parser.parseFragment(s, current, "");
            for (Node n : nodes.toArray(new Node[0])) {
                if (n instanceof TextNode t) {
                    characters(t.getWholeText());
                } else {
                    flushText();
                    current.appendChild(n);
                }
            }
        }
    }

    @Override
    public void text(String s) {
        super.text(s);
        if (!givenUp) {
            characters(s);
        }
    }

    @Override
    public void line() {
        boolean adds = out.length() > 0 && out.charAt(out.length() - 1) != '\n';
        super.line();
        if (adds && !givenUp) {
            text.append('\n');
        }
    }

    @Override
    public void tag(String name, Map<String, String> attrs, boolean voidElement) {
        super.tag(name, attrs, voidElement);
        if (givenUp) {
            return;
        }
        flushText();
        if (name.startsWith("/")) {
            end(name.substring(1));
        } else {
            start(name, attrs, voidElement);
        }
    }

    private void start(String name, Map<String, String> attrs, boolean voidElement) {
        String parent = current == root ? "" : current.normalName();
        Set<String> tableParents = TABLE_PARENTS.get(name);
        if (!KNOWN.contains(name)
                || (openParagraphs > 0 && CLOSES_P.contains(name))
                || (openLinks > 0 && name.equals("a"))
                || (HEADINGS.contains(name) && HEADINGS.contains(parent))
                || (name.equals("li") && !parent.equals("ul") && !parent.equals("ol"))
                || (tableParents != null && !tableParents.contains(parent))) {
            giveUp();
            return;
        }
        Tag tag = tags.valueOf(name, Parser.NamespaceHtml, ParseSettings.htmlDefault);
        if (voidElement != tag.isEmpty()) {
            giveUp();                                   // <span /> stays open in HTML; <br> never does
            return;
        }
        Attributes attributes = attrs == null || attrs.isEmpty() ? null : new Attributes();    // as the parser: none, not empty
        if (attributes != null) {
            for (Map.Entry<String, String> a : attrs.entrySet()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);       // as the parser has attribute names
                if (attributes.hasKey(key)) {
                    giveUp();                           // the parser keeps the first of two
                    return;
                }
                attributes.put(key, a.getValue() == null ? "" : a.getValue());
            }
        }
        Element e = new Element(tag, "", attributes);
        current.appendChild(e);
        if (!voidElement) {
            current = e;
            openParagraphs += name.equals("p") ? 1 : 0;
            openLinks += name.equals("a") ? 1 : 0;
        }
    }

    private void end(String name) {
        if (current == root || !current.normalName().equals(name)) {
            giveUp();
            return;
        }
        openParagraphs -= name.equals("p") ? 1 : 0;
        openLinks -= name.equals("a") ? 1 : 0;
        current = current.parent();
    }

    private void characters(String s) {
        if (s.indexOf(0) >= 0) {
            giveUp();                                   // the parser drops it
            return;
        }
        text.append(s);
    }

    private void flushText() {
        if (text.length() == 0) {
            return;
        }
        if (TABLE_CONTEXTS.contains(current.normalName()) && !htmlWhiteSpace(text)
                || current.normalName().equals("pre") && text.charAt(0) == '\n') {
            giveUp();                                   // moved out of the table; dropped after <pre>
            return;
        }
        current.appendChild(new TextNode(text.toString()));
        text.setLength(0);
    }

    private static boolean htmlWhiteSpace(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private void giveUp() {
        givenUp = true;
        text.setLength(0);
    }
}
