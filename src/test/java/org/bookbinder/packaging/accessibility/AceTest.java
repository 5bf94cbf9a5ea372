package org.bookbinder.packaging.accessibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DAISY Ace 1.4.6 finds no violation, at any impact (critical, serious, moderate, minor), in the flagship EPUB and
 * in every test book under {@code src/test/resources/books/}. Each book is built once and checked by one Ace run.
 *
 * <p>Ace runs from npm with Debian's chromium, through {@code src/test/ace/ace.sh} (pinned by its package-lock;
 * installed on first use into {@code ~/.cache/bookbinder-ace}). It needs {@code chromium}, {@code nodejs} and
 * {@code npm} (apt); without them this test fails and says so: it never passes without having run Ace.
 */
class AceTest {
    static final Path ACE = Path.of("src/test/ace/ace.sh");
    static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");

    @TempDir
    Path temp;

    static Stream<Path> books() throws IOException {
        List<Path> books = new ArrayList<>(List.of(Path.of(".")));
        try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/books"))) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("book.yaml"))).sorted().forEach(books::add);
        }
        return books.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("books")
    void aceFindsNoViolationAtAnyImpact(Path book) throws Exception {
        Path out = temp.resolve("out");
        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false));
        assertThat(result.succeeded()).as("build of %s: %s", book, result.diagnostics()).isTrue();
        Path epub = result.outputs().stream().filter(p -> p.toString().endsWith(".epub")).findFirst().orElseThrow();

        Path reportDir = temp.resolve("ace");
        Process ace = new ProcessBuilder("bash", ACE.toString(), epub.toString(), reportDir.toString())
                .redirectErrorStream(true).start();
        String log = new String(ace.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ace.waitFor(10, TimeUnit.MINUTES)).as("Ace finished").isTrue();
        assertThat(ace.exitValue()).as("DAISY Ace could not run (this test needs chromium, nodejs and npm):%n%s", log).isZero();

        JsonNode report = new ObjectMapper().readTree(reportDir.resolve("report.json").toFile());
        assertThat(report.path("earl:assertedBy").path("doap:release").path("doap:revision").asText())
                .as("Ace version").isEqualTo("1.4.6");
        List<String> violations = new ArrayList<>();
        for (JsonNode doc : report.path("assertions")) {
            String url = doc.path("earl:testSubject").path("url").asText("?");
            for (JsonNode a : doc.path("assertions")) {
                if ("fail".equals(a.path("earl:result").path("earl:outcome").asText())) {
                    JsonNode test = a.path("earl:test");
                    violations.add(test.path("earl:impact").asText("minor") + " " + test.path("dct:title").asText("?")
                            + " in " + url + ": " + a.path("earl:result").path("dct:description").asText(""));
                }
            }
        }
        assertThat(violations).as("Ace violations (impacts %s) in %s", IMPACTS, book).isEmpty();
        assertThat(report.path("earl:result").path("earl:outcome").asText()).isEqualTo("pass");
    }
}
