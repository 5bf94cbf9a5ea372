package org.bookbinder;

import org.bookbinder.diagnostics.Diagnostic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Symbolic links that lead out of the book directory, which a corpus folder cannot hold (neither git nor Maven's
 * resource copy keeps them as links), and a chapter without read permission. What a link leads to is, where it can
 * be, a named pipe: opening it for reading would wait for a writer for ever, so a build that ends at all has not
 * opened it. (The corpus in {@code src/test/resources/bad/} has the {@code ../} and absolute paths.)
 */
class HostilePathsTest {
    private static final Duration NEVER_WAITS = Duration.ofSeconds(30);

    @TempDir
    Path temp;
    Path book;
    Path outside;

    @BeforeEach
    void book() throws IOException {
        book = Files.createDirectories(temp.resolve("book"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.createDirectories(book.resolve("chapters"));
        Files.writeString(book.resolve("book.yaml"), "id: hostile\ntitle: A Book\nlanguage: en\n");
        Files.writeString(book.resolve("chapters/01-one.md"), "# Chapter One\n\nSome text.\n");
    }

    @Test
    void anImageThatLinksOutIsRefusedUnread() throws IOException {
        Files.writeString(book.resolve("chapters/01-one.md"), "# Chapter One\n\n![A map of the camps](map.png)\n");
        Files.createSymbolicLink(book.resolve("chapters/map.png"), pipe("secret.png"));

        assertThat(failedBuild()).containsExactly("chapters/01-one.md:3:1: error IMG-003: the image 'map.png' (chapters/map.png) is a "
                + "symbolic link that leads outside the book directory: an EPUB must carry its images, so put the file itself in the book "
                + "directory (it was not read)");
    }

    @Test
    void aChapterInTheChapterFolderThatLinksOutIsRefused() throws IOException {
        Files.writeString(outside.resolve("secret.md"), "# Secret\n\nNot for the book.\n");
        Files.createSymbolicLink(book.resolve("chapters/02-secret.md"), outside.resolve("secret.md"));

        assertThat(failedBuild()).containsExactly("chapters/02-secret.md: error BOOK-008: the chapter file 'chapters/02-secret.md' is a "
                + "symbolic link that leads outside the book directory: a book is made only of the files in its directory, so copy the file "
                + "in (it was not read)");
    }

    @Test
    void aListedChapterThatLinksOutIsRefusedUnread() throws IOException {
        Files.writeString(book.resolve("book.yaml"), "id: hostile\ntitle: A Book\nlanguage: en\nchapters:\n  - chapters/01-one.md\n  - chapters/02-secret.md\n");
        Files.createSymbolicLink(book.resolve("chapters/02-secret.md"), pipe("secret.md"));

        assertThat(failedBuild()).containsExactly("book.yaml:6:5: error BOOK-008: the chapter file 'chapters/02-secret.md' is a "
                + "symbolic link that leads outside the book directory: a book is made only of the files in its directory, so copy the file "
                + "in (it was not read)");
    }

    @Test
    void aChapterFolderThatLinksOutIsRefused() throws IOException {
        Files.writeString(outside.resolve("01-one.md"), "# Secret\n\nNot for the book.\n");
        Files.delete(book.resolve("chapters/01-one.md"));
        Files.delete(book.resolve("chapters"));
        Files.createSymbolicLink(book.resolve("chapters"), outside);

        assertThat(failedBuild()).containsExactly("chapters/01-one.md: error BOOK-008: the chapter file 'chapters/01-one.md' is a "
                + "symbolic link that leads outside the book directory: a book is made only of the files in its directory, so copy the file "
                + "in (it was not read)");
    }

    @Test
    void aGlossaryAndABibliographyThatLinkOutAreRefusedUnread() throws IOException {
        Files.writeString(book.resolve("book.yaml"), "id: hostile\ntitle: A Book\nlanguage: en\nglossary: chapters/glossary.yaml\n"
                + "bibliography: chapters/references.json\n");
        Files.createSymbolicLink(book.resolve("chapters/glossary.yaml"), pipe("secret.yaml"));
        Files.createSymbolicLink(book.resolve("chapters/references.json"), pipe("secret.json"));

        assertThat(failedBuild()).containsExactly(
                "book.yaml:4:11: error BOOK-008: the glossary file 'chapters/glossary.yaml' is a symbolic link that leads outside the book "
                        + "directory: a book is made only of the files in its directory, so copy the file in (it was not read)",
                "book.yaml:5:15: error BOOK-008: the bibliography file 'chapters/references.json' is a symbolic link that leads outside the "
                        + "book directory: a book is made only of the files in its directory, so copy the file in (it was not read)");
    }

    @Test
    void aStylesheetThatLinksOutIsRefusedUnread() throws IOException {
        Files.createDirectories(book.resolve("styles"));
        Files.createSymbolicLink(book.resolve("styles/epub.css"), pipe("secret.css"));

        assertThat(failedBuild()).containsExactly("styles/epub.css: error BOOK-008: the stylesheet 'styles/epub.css' is a symbolic link "
                + "that leads outside the book directory: a book is made only of the files in its directory, so copy the file in (it was not read)");
    }

    @Test
    void aCitationStyleThatLinksOutIsRefused() throws IOException {
        Files.writeString(book.resolve("book.yaml"), "id: hostile\ntitle: A Book\nlanguage: en\nbibliography: chapters/references.json\n"
                + "citation-style: styles/house.csl\n");
        Files.writeString(book.resolve("chapters/references.json"), "[{\"id\": \"nimmo1988\", \"type\": \"book\", \"title\": \"Behind a Curtain of Silence\"}]\n");
        Files.writeString(book.resolve("chapters/01-one.md"), "# Chapter One\n\nAs Nimmo wrote [@nimmo1988].\n");
        Files.createDirectories(book.resolve("styles"));
        Files.writeString(outside.resolve("secret.csl"), "<?xml version=\"1.0\"?><style xmlns=\"http://purl.org/net/xbiblio/csl\"/>");
        Files.createSymbolicLink(book.resolve("styles/house.csl"), outside.resolve("secret.csl"));

        assertThat(failedBuild()).containsExactly("book.yaml:5:17: error BOOK-008: the style file 'styles/house.csl' is a symbolic link "
                + "that leads outside the book directory: a book is made only of the files in its directory, so copy the file in (it was not read)");
    }

    @Test
    void aLinkThatStaysInsideTheBookIsFollowed() throws Exception {
        Files.createDirectories(book.resolve("images"));
        byte[] png = Files.readAllBytes(BadInputTest.resource("/bad/A11Y-001-image-without-alt/in/chapters/camps.png"));
        Files.write(book.resolve("images/map.png"), png);
        Files.createSymbolicLink(book.resolve("chapters/map.png"), Path.of("../images/map.png"));
        Files.writeString(book.resolve("chapters/01-one.md"), "# Chapter One\n\n![A map of the camps](map.png)\n");
        Path out = temp.resolve("out");

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out));

        assertThat(result.diagnostics()).isEmpty();
        try (ZipFile epub = new ZipFile(out.resolve("hostile.epub").toFile())) {
            assertThat(epub.getInputStream(epub.getEntry("EPUB/images/map.png")).readAllBytes()).isEqualTo(png);
        }
    }

    @Test
    void aChapterWithoutReadPermissionIsADiagnostic() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads a file without read permission");
        Path chapter = book.resolve("chapters/01-one.md");
        Files.setPosixFilePermissions(chapter, PosixFilePermissions.fromString("-w-------"));
        try {
            assertThat(failedBuild()).containsExactly("chapters/01-one.md: error BOOK-007: the chapter file 'chapters/01-one.md' cannot be read: "
                    + "permission denied");
        } finally {
            Files.setPosixFilePermissions(chapter, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Builds the book, which must fail and write nothing; its diagnostics, printed. */
    private List<String> failedBuild() throws IOException {
        Path out = Files.createDirectories(temp.resolve("out"));
        BuildResult result = assertTimeoutPreemptively(NEVER_WAITS,
                () -> Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false)),
                "the build waits on a named pipe outside the book: it opened it");
        assertThat(result.succeeded()).isFalse();
        try (var files = Files.list(out)) {
            assertThat(files).as("written in the out dir").isEmpty();
        }
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }

    /** A named pipe outside the book: opening it for reading would wait for a writer. */
    private Path pipe(String name) throws IOException {
        Path pipe = outside.resolve(name);
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
            assertThat(mkfifo.waitFor()).as("mkfifo %s", pipe).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return pipe;
    }
}
