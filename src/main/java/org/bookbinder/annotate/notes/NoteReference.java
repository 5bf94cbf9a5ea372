package org.bookbinder.annotate.notes;

import org.commonmark.node.CustomNode;

/** A numbered reference to a note: {@code <a epub:type="noteref" role="doc-noteref">}. */
public final class NoteReference extends CustomNode {
    private final int number;
    private final String refId;

    NoteReference(int number, String refId) {
        this.number = number;
        this.refId = refId;
    }

    public int number() {
        return number;
    }

    /** The id of this reference, the target of the note's backlink. */
    public String refId() {
        return refId;
    }

    public String noteId() {
        return Notes.noteId(number);
    }
}
