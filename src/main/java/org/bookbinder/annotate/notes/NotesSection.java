package org.bookbinder.annotate.notes;

import org.commonmark.node.CustomBlock;

/** The notes of a chapter, collected at its end; its children are {@link NoteBlock}s in number order. */
public final class NotesSection extends CustomBlock {
}
