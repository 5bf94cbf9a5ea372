package org.bookbinder.annotate;

import org.commonmark.node.Node;

/** Moving a commonmark node's children, as the annotations rewrite the parsed tree. */
public final class Nodes {
    private Nodes() {
    }

    /** Moves the children of {@code from}, in order, to the end of {@code to}'s. */
    public static void moveChildren(Node from, Node to) {
        for (Node child = from.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            to.appendChild(child);
            child = next;
        }
    }

    /** Puts the children of {@code node}, in order, in its place, and takes it out of the tree. */
    public static void unwrap(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }
}
