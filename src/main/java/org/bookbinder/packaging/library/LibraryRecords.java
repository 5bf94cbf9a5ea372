package org.bookbinder.packaging.library;

import org.bookbinder.packaging.accessibility.AccessibilityMetadata;
import org.bookbinder.packaging.accessibility.ContentFacts;
import org.bookbinder.load.BookConfig;
import org.bookbinder.packaging.EpubPackager;
import org.bookbinder.packaging.OutputFiles;
import org.bookbinder.render.Rendition;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Writes the library records beside the EPUB, through the build's {@link OutputFiles} so that they are committed
 * with it or not at all: {@code <id>.marc.xml} (MARCXML) and {@code <id>.opds.xml} (OPDS 1.2 entry).
 */
public final class LibraryRecords {
    private LibraryRecords() {
    }

    public static void write(Rendition rendition, AccessibilityMetadata accessibility, ContentFacts facts,
                             OutputFiles output) throws IOException {
        BookConfig c = rendition.config();
        Files.write(output.staged(c.id() + ".marc.xml"), MarcRecord.xml(c, rendition.modified(), accessibility, facts));
        String epubHref = c.url().orElse(c.id() + ".epub");
        Files.write(output.staged(c.id() + ".opds.xml"), OpdsEntry.xml(c, EpubPackager.modified(rendition), epubHref, accessibility));
    }
}
