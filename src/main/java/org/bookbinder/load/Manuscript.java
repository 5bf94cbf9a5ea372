package org.bookbinder.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the load stage read from a book directory.
 *
 * @param epubCss  the e-book stylesheet (styles/epub.css, or the built-in default)
 * @param printCss the print edition's stylesheet (styles/print.css, or the built-in default)
 * @param images   the images the chapters show, each once, in order of first use
 */
public record Manuscript(Path bookDir, BookConfig config, List<Chapter> chapters, String epubCss, String printCss,
                         List<ImageFile> images) {
    public Manuscript {
        chapters = List.copyOf(chapters);
        images = List.copyOf(images);
    }
}
