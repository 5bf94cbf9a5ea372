package org.bookbinder.annotate.citations;

import org.commonmark.node.CustomNode;

/**
 * A citation in the text: a bracketed one ({@code [see @a, p. 3; @b]}) or an in-text one ({@code @a}); its children
 * are its {@link Cite}s. The annotate stage decides how it is written ({@link #open}, {@link #close}, each cite's
 * text) and, in a notes style, moves it into a note.
 */
public final class Citation extends CustomNode {
    private final boolean inText;
    String open = "";
    String close = "";
    /** Set when the citation is a note of its own, made from a citation in the main text. */
    boolean ownNote;
    /** Set for an in-text citation of a notes style in the main text: it shows the names, its note the rest. */
    boolean namesOnly;
    /** Set once the annotate stage has formatted it; a citation outside the chapters (a colophon) is written as typed. */
    boolean formatted;

    public Citation(boolean inText) {
        this.inText = inText;
    }

    /** {@code @key} in the running text ("As @nimmo1988 shows"), rather than in brackets. */
    public boolean inText() {
        return inText;
    }

    /** Whether the annotate stage formatted it. */
    public boolean formatted() {
        return formatted;
    }

    /** What comes before the first cite, as text: "(" in an author-date style. */
    public String open() {
        return open;
    }

    /** What comes after the last cite, as text: "." at the end of a note, ")" in an author-date style. */
    public String close() {
        return close;
    }
}
