package org.bookbinder.spec;

import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.bookbinder.diagnostics.Diagnostic;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every {@code src/test/resources/spec/*.spec.md}: each example is built as a small book and the XHTML the
 * EPUB holds is compared with the expected markup, the diagnostics with the expected ones, and nothing else.
 * The format is described in {@code src/test/resources/spec/README.md}; {@link SpecExample} reads it.
 */
class SpecTest {
    static final Path SPECS = Path.of("src/test/resources/spec");

    @TempDir
    static Path temp;

    @TestFactory
    Stream<DynamicNode> specs() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SPECS)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".spec.md")).sorted().toList();
        }
        assertThat(files).as("spec files in " + SPECS).isNotEmpty();
        return files.stream().map(file -> {
            List<SpecExample> examples = SpecExample.read(file);
            assertThat(examples).as("examples in " + file).isNotEmpty();
            return DynamicContainer.dynamicContainer(file.getFileName().toString(), examples.stream()
                    .map(e -> DynamicTest.dynamicTest(e.displayName(), file.toUri(), () -> run(e))));
        });
    }

    private static void run(SpecExample example) throws IOException {
        Path book = Files.createDirectories(temp.resolve(example.slug()));
        example.writeBook(book);
        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withCheck(false).withOutDir(book.resolve("build")));
        List<String> diagnostics = result.diagnostics().stream()
                .filter(d -> !d.code().equals("CHAP-004"))        // an example needs no '# Title'
                .map(Diagnostic::format).toList();
        String context = "\n--- input (" + example.location() + ") ---\n" + example.inputText() + "\n";
        assertThat(diagnostics).as("diagnostics, and nothing else" + context).containsExactlyElementsOf(example.diagnostics());
        if (example.documents().isEmpty()) {
            return;
        }
        assertThat(result.succeeded()).as("the build succeeded" + context).isTrue();
        Path epub = book.resolve("build").resolve(SpecExample.BOOK_ID + ".epub");
        for (SpecExample.Expected expected : example.documents()) {
            String xhtml = entry(epub, "EPUB/" + expected.href());
            assertThat(xhtml).as("EPUB/" + expected.href() + " exists" + context).isNotNull();
            assertThat(normalise(select(xhtml, example.isChapter(expected.href())))).as(expected.href() + context)
                    .isEqualTo(normalise(expected.markup()));
        }
    }

    /**
     * What is compared: for a chapter, the inside of its {@code <section>} without its {@code h1}; for any other
     * document, the inside of {@code <body>}.
     */
    private static String select(String xhtml, boolean chapter) {
        Document doc = Jsoup.parse(xhtml, "", Parser.xmlParser());
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false);
        Element body = doc.selectFirst("body");
        if (chapter) {
            Element section = body.selectFirst("> section");
            Element h1 = section.selectFirst("> h1");
            if (h1 != null) {
                h1.remove();
            }
            return section.html();
        }
        return body.html();
    }

    /** Whitespace between tags is dropped and runs of whitespace become one space: layout is not compared. */
    static String normalise(String markup) {
        return markup.replaceAll("\\s+", " ").replaceAll(">\\s+<", "><").strip();
    }

    private static String entry(Path epub, String name) throws IOException {
        try (InputStream in = Files.newInputStream(epub); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

}
