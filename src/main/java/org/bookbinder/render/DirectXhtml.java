package org.bookbinder.render;

import org.bookbinder.render.links.ChapterLinks;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

/**
 * When a chapter's HTML from commonmark ({@link ChapterHtml#render}) is already its XHTML: the bytes that jsoup's parse
 * and XML serialisation ({@link Markup#xhtml}) would write, so that the e-book's document can be written without
 * them (the print edition still parses the HTML, for its typesetting). commonmark writes void elements as
 * {@code <br />}, quotes every attribute and escapes {@code & < > "}; what jsoup would still change, the chapter must
 * not have:
 * <ul>
 *   <li>raw HTML ({@code HtmlInline}, {@code HtmlBlock}), which may be anything;</li>
 *   <li>images and links to other chapters' files, which the renderer rewrites on the tree;</li>
 *   <li>a {@code lang} attribute, beside which XHTML gets {@code xml:lang};</li>
 *   <li>a {@code "} escaped in text (jsoup writes it bare), a no-break space (jsoup writes {@code &#xa0;}), or a
 *       character XML does not allow (jsoup drops it).</li>
 * </ul>
 * {@code DirectXhtmlTest} holds this to jsoup's output on every chapter of the test books and the flagship.
 */
final class DirectXhtml {
    private DirectXhtml() {
    }

    /** Whether {@code html}, what {@link ChapterHtml#render} made of {@code document}, is its XHTML as it is. */
    static boolean applies(Node document, String html) {
        return !needsTree(document) && writtenAsJsoupWould(html);
    }

    private static boolean needsTree(Node document) {
        boolean[] needs = {false};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline node) {
                needs[0] = true;
            }

            @Override
            public void visit(HtmlBlock node) {
                needs[0] = true;
            }

            @Override
            public void visit(Image node) {
                needs[0] = true;
            }

            @Override
            public void visit(Link link) {
                needs[0] |= ChapterLinks.isChapterLink(link.getDestination());
                visitChildren(link);
            }
        });
        return needs[0];
    }

    /** One scan of the markup (as an array: charAt on a UTF-16 string is slow under the C1 compiler). */
    private static boolean writtenAsJsoupWould(String html) {
        char[] c = html.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (ch < 0x20) {
                if (ch != '\n' && ch != '\t') {
                    return false;
                }
            } else if (ch == '&') {
                if (html.startsWith("&quot;", i)) {
                    return false;
                }
            } else if (ch == '=') {
                if (i >= 4 && c[i - 4] == 'l' && c[i - 3] == 'a' && c[i - 2] == 'n' && c[i - 1] == 'g') {
                    return false;                       // lang= (or xml:lang=)
                }
            } else if (ch >= 0xA0) {
                if (ch == 0xA0 || ch == 0xFFFE || ch == 0xFFFF || Character.isLowSurrogate(ch)) {
                    return false;
                }
                if (Character.isHighSurrogate(ch)) {
                    if (i + 1 >= c.length || !Character.isLowSurrogate(c[i + 1])) {
                        return false;
                    }
                    i++;
                }
            }
        }
        return true;
    }
}
