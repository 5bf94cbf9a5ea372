package org.bookbinder.packaging.library;

import org.bookbinder.Background;
import org.bookbinder.packaging.accessibility.AccessibilityMetadata;
import org.bookbinder.packaging.accessibility.ContentFacts;
import org.bookbinder.load.BookConfig;
import org.bookbinder.packaging.EpubPackager;
import org.bookbinder.packaging.OutputFiles;
import org.bookbinder.render.Rendition;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes the library records beside the EPUB, through the build's {@link OutputFiles} so that they are committed
 * with it or not at all: {@code <id>.marc.xml} (MARCXML) and {@code <id>.opds.xml} (OPDS 1.2 entry).
 */
public final class LibraryRecords {
    private LibraryRecords() {
    }

    /** Starts making the records on a thread of their own (the build writes the EPUB meanwhile). */
    public static Prepared prepare(Rendition rendition, AccessibilityMetadata accessibility, ContentFacts facts) {
        BookConfig c = rendition.config();
        CompletableFuture<List<byte[]>> records = Background.start("bookbinder-library-records", () -> List.of(
                MarcRecord.xml(c, rendition.modified(), accessibility, facts),
                OpdsEntry.xml(c, EpubPackager.modified(rendition), c.url().orElse(c.id() + ".epub"), accessibility)));
        return new Prepared(c.id(), records);
    }

    /** The records being made, to be written once made. */
    public static final class Prepared {
        private final String id;
        private final CompletableFuture<List<byte[]>> records;

        private Prepared(String id, CompletableFuture<List<byte[]>> records) {
            this.id = id;
            this.records = records;
        }

        /** Writes the records (waiting for them if need be) through {@code output}. */
        public void write(OutputFiles output) throws IOException {
            List<byte[]> made = Background.join(records);
            Files.write(output.staged(id + ".marc.xml"), made.get(0));
            Files.write(output.staged(id + ".opds.xml"), made.get(1));
        }
    }
}
