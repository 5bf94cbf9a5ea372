package org.bookbinder.render;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The print edition's serialiser ({@link Markup#htmlUtf8}): the children of an element as HTML5 in UTF-8, the bytes
 * of {@code Markup.html(container).getBytes(UTF_8)} written in one pass, without jsoup's printer and without the
 * text in between. The print edition is tens of megabytes on a big book, and jsoup escapes it one code point at a
 * time through an {@code Appendable} (several calls a character under the C1 compiler), then it is encoded again.
 *
 * <p>It writes only what it knows jsoup writes the same way: elements of the tags below whose attributes have plain
 * names and a value that is neither empty nor the attribute's name (jsoup writes those as bare boolean attributes),
 * and text nodes. Anything else (another tag, a comment, data, CDATA, an attribute of another kind) is handed to
 * jsoup, that subtree only. As jsoup does with the book's settings (HTML syntax, XHTML escapes, UTF-8): text escapes
 * {@code & < >}, attribute values {@code & < > "}, a no-break space is {@code &#xa0;} in both, and a character XML does
 * not allow (a C0 control but tab, line feed and carriage return, a lone surrogate, U+FFFE, U+FFFF) is left out.
 * {@code Utf8HtmlTest} holds it to jsoup's output on the test books and the flagship.
 */
final class Utf8Html {
    /** Elements written as {@code <x …>…</x>}. */
    private static final Set<String> CONTAINERS = Set.of("a", "abbr", "article", "aside", "b", "bdi", "bdo", "blockquote",
            "caption", "cite", "code", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "i", "ins", "kbd", "li", "main", "mark", "nav", "ol", "p", "q", "s",
            "samp", "section", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
            "u", "ul", "var");
    /** Void elements, written as {@code <x …>} (when, as always, they have no children). */
    private static final Set<String> VOIDS = Set.of("br", "hr", "img", "wbr");

    /** The ASCII characters written as they are in text: all but {@code & < >} and the controls XML does not allow. */
    private static final boolean[] AS_IT_IS_IN_TEXT = asItIs("&<>");
    /** The ASCII characters written as they are in an attribute value: those of text but {@code "}. */
    private static final boolean[] AS_IT_IS_IN_ATTRIBUTE = asItIs("&<>\"");

    private byte[] out;
    private int size;
    private char[] chars = new char[1024];

    private Utf8Html(int capacity) {
        out = new byte[capacity];
    }

    /** The children of {@code container}, which must be set to serialise as HTML (see {@link Markup#htmlUtf8}). */
    static byte[] children(Element container) {
        Utf8Html w = new Utf8Html(1 << 16);
        for (int i = 0; i < container.childNodeSize(); i++) {
            w.node(container.childNode(i));
        }
        return Arrays.copyOf(w.out, w.size);
    }

    private void node(Node node) {
        if (node.getClass() == TextNode.class) {
            text(((TextNode) node).getWholeText(), false);
        } else if (node instanceof Element e && plain(e)) {
            String name = e.tagName();
            ascii('<');
            ascii(name);
            if (e.attributesSize() > 0) {
                for (Attribute a : e.attributes()) {
                    ascii(' ');
                    ascii(a.getKey());
                    ascii('=');
                    ascii('"');
                    text(a.getValue(), true);
                    ascii('"');
                }
            }
            ascii('>');
            if (!VOIDS.contains(name)) {
                for (int i = 0; i < e.childNodeSize(); i++) {      // by index: childNodes() copies the list
                    node(e.childNode(i));
                }
                ascii('<');
                ascii('/');
                ascii(name);
                ascii('>');
            }
        } else {
            byte[] html = node.outerHtml().getBytes(StandardCharsets.UTF_8);   // jsoup's own, for what it alone knows
            room(html.length);
            System.arraycopy(html, 0, out, size, html.length);
            size += html.length;
        }
    }

    /** Whether this writes {@code e} itself (its children are looked at in their turn) as jsoup would. */
    private static boolean plain(Element e) {
        String name = e.tagName();
        if (VOIDS.contains(name)) {
            if (e.childNodeSize() > 0) {
                return false;
            }
        } else if (!CONTAINERS.contains(name)) {
            return false;
        }
        if (e.attributesSize() == 0) {
            return true;                        // (attributes() would make an empty set of them)
        }
        for (Attribute a : e.attributes()) {
            String key = a.getKey();
            String value = a.getValue();
            if (!plainName(key) || value.isEmpty() || value.equalsIgnoreCase(key)) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z][a-z0-9-]*}: a name that jsoup writes as it is. */
    private static boolean plainName(String key) {
        if (key.isEmpty() || key.charAt(0) < 'a' || key.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Text or an attribute value, escaped and encoded (one loop over an array: this runs over every character). */
    private void text(String s, boolean attribute) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        s.getChars(0, n, chars, 0);
        room(3 * n);                            // a char is at most 3 bytes (a pair 4 for two); an entity makes room
        char[] cs = chars;
        byte[] b = out;
        int at = size;
        boolean[] asItIs = attribute ? AS_IT_IS_IN_ATTRIBUTE : AS_IT_IS_IN_TEXT;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80 && asItIs[c]) {             // the commonest: one byte, the character's own
                b[at++] = (byte) c;
                continue;
            }
            String entity = null;
            if (c < 0x80) {
                if (c >= 0x20) {
                    if (c == '&') {
                        entity = "&amp;";
                    } else if (c == '<') {
                        entity = "&lt;";
                    } else if (c == '>') {
                        entity = "&gt;";
                    } else if (c == '"' && attribute) {
                        entity = "&quot;";
                    } else {
                        b[at++] = (byte) c;
                    }
                } else if (c == '\t' || c == '\n' || c == '\r') {
                    b[at++] = (byte) c;
                }                                   // other controls: not XML characters, left out
            } else if (c < 0x800) {
                if (c == 0xA0) {
                    entity = "&#xa0;";
                } else {
                    b[at++] = (byte) (0xC0 | (c >> 6));
                    b[at++] = (byte) (0x80 | (c & 0x3F));
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                    int cp = Character.toCodePoint(c, cs[++i]);
                    b[at++] = (byte) (0xF0 | (cp >> 18));
                    b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[at++] = (byte) (0x80 | (cp & 0x3F));
                }                                   // a lone surrogate: left out
            } else if (c != 0xFFFE && c != 0xFFFF) {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
            if (entity != null) {
                size = at;
                room(entity.length() + 3 * (n - i - 1));
                ascii(entity);
                b = out;
                at = size;
            }
        }
        size = at;
    }

    private static boolean[] asItIs(String escaped) {
        boolean[] asItIs = new boolean[0x80];
        for (char c = 0; c < 0x80; c++) {
            asItIs[c] = (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && escaped.indexOf(c) < 0;
        }
        return asItIs;
    }

    private void ascii(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            out[size++] = (byte) s.charAt(i);
        }
    }

    private void ascii(char c) {
        room(1);
        out[size++] = (byte) c;
    }

    private void room(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
