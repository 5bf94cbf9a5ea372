package org.bookbinder.annotate.notes;

import org.commonmark.node.CustomBlock;

/** One note's text (its children), written as {@code <aside epub:type="footnote" role="doc-footnote">}. */
public final class NoteBlock extends CustomBlock {
    private final int number;
    private final String backlinkTarget;

    NoteBlock(int number, String backlinkTarget) {
        this.number = number;
        this.backlinkTarget = backlinkTarget;
    }

    public int number() {
        return number;
    }

    public String noteId() {
        return Notes.noteId(number);
    }

    /** The id of the first reference to this note. */
    public String backlinkTarget() {
        return backlinkTarget;
    }
}
