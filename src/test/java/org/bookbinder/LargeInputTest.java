package org.bookbinder;

import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.load.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Very deep nesting, a very long paragraph and a very large file build, or fail with a diagnostic: never a
 * StackOverflowError or an OutOfMemoryError (Surefire's JVM has 2 GB of heap, see the pom).
 */
class LargeInputTest {
    private static final Set<String> OUR_CODES = Arrays.stream(Code.values()).map(Code::id).collect(Collectors.toSet());

    @TempDir
    Path temp;

    @Test
    void chaptersNestedTooDeepAreRefusedEachWithLimit001() throws IOException {
        Map<String, String> chapters = new LinkedHashMap<>();
        chapters.put("01-quotes", ">".repeat(10_000) + " ten thousand block quotations\n");
        chapters.put("02-list-items", "- ".repeat(10_000) + "ten thousand list items\n");
        StringBuilder indented = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            indented.append("  ".repeat(i)).append("- item\n");
        }
        chapters.put("03-indented-lists", indented.toString());
        chapters.put("04-emphasis", "*".repeat(100_000) + "a hundred thousand stars" + "*".repeat(100_000) + "\n");
        Path book = book("deep", chapters);

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(book.resolve("build")).withCheck(false));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "chapters/01-quotes.md: error LIMIT-001: the chapter nests blocks, lists or emphasis more than 256 levels deep",
                "chapters/02-list-items.md: error LIMIT-001: the chapter nests blocks, lists or emphasis more than 256 levels deep",
                "chapters/03-indented-lists.md: error LIMIT-001: the chapter nests blocks, lists or emphasis more than 256 levels deep",
                "chapters/04-emphasis.md: error LIMIT-001: the chapter nests blocks, lists or emphasis more than 256 levels deep");
        assertThat(book.resolve("build")).doesNotExist();
    }

    /** Just within the limit, and what commonmark or jsoup flatten however deep it is written: built, and checked. */
    @Test
    void deepButReadableChaptersBuildAndPassEpubCheck() throws IOException {
        Map<String, String> chapters = new LinkedHashMap<>();
        chapters.put("01-quotes", ">".repeat(Limits.MAX_DEPTH - 6) + " quoted deep\n");
        chapters.put("02-lists", "- ".repeat((Limits.MAX_DEPTH - 6) / 2) + "listed deep\n");
        chapters.put("03-brackets", "[".repeat(100_000) + "a hundred thousand brackets" + "]".repeat(100_000) + "\n");
        chapters.put("05-divs", "<div>".repeat(10_000) + "ten thousand divisions" + "</div>".repeat(10_000) + "\n");
        chapters.put("06-spans", "Text <span>".repeat(10_000) + "ten thousand spans" + "</span>".repeat(10_000) + "\n");
        Path book = book("readable", chapters);

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(book.resolve("build")));

        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.timings()).containsKey("check");
        assertThat(result.diagnostics()).as("no message of EPUBCheck's").allSatisfy(d -> assertThat(d.code()).isIn(OUR_CODES));
        assertThat(result.diagnostics()).noneMatch(Diagnostic::isError);
        try (ZipFile zip = new ZipFile(book.resolve("build/readable.epub").toFile())) {
            String quotes = new String(zip.getInputStream(zip.getEntry("EPUB/text/01-quotes.xhtml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(quotes.split("<blockquote>", -1)).hasSize(Limits.MAX_DEPTH - 6 + 1);
            String divs = new String(zip.getInputStream(zip.getEntry("EPUB/text/05-divs.xhtml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(divs).contains("ten thousand divisions");
        }
    }

    @Test
    void aFiftyMegabyteParagraphBuildsAndPassesEpubCheck() throws IOException {
        String paragraph = "Word and words, one paragraph. ".repeat(50_000_000 / 31) + "\n";
        Path book = book("long", Map.of("01-long", paragraph));

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(book.resolve("build")));

        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.diagnostics()).isEmpty();
        assertThat(Files.size(book.resolve("build/long.html"))).isGreaterThan(50_000_000L);
    }

    @Test
    void aChapterFileLargerThanTheLimitIsRefusedUnread() throws IOException {
        Path book = book("huge", Map.of("01-small", "Small.\n"));
        try (RandomAccessFile huge = new RandomAccessFile(book.resolve("chapters/02-huge.md").toFile(), "rw")) {
            huge.setLength(Limits.MAX_CHAPTER_BYTES + 1);       // sparse: nothing is written, nothing need be read
        }

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(book.resolve("build")).withCheck(false));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "chapters/02-huge.md: error LIMIT-002: the chapter is 64 MiB; a chapter may be at most 64 MiB: divide it into chapters");
    }

    private Path book(String id, Map<String, String> chapters) throws IOException {
        Path book = temp.resolve(id);
        Files.createDirectories(book.resolve("chapters"));
        Files.writeString(book.resolve("book.yaml"), "id: " + id + "\ntitle: Deep and Long\nlanguage: en-GB\n"
                + "identifier: urn:uuid:0e6f6a2c-2b7d-4c1e-9d6b-8f0a1c2d3e4f\ndate: 2026-01-01\n", StandardCharsets.UTF_8);
        for (Map.Entry<String, String> c : chapters.entrySet()) {
            Files.writeString(book.resolve("chapters/" + c.getKey() + ".md"), "# " + c.getKey().substring(3) + "\n\n" + c.getValue(),
                    StandardCharsets.UTF_8);
        }
        return book;
    }
}
