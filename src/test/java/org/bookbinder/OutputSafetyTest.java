package org.bookbinder;

import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The output directory: what happens when it cannot be written, and that a failed build leaves the last good output alone. */
class OutputSafetyTest {
    /** An old time set on the good outputs, so that any rewrite of them shows in their modification time. */
    private static final FileTime OLD = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
    private static final byte[] LATIN1_CHAPTER = "# Caf\u00e9\n\nUn caf\u00e9.\n".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path temp;

    @Test
    void outDirThatIsARegularFileIsOut001AndNothingIsWritten() throws IOException {
        Path book = temp.resolve("book");
        BookTemplate.write(book);
        Path out = temp.resolve("out.txt");
        Files.writeString(out, "not a directory");
        Map<String, String> tempBefore = BadInputTest.snapshot(temp);

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.outputs()).isEmpty();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.code()).isEqualTo("OUT-001");
            assertThat(d.file()).isEqualTo(out.toString());
            assertThat(d.format()).startsWith(out + ": error OUT-001: cannot write the output directory");
        });
        assertThat(BadInputTest.snapshot(temp)).as("nothing written anywhere, the file left as it was").isEqualTo(tempBefore);
    }

    @Test
    void defaultOutDirThatIsARegularFileIsReportedRelativeToTheBook() throws IOException {
        Path book = temp.resolve("book");
        BookTemplate.write(book);
        Files.writeString(book.resolve("build"), "not a directory");

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withCheck(false));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("OUT-001");
            assertThat(d.file()).isEqualTo("build");
            assertThat(d.message()).doesNotContain("FileAlreadyExists").doesNotContain(temp.toString());
        });
        assertThat(book.resolve("build")).hasContent("not a directory");
    }

    @Test
    void aBookThatFailsToLoadNeverTouchesThePreviousGoodOutput() throws IOException {
        Path book = temp.resolve("book");
        BookTemplate.write(book);
        Path out = temp.resolve("out");
        Map<String, Snapshot> good = buildGood(book, out);

        Files.write(book.resolve("chapters/02-latin1.md"), LATIN1_CHAPTER);
        BuildResult broken = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false));

        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.outputs()).isEmpty();
        assertThat(broken.diagnostics()).extracting(Diagnostic::format)
                .containsExactly("chapters/02-latin1.md:1:6: error CHAP-003: the chapter is not valid UTF-8 (save it as UTF-8)");
        assertThat(snapshots(out)).as("the out dir: same files, bytes and times, nothing else").isEqualTo(good);
    }

    /** Here the failure comes after the files were staged in the out dir, so the staging folder must go too. */
    @Test
    void aBookThatFailsAfterStagingNeverTouchesThePreviousGoodOutput() throws IOException {
        Path book = temp.resolve("book");
        BookTemplate.write(book);
        Path out = temp.resolve("out");
        Map<String, Snapshot> good = buildGood(book, out);

        Files.writeString(book.resolve("chapters/02-untitled.md"), "No heading here, so only a warning.\n");
        BuildResult broken = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false).withStrict(true));

        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.outputs()).isEmpty();
        assertThat(broken.timings()).as("it got as far as packaging").containsKey("package");
        assertThat(broken.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("CHAP-004");
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.file()).isEqualTo("chapters/02-untitled.md");
        });
        assertThat(snapshots(out)).as("the out dir: same files, bytes and times, nothing else").isEqualTo(good);
    }

    /**
     * OutputFiles.commit moves the staged files one by one; when a later move fails, the earlier ones have already
     * replaced the good output, although the build reports failure.
     */
    @Test
    void aBuildThatFailsWhileCommittingLeavesThePreviousEpubAlone() throws IOException {
        Path book = temp.resolve("book");
        BookTemplate.write(book);
        Path out = temp.resolve("out");
        buildGood(book, out);
        Files.delete(out.resolve("book.html"));
        Files.createDirectories(out.resolve("book.html/in-the-way"));
        Map<String, Snapshot> before = snapshots(out);

        Files.writeString(book.resolve("chapters/02-more.md"), "# More\n\nA new chapter.\n");
        BuildResult broken = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false));

        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.diagnostics()).extracting(Diagnostic::code).containsExactly("OUT-001");
        assertThat(snapshots(out)).isEqualTo(before);
    }

    /** Builds the good book into {@code out}, dates its outputs back to {@link #OLD}, and returns what is there. */
    private static Map<String, Snapshot> buildGood(Path book, Path out) throws IOException {
        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.outputs()).containsExactly(out.resolve("book.epub"), out.resolve("book.html"),
                out.resolve("book.marc.xml"), out.resolve("book.opds.xml"));
        for (Path p : result.outputs()) {
            Files.setLastModifiedTime(p, OLD);
        }
        Map<String, Snapshot> good = snapshots(out);
        assertThat(good).containsOnlyKeys("book.epub", "book.html", "book.marc.xml", "book.opds.xml");
        return good;
    }

    /** A file's bytes (Base64) and modification time, or a folder's. */
    record Snapshot(String content, FileTime modified) {
    }

    private static Map<String, Snapshot> snapshots(Path dir) throws IOException {
        Map<String, Snapshot> all = new LinkedHashMap<>();
        Map<String, String> contents = BadInputTest.snapshot(dir);
        for (Map.Entry<String, String> e : contents.entrySet()) {
            all.put(e.getKey(), new Snapshot(e.getValue(), Files.getLastModifiedTime(dir.resolve(e.getKey()))));
        }
        return all;
    }
}
