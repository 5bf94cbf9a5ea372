package org.bookbinder.annotate.glossary;

import org.commonmark.node.Node;
import org.commonmark.node.Text;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a run of inline nodes (a paragraph, a table cell…) in {@link TermText}'s normal form, with a map from
 * each of its characters back to the text node and offset it came from, so that a match found in the run can be
 * wrapped in a link in the tree. What may not be matched (code, a link, a note reference, the text inside raw HTML)
 * is a {@link TermText#BARRIER} in the run. Reused from run to run; not thread-safe.
 *
 * <p>The map is kept for each node's characters (a segment), not for each character: it is asked of two characters
 * a link, and this runs over every character of the book.
 */
final class TextRun {
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\\s[^>]*)?>");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    private char[] text = new char[1024];
    private int length;
    /** Where each segment starts in the run, and its node (null for a barrier). */
    private int[] segmentStarts = new int[64];
    private Node[] segmentNodes = new Node[64];
    /** Whether a segment is its node's text as it is: a character's offset in the node is its place in the segment. */
    private boolean[] segmentVerbatim = new boolean[64];
    private int segments;
    private int htmlDepth;

    int length() {
        return length;
    }

    /** The run's characters: the first {@link #length()} of them. */
    char[] text() {
        return text;
    }

    void clear() {
        Arrays.fill(segmentNodes, 0, segments, null);
        segments = 0;
        length = 0;
        htmlDepth = 0;
    }

    /**
     * The text's characters, normalised. They are copied into the run as they are, and looked over in one loop for a
     * character that is not its own normal form (printable ASCII and a single space are): most text nodes have none,
     * and are done. Arrays in local variables: C1 keeps no field in a register.
     */
    void append(Text node) {
        if (htmlDepth > 0) {
            barrier();
            return;
        }
        String s = node.getLiteral();
        int n = s.length();
        segment(node);
        ensureCapacity(length + n);
        char[] t = text;
        int from = length;
        int end = from + n;
        s.getChars(0, n, t, from);
        char previous = from > 0 ? t[from - 1] : 0;
        int k = from;
        for (; k < end; k++) {
            char c = t[k];
            if (c < ' ' || c >= 0x7F || (c == ' ' && previous == ' ')) {
                break;
            }
            previous = c;
        }
        if (k == end) {
            length = end;
            segmentVerbatim[segments - 1] = true;
        } else {
            length = normalise(t, k, end);
        }
    }

    /** Puts {@code t[from, end)} in the normal form where it stands, from its first character that is not; the new end. */
    private static int normalise(char[] t, int from, int end) {
        int w = from;
        for (int r = from; r < end; r++) {
            char c = normal(t[r], w > 0 ? t[w - 1] : 0);
            if (c != 0) {
                t[w++] = c;
            }
        }
        return w;
    }

    /** A text character in the run's normal form after {@code previous}; 0 when it is dropped (a space after a space). */
    private static char normal(char c, char previous) {
        if (c < ' ' || c >= 0x7F) {
            c = TermText.normal(c);
        }
        return c == ' ' && previous == ' ' ? 0 : c;
    }

    /** A line break: a space. */
    void space(Node node) {
        if (!endsWithSpace()) {
            put(' ', node);
        }
    }

    void barrier() {
        put(TermText.BARRIER, null);
    }

    /** Raw inline HTML: a barrier; an opening tag hides the text up to its closing tag. */
    void html(String literal) {
        barrier();
        Matcher m = TAG.matcher(literal);
        if (m.matches() && !VOID.contains(m.group(2).toLowerCase(java.util.Locale.ROOT)) && !literal.endsWith("/>")) {
            htmlDepth = Math.max(0, htmlDepth + (m.group(1).isEmpty() ? 1 : -1));
        }
    }

    private boolean endsWithSpace() {
        return length > 0 && text[length - 1] == ' ';
    }

    private void put(char c, Node node) {
        segment(node);
        ensureCapacity(length + 1);
        text[length++] = c;
    }

    /** Starts a segment: the characters from here on come from {@code node}. */
    private void segment(Node node) {
        if (segments == segmentStarts.length) {
            segmentStarts = Arrays.copyOf(segmentStarts, segments * 2);
            segmentNodes = Arrays.copyOf(segmentNodes, segments * 2);
            segmentVerbatim = Arrays.copyOf(segmentVerbatim, segments * 2);
        }
        segmentStarts[segments] = length;
        segmentVerbatim[segments] = false;
        segmentNodes[segments++] = node;
    }

    /** The segment that the run's character {@code i} is in: the last one that starts at or before it. */
    private int segmentOf(int i) {
        int k = Arrays.binarySearch(segmentStarts, 0, segments, i);
        if (k < 0) {
            k = -k - 2;
        }
        while (k + 1 < segments && segmentStarts[k + 1] == i) {
            k++;                                // segments that added no character start where the next one does
        }
        return k;
    }

    /**
     * The offset in its text node of the run's character {@code i}, of segment {@code k}: its place in the segment, or
     * when {@link #append} changed the node's text, found by putting that in the normal form again up to the character.
     */
    private int offsetOf(int i, int k) {
        int start = segmentStarts[k];
        if (segmentVerbatim[k]) {
            return i - start;
        }
        String s = ((Text) segmentNodes[k]).getLiteral();
        char previous = start > 0 ? text[start - 1] : 0;
        int w = start;
        for (int r = 0; r < s.length(); r++) {
            char c = normal(s.charAt(r), previous);
            if (c != 0) {
                if (w++ == i) {
                    return r;
                }
                previous = c;
            }
        }
        throw new IllegalStateException("character " + i + " is not in its segment");
    }

    private void ensureCapacity(int needed) {
        if (needed > text.length) {
            text = Arrays.copyOf(text, Math.max(needed, text.length * 2));
        }
    }

    /**
     * How to wrap the match {@code [start, end)} of the run in a link, or null when no link can hold exactly those
     * words (a term that starts inside emphasis and ends outside it). Matches start and end on text, never on a
     * space or a barrier.
     */
    Wrap wrap(int start, int end) {
        int firstSegment = segmentOf(start);
        int lastSegment = segmentOf(end - 1);
        Text first = (Text) segmentNodes[firstSegment];
        Text last = (Text) segmentNodes[lastSegment];
        int from = offsetOf(start, firstSegment);
        int to = offsetOf(end - 1, lastSegment) + 1;
        Node common = commonAncestor(first, last);
        Node a = childOnPath(common, first);
        Node b = childOnPath(common, last);
        if (a != first && !(from == 0 && edgeLeaf(a, first, true))) {
            return null;
        }
        if (b != last && !(to == last.getLiteral().length() && edgeLeaf(b, last, false))) {
            return null;
        }
        return new Wrap(first, from, last, to, a, b);
    }

    private static Node commonAncestor(Node x, Node y) {
        for (Node p = x.getParent(); p != null; p = p.getParent()) {
            for (Node q = y.getParent(); q != null; q = q.getParent()) {
                if (p == q) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("text nodes of one run with no common ancestor");
    }

    private static Node childOnPath(Node ancestor, Node descendant) {
        Node n = descendant;
        while (n.getParent() != ancestor) {
            n = n.getParent();
        }
        return n;
    }

    /** Whether {@code leaf} is the first (or last) descendant of {@code top}, all the way down. */
    private static boolean edgeLeaf(Node top, Node leaf, boolean first) {
        for (Node n = leaf; n != top; n = n.getParent()) {
            if ((first ? n.getPrevious() : n.getNext()) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * A planned link: text node {@code first} from offset {@code from} to {@code last} up to {@code to}, covering the
     * siblings {@code a} to {@code b} (which are {@code first} and {@code last} themselves, or inline containers
     * that hold them entirely).
     */
    record Wrap(Text first, int from, Text last, int to, Node a, Node b) {
        /** Splits the edge text nodes as needed and moves the covered nodes into {@code link}. */
        void apply(Node link) {
            Node end = b;
            if (b == last && to < last.getLiteral().length()) {
                Text tail = new Text(last.getLiteral().substring(to));
                last.setLiteral(last.getLiteral().substring(0, to));
                last.insertAfter(tail);
            }
            Node begin = a;
            if (a == first && from > 0) {
                Text rest = new Text(first.getLiteral().substring(from));
                first.setLiteral(first.getLiteral().substring(0, from));
                first.insertAfter(rest);
                begin = rest;
                if (end == first) {
                    end = rest;
                }
            }
            begin.insertBefore(link);
            Node n = begin;
            while (true) {
                Node next = n.getNext();
                link.appendChild(n);
                if (n == end) {
                    break;
                }
                n = next;
            }
        }
    }
}
