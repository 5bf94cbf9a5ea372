package org.bookbinder.packaging;

import org.bookbinder.BookTemplate;
import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.bookbinder.diagnostics.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One build at a time per output directory, and what a killed build left is tidied by the next. */
class OutputLockTest {
    @TempDir
    Path temp;

    @Test
    void aBuildIntoADirectoryAnotherBuildIsWritingIntoFailsWithOut003() throws Exception {
        Path book = temp.resolve("book");
        BookTemplate.write(book);
        Path out = temp.resolve("out");
        BuildResult good = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false));
        assertThat(good.succeeded()).isTrue();
        byte[] epub = Files.readAllBytes(out.resolve("book.epub"));

        BuildResult second;
        try (OutputFiles first = OutputFiles.begin(out)) {        // a build in the middle of writing, on this thread
            second = CompletableFuture.supplyAsync(() ->
                    Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false))).get();
            assertThat(first.committed()).isFalse();
        }

        assertThat(second.succeeded()).isFalse();
        assertThat(second.diagnostics()).extracting(Diagnostic::format).containsExactly(out + ": error OUT-003: another build is "
                + "writing into this output directory: wait for it to end, or build into another one (-o)");
        assertThat(out.resolve("book.epub")).hasBinaryContent(epub);
        assertThat(names(out)).as("the lock let go, nothing left").containsExactly("book.epub", "book.html", "book.marc.xml", "book.opds.xml");
        assertThat(Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false)).succeeded()).as("free again").isTrue();
    }

    @Test
    void whatKilledBuildsLeftIsTidiedAndAnInterruptedCommitFinished() throws IOException {
        Path out = temp.resolve("out");
        Path killedEarly = Files.createDirectories(out.resolve(".bookbinder-111"));
        Files.writeString(killedEarly.resolve("book.epub"), "half an EPUB");
        Path killedCommitting = Files.createDirectories(out.resolve(".bookbinder-222"));
        Files.writeString(killedCommitting.resolve("b.html"), "new b");
        Files.writeString(killedCommitting.resolve(OutputFiles.COMMITTING), "a.epub\nb.html\n");
        Files.writeString(out.resolve("a.epub"), "new a");       // moved before the kill
        Files.writeString(out.resolve("b.html"), "old b");
        Files.writeString(out.resolve(OutputFiles.LOCK), "a pid that is gone");

        try (OutputFiles next = OutputFiles.begin(out)) {
            assertThat(out.resolve("b.html")).hasContent("new b");
            assertThat(out.resolve("a.epub")).hasContent("new a");
            assertThat(killedEarly).doesNotExist();
            assertThat(killedCommitting).doesNotExist();
        }
        assertThat(names(out)).containsExactly("a.epub", "b.html");
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
