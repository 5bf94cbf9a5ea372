package org.bookbinder;

import org.bookbinder.diagnostics.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XML that a book brings (a .csl style named by path, an SVG image) with a DOCTYPE whose external entity names a
 * local file: refused with a diagnostic, and the file's content appears nowhere, neither in a message nor in a file.
 */
class XmlEntitiesTest {
    private static final String SECRET = "the-secret-of-this-machine-7f3a";

    @TempDir
    static Path temp;
    static Path secret;

    @BeforeAll
    static void aFileOfThisMachine() throws IOException {
        secret = temp.resolve("secret.txt");
        Files.writeString(secret, SECRET + "\n");
    }

    @Test
    void aStyleFileWithAnExternalEntityIsRefused() throws IOException {
        Path book = CitationsBookTest.copy(temp.resolve("csl"), "hostile.csl", "chapters/references.json");
        String minimal = Files.readString(Path.of("src/test/resources/spec/fixtures/minimal.csl"), StandardCharsets.UTF_8);
        String hostile = minimal.replaceFirst("<style", "<!DOCTYPE style [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<style")
                .replaceFirst("<title>[^<]*</title>", "<title>&xxe;</title>");
        assertThat(hostile).contains("&xxe;").contains(secret.toUri().toString());
        Files.writeString(book.resolve("hostile.csl"), hostile, StandardCharsets.UTF_8);

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(book.resolve("build")).withCheck(false));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("CITE-006");
            assertThat(d.file()).isEqualTo("hostile.csl");
            assertThat(d.message()).contains("DOCTYPE");
        });
        assertNothingLeaked(result, book);
    }

    /** An external DTD, named by the DOCTYPE alone: never fetched, since the parser never sees it. */
    @Test
    void aParameterEntityOrAnExternalDtdIsRefusedToo() throws IOException {
        Path book = CitationsBookTest.copy(temp.resolve("dtd"), "dtd.csl", "chapters/references.json");
        Files.writeString(book.resolve("dtd.csl"), "<?xml version=\"1.0\"?>\n<!DOCTYPE style SYSTEM \"" + secret.toUri()
                + "\">\n<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\"><citation><layout/></citation></style>\n");

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(book.resolve("build")).withCheck(false));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::format)
                .contains("dtd.csl:2: error CITE-006: the citation style has a DOCTYPE: DTDs and entities are refused "
                        + "(a CSL style needs none, and an entity could read a file of this machine)");
        assertNothingLeaked(result, book);
    }

    @Test
    void anSvgImageWithAnExternalEntityIsRefused() throws IOException {
        Path book = temp.resolve("svg");
        BookTemplate.write(book);
        Files.writeString(book.resolve("chapters/map.svg"), "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&xxe;</text></svg>\n");
        Files.writeString(book.resolve("chapters/02-map.md"), "# Map\n\n![A map](map.svg)\n");

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(book.resolve("build")));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly("chapters/02-map.md:3:1: error IMG-002: "
                + "the SVG image 'map.svg' has a DOCTYPE: DTDs and entities are refused (an SVG needs none, and an entity could make a reader fetch a file)");
        assertNothingLeaked(result, book);
    }

    private static void assertNothingLeaked(BuildResult result, Path book) throws IOException {
        assertThat(result.diagnostics()).extracting(Diagnostic::format).noneMatch(s -> s.contains(SECRET));
        assertThat(result.outputs()).isEmpty();
        Path out = book.resolve("build");
        if (Files.exists(out)) {
            Map<String, String> written = BadInputTest.snapshot(out);
            assertThat(written).as("nothing written").isEmpty();
        }
    }
}
