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
 */
final class TextRun {
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\\s[^>]*)?>");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    private char[] text = new char[1024];
    private Node[] nodes = new Node[1024];
    private int[] offsets = new int[1024];
    /** A text node's characters, read into an array. */
    private char[] scratch = new char[256];
    private int length;
    private int htmlDepth;

    int length() {
        return length;
    }

    /** The run's characters: the first {@link #length()} of them. */
    char[] text() {
        return text;
    }

    void clear() {
        Arrays.fill(nodes, 0, length, null);
        length = 0;
        htmlDepth = 0;
    }

    /**
     * The text's characters, normalised, each with its node and offset. One loop over an array with the run's arrays
     * in local variables: this runs over every character of the book, {@code charAt} on a UTF-16 string costs several
     * calls a character under the C1 compiler, and C1 keeps no field in a register.
     */
    void append(Text node) {
        if (htmlDepth > 0) {
            barrier();
            return;
        }
        String s = node.getLiteral();
        int n = s.length();
        ensureCapacity(length + n);
        if (scratch.length < n) {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
        s.getChars(0, n, scratch, 0);
        char[] cs = scratch;
        char[] t = text;
        Node[] ns = nodes;
        int[] os = offsets;
        int len = length;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c <= ' ' || c >= 0x7F) {
                c = TermText.normal(c);         // the common case, printable ASCII, is its own normal form
            }
            if (c != 0 && !(c == ' ' && len > 0 && t[len - 1] == ' ')) {
                t[len] = c;
                ns[len] = node;
                os[len++] = i;
            }
        }
        length = len;
    }

    /** A line break: a space. */
    void space(Node node) {
        if (!endsWithSpace()) {
            put(' ', node, 0);
        }
    }

    void barrier() {
        put(TermText.BARRIER, null, 0);
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

    private void put(char c, Node node, int offset) {
        ensureCapacity(length + 1);
        text[length] = c;
        nodes[length] = node;
        offsets[length++] = offset;
    }

    private void ensureCapacity(int needed) {
        if (needed > text.length) {
            int size = Math.max(needed, text.length * 2);
            text = Arrays.copyOf(text, size);
            nodes = Arrays.copyOf(nodes, size);
            offsets = Arrays.copyOf(offsets, size);
        }
    }

    /**
     * How to wrap the match {@code [start, end)} of the run in a link, or null when no link can hold exactly those
     * words (a term that starts inside emphasis and ends outside it). Matches start and end on text, never on a
     * space or a barrier.
     */
    Wrap wrap(int start, int end) {
        Text first = (Text) nodes[start];
        Text last = (Text) nodes[end - 1];
        int from = offsets[start];
        int to = offsets[end - 1] + 1;
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
