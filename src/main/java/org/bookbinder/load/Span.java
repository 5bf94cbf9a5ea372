package org.bookbinder.load;

import org.commonmark.node.CustomNode;

/** A bracketed span with attributes, {@code [Ostlegionen]{lang=de}}: its children are the bracketed text. */
public final class Span extends CustomNode {
    private final Attributes attributes;

    public Span(Attributes attributes) {
        this.attributes = attributes;
    }

    public Attributes attributes() {
        return attributes;
    }
}
