package org.bookbinder.load.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.bookbinder.diagnostics.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bookbinder import} on the flagship's scraped source (plain text) and on an HTML page of our own. */
class ImporterTest {
    static final Path RESOURCES = Path.of("src/test/resources/import");

    @TempDir
    Path dir;

    @Test
    void plainTextSourceIsSplitAtItsHeadingsAndCleaned() throws IOException {
        Importer.Result result = importInto("soviet-pows-original.txt");
        assertThat(chapterFiles()).containsExactly(
                "01-introduction.md", "02-prisoners-of-war.md", "03-polish-pows.md", "04-finnish-pows.md",
                "05-german-pows.md", "06-german-allied-pows.md", "07-japanese-pows.md", "08-korean-pows.md",
                "09-manchuria-chinese-pows.md", "10-soviet-citizens-joining-the-wehrmacht.md",
                "11-soviet-citzens-held-as-pows-and-slave.md", "12-other-soviet-prisoners-and-internal.md");
        String all = allChapters();
        assertThat(all).as("navigation debris is gone")
                .doesNotContain("Return to", "Navigate the", "CIH -- WW II", "[About Us]", "Created:", "Last updated:");
        assertThat(all).as("the sources section is not a chapter").doesNotContain("# Sources", "Nimmo, William.");
        assertThat(result.created()).contains("1:49 AM 7/26/2005");
        assertThat(result.updated()).contains("3:40 AM 4/25/2014");
        assertThat(Files.readString(dir.resolve("book.yaml"))).contains("title: Soviet Treatment of World War II Prisoners of War (POWs)")
                .contains("7/26/2005").contains("4/25/2014").contains("bibliography: chapters/references.json");

        String japanese = Files.readString(dir.resolve("chapters/07-japanese-pows.md"));
        assertThat(japanese).startsWith("# Japanese POWs\n")
                .contains("first winter. [@applebaum2003] Tey")
                .contains("as possible. [@solzhenitsyn1973, p. 84] This seems");
        assertThat(Files.readString(dir.resolve("chapters/01-introduction.md")))
                .as("quotes normalised: the scraped apostrophe becomes a straight one")
                .contains("I don't know").doesNotContain("\u2018");

        JsonNode refs = new ObjectMapper().readTree(dir.resolve("chapters/references.json").toFile());
        assertThat(refs).hasSize(3);
        assertThat(refs.get(0).get("id").asText()).isEqualTo("applebaum2003");
        assertThat(refs.get(0).get("title").asText()).isEqualTo("Gulag: A History");
        assertThat(refs.get(0).get("publisher").asText()).isEqualTo("Doubleday");
        assertThat(refs.get(2).get("translator").get(0).get("family").asText()).isEqualTo("Wjitney");
        assertThat(refs.get(2).get("publisher-place").asText()).isEqualTo("New York");
        assertThat(refs.get(2).get("number-of-pages").asText()).isEqualTo("660");

        // the source lists "Nimmo, William." without a title: the draft builds, and says so
        assertBuilds("chapters/references.json:14:4: warning CITE-010: entry 'nimmo' has no \"title\": its citations will name only its author and imprint");
    }

    @Test
    void htmlPageLosesItsNavigationFooterAndSidebarAndKeepsItsMarkup() throws IOException {
        Importer.Result result = importInto("river-page.html");
        assertThat(chapterFiles()).containsExactly("01-introduction.md", "02-the-boatmen.md", "03-the-cargo.md");
        String all = allChapters();
        assertThat(all).doesNotContain("EXAMPLE HISTORY SITE", "Home", "About", "Return to", "Buy our book", "Contact",
                "tracking", "font-family", "Created:", "Last updated:");
        assertThat(Files.readString(dir.resolve("chapters/01-introduction.md")))
                .contains("Boats carried *grain* and **salt** down the river for three *centuries*.")
                .contains("The trade was \"seasonal\" and it didn't stop in winter.");
        String boatmen = Files.readString(dir.resolve("chapters/02-the-boatmen.md"));
        assertThat(boatmen).startsWith("# The Boatmen\n")
                .contains("upland villages [@miller1999, p. 12] and worked")
                .contains("> We rowed from dawn to dusk.\n>\n> And then we rowed again.")
                .contains("- Crews of six\n- Seasons of eight months");
        String cargo = Files.readString(dir.resolve("chapters/03-the-cargo.md"));
        assertThat(cargo).contains("by weight [@miller1999]. See [the salt tables](https://example.org/salt).")
                .contains("\n## Grain\n");
        assertThat(result.created()).contains("3 March 2010");
        assertThat(result.updated()).contains("9 June 2018");
        assertThat(Files.readString(dir.resolve("book.yaml"))).contains("title: The River Trade");
        assertBuildsCleanly();
    }

    @Test
    void refusesToOverwriteABookAndReportsAMissingSource() throws IOException {
        Files.writeString(dir.resolve("book.yaml"), "id: x\n");
        Diagnostics d = new Diagnostics();
        assertThat(Importer.importPage(RESOURCES.resolve("river-page.html"), dir, d)).isEmpty();
        assertThat(d.list()).extracting(x -> x.code()).containsExactly("IMPORT-002");
        assertThat(Files.readString(dir.resolve("book.yaml"))).isEqualTo("id: x\n");
        Diagnostics d2 = new Diagnostics();
        assertThat(Importer.importPage(RESOURCES.resolve("no-such.txt"), dir.resolve("new"), d2)).isEmpty();
        assertThat(d2.list()).extracting(x -> x.code()).containsExactly("IMPORT-001");
    }

    @Test
    void aPageWithNoTextIsImport003AndWritesNothing() throws IOException {
        Path blank = dir.resolve("blank.txt");
        Files.writeString(blank, "\n   \n\n");
        Path book = dir.resolve("book");
        Diagnostics d = new Diagnostics();

        assertThat(Importer.importPage(blank, book, d)).isEmpty();

        assertThat(d.list()).extracting(x -> x.format()).containsExactly(blank + ": error IMPORT-003: found no text to import");
        assertThat(book).doesNotExist();
    }

    private Importer.Result importInto(String source) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Importer.Result result = Importer.importPage(RESOURCES.resolve(source), dir, diagnostics).orElseThrow();
        assertThat(diagnostics.list()).isEmpty();
        return result;
    }

    private void assertBuildsCleanly() {
        assertBuilds();
    }

    /** The imported book builds, reporting exactly {@code expected}. */
    private void assertBuilds(String... expected) {
        BuildResult build = Bookbinder.build(dir, BuildOptions.defaults().withCheck(false).withOutDir(dir.resolve("out")));
        assertThat(build.diagnostics()).extracting(d -> d.format()).containsExactly(expected);
        assertThat(build.succeeded()).isTrue();
    }

    private List<String> chapterFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("chapters"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
    }

    private String allChapters() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String f : chapterFiles()) {
            sb.append(Files.readString(dir.resolve("chapters").resolve(f), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
