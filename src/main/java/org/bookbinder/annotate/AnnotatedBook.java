package org.bookbinder.annotate;

import org.bookbinder.load.BookConfig;
import org.bookbinder.load.ImageFile;

import java.time.Instant;
import java.util.List;

/**
 * The book after annotation: settings, chapters in reading order, stylesheets.
 *
 * @param modified the package's {@code dcterms:modified}: SOURCE_DATE_EPOCH, else the book's date, never the clock
 * @param images   the images the chapters show (from the manuscript)
 */
public record AnnotatedBook(BookConfig config, List<AnnotatedChapter> chapters, String epubCss, String printCss,
                            Instant modified, List<ImageFile> images) {
    public AnnotatedBook {
        chapters = List.copyOf(chapters);
        images = List.copyOf(images);
    }
}
