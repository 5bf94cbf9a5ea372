package org.bookbinder.annotate.notes;

/** Hands out note numbers: one counter per chapter, or one for the whole book ({@code notes: {numbering: book}}). */
public final class NoteCounter {
    private int last;

    int next() {
        return ++last;
    }
}
