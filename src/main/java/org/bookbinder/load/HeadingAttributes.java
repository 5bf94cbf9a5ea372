package org.bookbinder.load;

import org.commonmark.node.CustomNode;

/**
 * The attribute block written after a heading, {@code ## Polish POWs {#polish .unnumbered}}. It is kept as the
 * heading's first child (renderers write nothing for it) so the attributes travel with the heading.
 */
public final class HeadingAttributes extends CustomNode {
    private final Attributes attributes;

    public HeadingAttributes(Attributes attributes) {
        this.attributes = attributes;
    }

    public Attributes attributes() {
        return attributes;
    }
}
