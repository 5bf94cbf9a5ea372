package org.bookbinder.render.print;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The length of jsoup's {@link Element#text()} of an element, counted without building the text: the print edition
 * weighs each chapter's notes against its text ({@code noteDensity}), and a chapter's text is tens of kilobytes.
 *
 * <p>It follows jsoup 1.24's {@code Element.text()} rule for rule: runs of whitespace (space, tab, line feed, form
 * feed, carriage return, no-break space) become one space, and none at the start of a text that follows a space;
 * zero-width spaces and soft hyphens are left out; text under {@code pre} (within six levels) and CDATA is taken
 * as it is; a space goes before a block, a {@code br} or a text boundary that has text, and after a block, a text
 * boundary or an inline element holding a block, when text or an inline element follows; then the ends are trimmed of
 * characters up to U+0020. {@code TextLengthTest} holds it to {@code text().length()}.
 */
public final class TextLength implements NodeVisitor {
    private int length;
    /** Whether the last character counted is a space ({@code lastCharIsWhitespace} of jsoup). */
    private boolean lastSpace;
    /** How many characters up to U+0020 stand at the start, before any other ({@code trim()} drops them). */
    private int leadingLow;
    private boolean seenHigh;
    /** How many characters up to U+0020 end what is counted so far. */
    private int trailingLow;
    /** Each text's characters, read into an array (String.charAt on UTF-16 text is slow under the C1 compiler). */
    private char[] chars = NO_CHARS;
    /** The array before the first text: most elements measured are small, and many hold no text of their own. */
    private static final char[] NO_CHARS = new char[0];

    private TextLength() {
    }

    /** {@code element.text().length()}. */
    public static int of(Element element) {
        TextLength count = new TextLength();
        NodeTraversor.traverse(count, element);
        return count.result();
    }

    /** The length of an element's text, and the sum of the lengths of its parts' (see {@link #of(Element, Predicate)}). */
    public record Lengths(int all, int parts) {
    }

    /**
     * {@code element.text().length()}, and the sum of {@code text().length()} of each element at or under it that
     * {@code part} picks (a part inside another counted in both), in one walk: the print edition weighs a chapter's
     * notes against all its text.
     */
    public static Lengths of(Element element, Predicate<Element> part) {
        TextLength all = new TextLength();
        List<TextLength> open = new ArrayList<>();          // the parts the walk is in, the innermost last
        List<Element> roots = new ArrayList<>();
        int[] parts = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                all.head(node, depth);
                if (node instanceof Element e && part.test(e)) {
                    open.add(new TextLength());
                    roots.add(e);
                }
                for (TextLength count : open) {
                    count.head(node, depth);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                all.tail(node, depth);
                for (TextLength count : open) {
                    count.tail(node, depth);
                }
                if (!roots.isEmpty() && roots.get(roots.size() - 1) == node) {
                    roots.remove(roots.size() - 1);
                    parts[0] += open.remove(open.size() - 1).result();
                }
            }
        }, element);
        return new Lengths(all.result(), parts[0]);
    }

    private int result() {
        return seenHigh ? length - leadingLow - trailingLow : 0;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
            String text = t.getWholeText();
            if (preserveWhitespace(t.parent()) || t instanceof CDataNode) {
                for (int i = 0; i < text.length(); i++) {
                    add(text.charAt(i));
                }
            } else {
                normalised(text);
            }
        } else if (node instanceof Element e && length > 0 && needsLeadingSeparator(e) && !lastSpace) {
            add(' ');
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element e) {
            Node next = e.nextSibling();
            if (needsTrailingSeparator(e) && (next instanceof TextNode || next instanceof Element n && n.tag().isInline())
                    && !lastSpace) {
                add(' ');
            }
        }
    }

    /**
     * jsoup's {@code StringUtil.appendNormalisedWhitespace}, leading whitespace stripped after a space: {@link #add}
     * character by character, with the counts kept in local variables (this runs over every character of the book,
     * and the C1 compiler keeps no field in a register), and a run of characters that are counted as they are
     * (most of a text) counted in a loop of its own.
     */
    private void normalised(String text) {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(Math.max(n, 64), chars.length * 2)];
        }
        text.getChars(0, n, chars, 0);
        char[] cs = chars;
        int len = length;
        boolean last = lastSpace;
        int lead = leadingLow;
        boolean high = seenHigh;
        int trail = trailingLow;
        boolean stripLeading = lastSpace;
        boolean lastWasWhite = false;
        boolean reachedNonWhite = false;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c > ' ' && c < 160) {                  // the commonest: a run of characters counted as they are
                int from = i;
                while (i + 1 < n && cs[i + 1] > ' ' && cs[i + 1] < 160) {
                    i++;
                }
                len += i + 1 - from;
                trail = 0;
                high = true;
                last = false;
                lastWasWhite = false;
                reachedNonWhite = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 160) {
                if ((stripLeading && !reachedNonWhite) || lastWasWhite) {
                    continue;
                }
                len++;                                  // a space
                last = true;
                trail++;
                if (!high) {
                    lead++;
                }
                lastWasWhite = true;
            } else if (c != 8203 && c != 173) {
                if (c <= ' ') {                         // another control character: kept, and trimmed at the ends
                    len++;
                    trail++;
                    if (!high) {
                        lead++;
                    }
                } else {
                    len++;                              // a surrogate pair counts as its two characters
                    trail = 0;
                    high = true;
                }
                last = false;
                lastWasWhite = false;
                reachedNonWhite = true;
            }
        }
        length = len;
        lastSpace = last;
        leadingLow = lead;
        seenHigh = high;
        trailingLow = trail;
    }

    private void add(char c) {
        length++;
        lastSpace = c == ' ';
        if (c <= ' ') {
            trailingLow++;
            if (!seenHigh) {
                leadingLow++;
            }
        } else {
            trailingLow = 0;
            seenHigh = true;
        }
    }

    private static boolean needsLeadingSeparator(Element e) {
        return e.isBlock() || e.nameIs("br") || (e.tag().is(Tag.TextBoundary) && e.childNodeSize() > 0 && e.hasText());
    }

    private static boolean needsTrailingSeparator(Element e) {
        if (e.tag().is(Tag.TextBoundary) || !e.tag().isInline()) {
            return true;
        }
        for (int i = 0; i < e.childNodeSize(); i++) {
            if (e.childNode(i) instanceof Element c && c.isBlock()) {
                return true;
            }
        }
        return false;
    }

    /** jsoup's {@code Element.preserveWhitespace}: the node or one of its five nearest ancestors keeps whitespace. */
    private static boolean preserveWhitespace(Node node) {
        if (node instanceof Element e) {
            int i = 0;
            do {
                if (e.tag().preserveWhitespace()) {
                    return true;
                }
                e = e.parent();
                i++;
            } while (i < 6 && e != null);
        }
        return false;
    }
}
