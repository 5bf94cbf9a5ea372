package org.bookbinder.annotate.glossary;

import org.commonmark.node.CustomNode;

/**
 * A glossary term in the text, linked to its entry's definition (its children are the words as the text has
 * them): {@code <a epub:type="glossref" role="doc-glossref" href="glossary.xhtml#def-…">}.
 */
public final class GlossaryLink extends CustomNode {
    private final GlossaryEntry entry;
    private final String linkId;
    private final String href;

    GlossaryLink(GlossaryEntry entry, String linkId, String href) {
        this.entry = entry;
        this.linkId = linkId;
        this.href = href;
    }

    public GlossaryEntry entry() {
        return entry;
    }

    /** The id of this link in its chapter: the target of the glossary page's backlink. */
    public String linkId() {
        return linkId;
    }

    /** Where the link goes: {@code glossary.xhtml#def-…}, its entry's definition (one string for all its links). */
    public String href() {
        return href;
    }
}
