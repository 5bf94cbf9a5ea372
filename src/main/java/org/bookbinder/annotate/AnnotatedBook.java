package org.bookbinder.annotate;

import org.bookbinder.annotate.glossary.AnnotatedGlossary;
import org.bookbinder.annotate.citations.FormattedBibliography;
import org.bookbinder.load.BookConfig;
import org.bookbinder.load.Colophon;
import org.bookbinder.load.ImageFile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The book after annotation: settings, chapters in reading order, stylesheets.
 *
 * @param modified the package's {@code dcterms:modified}: SOURCE_DATE_EPOCH, else the book's date, never the clock
 * @param images   the images the chapters show (from the manuscript)
 * @param glossary the glossary with the places its terms are linked, if the book has one
 * @param bibliography the formatted bibliography, when the book cites (or lists with {@code nocite: all}) any work
 * @param colophon book.yaml's colophon, its links sanitised, when it has one
 */
public record AnnotatedBook(BookConfig config, List<AnnotatedChapter> chapters, String epubCss, String printCss,
                            Instant modified, List<ImageFile> images, Optional<AnnotatedGlossary> glossary,
                            Optional<FormattedBibliography> bibliography, Optional<Colophon> colophon) {
    public AnnotatedBook {
        chapters = List.copyOf(chapters);
        images = List.copyOf(images);
    }

    /** A book without a glossary or a bibliography. */
    public AnnotatedBook(BookConfig config, List<AnnotatedChapter> chapters, String epubCss, String printCss, Instant modified,
                         List<ImageFile> images) {
        this(config, chapters, epubCss, printCss, modified, images, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
