package org.bookbinder.annotate.citations;

import java.util.List;

/**
 * The book's bibliography as the style formats it, sorted as the style sorts it: the works cited, or every entry
 * with {@code nocite: all}.
 *
 * @param slug    the page's output name: {@code text/<slug>.xhtml}
 * @param title   "Bibliography" for a notes style, "References" for an author-date one
 * @param entries the entries, each with the id its citations link to
 */
public record FormattedBibliography(String slug, String title, List<Entry> entries) {
    public FormattedBibliography {
        entries = List.copyOf(entries);
    }

    /** One entry: its citation key, the id of its list item ({@code ref-<key>}) and its text as XHTML. */
    public record Entry(String key, String id, String xhtml) {
    }
}
