package org.bookbinder.load;

import org.commonmark.node.Node;

/**
 * How much a chapter may hold, so that no input overflows the stack or exhausts memory: a book past these limits
 * fails with a diagnostic (LIMIT-001, LIMIT-002) instead. The stages after loading walk the Markdown tree with
 * commonmark's visitors, which recurse once per level; {@link #MAX_DEPTH} levels are a few hundred kilobytes of stack
 * at most, on any thread.
 */
public final class Limits {
    /** The deepest a chapter's Markdown tree may be: blocks in blocks, lists in lists, emphasis in emphasis. */
    public static final int MAX_DEPTH = 256;
    /** The largest a chapter file may be: 64 MiB (a 50 MB paragraph builds, with EPUBCheck, in about 1.2 GB). */
    public static final long MAX_CHAPTER_BYTES = 64L << 20;

    private Limits() {
    }

    /** The depth of the tree under {@code root} (1 for a node without children), found without recursion. */
    public static int depth(Node root) {
        int deepest = 0;
        int depth = 0;
        Node n = root;
        while (n != null) {
            depth++;
            deepest = Math.max(deepest, depth);
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n != root && n.getNext() == null) {
                n = n.getParent();
                depth--;
            }
            if (n == null || n == root) {
                break;
            }
            n = n.getNext();
            depth--;
        }
        return deepest;
    }
}
