package org.bookbinder.annotate;

import org.bookbinder.load.FrontMatter;
import org.commonmark.node.Document;

import java.util.List;
import java.util.Set;

/**
 * A chapter with everything resolved that the renderer needs.
 *
 * @param file     the source file, for diagnostics
 * @param slug     the output name: {@code text/<slug>.xhtml}
 * @param titleId  the id of the chapter's title heading
 * @param title    the chapter title as plain text (for the nav, the print running head and {@code <title>})
 * @param sections the {@code ##} headings, in order
 * @param document the annotated tree (owned by this record; see {@link org.bookbinder.load.Chapter})
 * @param manifestProperties extra OPF manifest properties of its document (e.g. {@code glossary}); usually none
 */
public record AnnotatedChapter(String file, String slug, String titleId, String title, List<Section> sections,
                               FrontMatter frontMatter, Document document, Set<String> manifestProperties) {
    public AnnotatedChapter {
        sections = List.copyOf(sections);
        manifestProperties = Set.copyOf(manifestProperties);
    }

    /** A chapter from the manuscript: no extra manifest properties. */
    public AnnotatedChapter(String file, String slug, String titleId, String title, List<Section> sections,
                            FrontMatter frontMatter, Document document) {
        this(file, slug, titleId, title, sections, frontMatter, document, Set.of());
    }
}
