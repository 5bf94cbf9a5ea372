package org.bookbinder;

import org.bookbinder.diagnostics.Diagnostic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files from other editors: a book whose every text file has Windows line ends (CRLF) and starts with a UTF-8
 * byte-order mark builds byte for byte the same files as the book as written. (Diagnostics at the right line and
 * column in such files: the corpus cases {@code NOTE-001-crlf-line-ends} and {@code NOTE-001-byte-order-mark}.)
 */
class LineEndsTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"basic", "glossary", "citations"})
    void aBookWithCrlfLineEndsAndByteOrderMarksBuildsTheSameFiles(String name, @TempDir Path temp) throws IOException {
        Path asWritten = temp.resolve("lf");
        Path windows = temp.resolve("crlf");
        BadInputTest.copyTree(Path.of("src/test/resources/books", name), asWritten);
        BadInputTest.copyTree(asWritten, windows);
        List<Path> converted = toWindows(windows);
        assertThat(converted).as("text files converted").anyMatch(p -> p.toString().endsWith(".md")).anyMatch(p -> p.endsWith("book.yaml"));

        BuildResult lf = Bookbinder.build(asWritten, BuildOptions.defaults().withOutDir(temp.resolve("out-lf")));
        BuildResult crlf = Bookbinder.build(windows, BuildOptions.defaults().withOutDir(temp.resolve("out-crlf")));

        assertThat(lf.succeeded()).as("%s builds: %s", name, lf.diagnostics()).isTrue();
        assertThat(crlf.diagnostics().stream().map(Diagnostic::format)).as("the same diagnostics")
                .containsExactlyElementsOf(lf.diagnostics().stream().map(Diagnostic::format).toList());
        assertThat(crlf.outputs()).hasSameSizeAs(lf.outputs()).isNotEmpty();
        for (Path file : lf.outputs()) {
            Path other = temp.resolve("out-crlf").resolve(file.getFileName().toString());
            assertThat(Files.readAllBytes(other)).as("%s, byte for byte", file.getFileName()).isEqualTo(Files.readAllBytes(file));
        }
    }

    /** Every Markdown, YAML, JSON and BibTeX file under {@code dir} rewritten with CRLF line ends and a byte-order mark. */
    private static List<Path> toWindows(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(md|yaml|json|bib)")).toList();
            for (Path p : files) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                assertThat(text).as("%s is written with LF line ends", p).doesNotContain("\r").doesNotStartWith("\uFEFF");
                byte[] body = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
                byte[] bytes = new byte[BOM.length + body.length];
                System.arraycopy(BOM, 0, bytes, 0, BOM.length);
                System.arraycopy(body, 0, bytes, BOM.length, body.length);
                Files.write(p, bytes);
            }
            return files;
        }
    }
}
