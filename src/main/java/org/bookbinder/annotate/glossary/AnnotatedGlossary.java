package org.bookbinder.annotate.glossary;

import java.util.List;

/**
 * The glossary after linking: each entry with the places the text links to it, for the glossary page.
 *
 * @param entries in the glossary file's order
 */
public record AnnotatedGlossary(String file, List<Entry> entries) {
    public AnnotatedGlossary {
        entries = List.copyOf(entries);
    }

    /** An entry and where it is used: the first use in each chapter that has one, in reading order. */
    public record Entry(GlossaryEntry entry, List<Use> uses) {
        public Entry {
            uses = List.copyOf(uses);
        }
    }

    /**
     * A linked first use of a term.
     *
     * @param chapterSlug  the chapter's output name ({@code text/<slug>.xhtml})
     * @param chapterTitle the chapter's title, the backlink's text
     * @param linkId       the id of the link in the chapter
     */
    public record Use(String chapterSlug, String chapterTitle, String linkId) {
    }
}
