package org.bookbinder.annotate.citations;

import org.commonmark.node.CustomNode;

/** A cite's prefix ("see") or suffix (", emphasis added"): its children are the Markdown inlines as written. */
public final class CiteAffix extends CustomNode {
    /** Before or after the cited work. */
    public enum Kind { PREFIX, SUFFIX }

    private final Kind kind;

    public CiteAffix(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
