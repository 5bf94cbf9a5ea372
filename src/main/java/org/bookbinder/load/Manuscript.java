package org.bookbinder.load;

import org.bookbinder.annotate.glossary.Glossary;
import org.bookbinder.annotate.citations.Bibliography;
import org.bookbinder.annotate.citations.PreparedStyle;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the load stage read from a book directory.
 *
 * @param epubCss  the e-book stylesheet (styles/epub.css, or the built-in default)
 * @param printCss the print edition's stylesheet (styles/print.css, or the built-in default)
 * @param images   the images the chapters show, each once, in order of first use
 * @param glossary the glossary named by book.yaml's {@code glossary}, if it has entries
 * @param bibliography the works the book can cite, when book.yaml names a bibliography
 * @param colophon book.yaml's {@code colophon:}, parsed, when it has one
 * @param citationStyle the citation style, being loaded on a thread of its own, when book.yaml names a bibliography
 */
public record Manuscript(Path bookDir, BookConfig config, List<Chapter> chapters, String epubCss, String printCss,
                         List<ImageFile> images, Optional<Glossary> glossary, Optional<Bibliography> bibliography,
                         Optional<Colophon> colophon, Optional<PreparedStyle> citationStyle) {
    public Manuscript {
        chapters = List.copyOf(chapters);
        images = List.copyOf(images);
    }

    /** A manuscript without a glossary or a bibliography. */
    public Manuscript(Path bookDir, BookConfig config, List<Chapter> chapters, String epubCss, String printCss,
                      List<ImageFile> images) {
        this(bookDir, config, chapters, epubCss, printCss, images, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A manuscript whose citation style, if it needs one, is loaded when it is annotated. */
    public Manuscript(Path bookDir, BookConfig config, List<Chapter> chapters, String epubCss, String printCss,
                      List<ImageFile> images, Optional<Glossary> glossary, Optional<Bibliography> bibliography,
                      Optional<Colophon> colophon) {
        this(bookDir, config, chapters, epubCss, printCss, images, glossary, bibliography, colophon, Optional.empty());
    }
}
