package org.bookbinder;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds {@code src/test/resources/books/citations} end to end with EPUBCheck, four times: Chicago notes and Chicago
 * author-date, each from the CSL-JSON and from the BibTeX bibliography; then reads the EPUBs and print editions.
 * ({@link DeterminismTest} builds it in another time zone and locale.)
 */
class CitationsBookTest {
    static final Path BOOK = Path.of("src/test/resources/books/citations");
    static final String ID = "citations-test";

    @TempDir
    static Path temp;
    static Built notesJson;
    static Built notesBib;
    static Built authorDateJson;
    static Built authorDateBib;

    /** One build: its result, the EPUB's text entries by name, the print edition. */
    record Built(BuildResult result, Map<String, String> entries, String print) {
        Document xhtml(String name) {
            String text = entries.get("EPUB/text/" + name);
            assertThat(text).as("EPUB/text/%s", name).isNotNull();
            return Jsoup.parse(text, "", Parser.xmlParser());
        }

        /** A note's text, as a reader sees it: "1. William F. Nimmo, …". */
        String note(String chapter, int number) {
            Element aside = xhtml(chapter).selectFirst("aside#note-" + number);
            assertThat(aside).as("note %d of %s", number, chapter).isNotNull();
            return aside.text();
        }

        String text(String chapter) {
            return xhtml(chapter).selectFirst("body > section").text();
        }
    }

    @BeforeAll
    static void build() throws IOException {
        notesJson = build("notes-json", "chicago-notes", "chapters/references.json");
        notesBib = build("notes-bib", "chicago-notes", "chapters/references.bib");
        authorDateJson = build("author-date-json", "chicago-author-date", "chapters/references.json");
        authorDateBib = build("author-date-bib", "chicago-author-date", "chapters/references.bib");
    }

    private static Built build(String name, String style, String bibliography) throws IOException {
        Path book = copy(temp.resolve(name), style, bibliography);
        Path out = temp.resolve(name + "-out");
        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out));
        Map<String, String> entries = new LinkedHashMap<>();
        Path epub = out.resolve(ID + ".epub");
        if (Files.exists(epub)) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(epub))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        Path html = out.resolve(ID + ".html");
        return new Built(result, entries, Files.exists(html) ? Files.readString(html) : "");
    }

    /** The test book with its style and bibliography set. */
    static Path copy(Path to, String style, String bibliography) throws IOException {
        BadInputTest.copyTree(BOOK, to);
        Path yaml = to.resolve("book.yaml");
        Files.writeString(yaml, Files.readString(yaml)
                .replaceAll("(?m)^citation-style: .*$", "citation-style: " + style)
                .replaceAll("(?m)^bibliography: .*$", "bibliography: " + bibliography));
        return to;
    }

    @Test
    void everyBuildPassesEpubCheckWithNothingReported() {
        for (Built b : List.of(notesJson, notesBib, authorDateJson, authorDateBib)) {
            assertThat(b.result().diagnostics()).as("diagnostics, EPUBCheck's included").isEmpty();
            assertThat(b.result().timings()).as("EPUBCheck ran").containsKey("check");
            assertThat(b.result().succeeded()).isTrue();
        }
    }

    @Test
    void inTheNotesStyleCitationsAreNotesNumberedWithTheAuthorsNotes() {
        String ch = "01-captivity.xhtml";
        assertThat(notesJson.note(ch, 1)).isEqualTo("1. William F. Nimmo, Behind a Curtain of Silence: Japanese in Soviet "
                + "Custody, 1945–1956 (Greenwood Press, 1988), 84.");
        // the author's note comes second and keeps its citations, in parentheses, later ones short
        assertThat(notesJson.note(ch, 2)).isEqualTo("2. Soviet and Japanese counts differ by tens of thousands (Nimmo, "
                + "Behind a Curtain of Silence, 100–105), as they do for the Polish officers of 1940 (Anna M. Cienciala et "
                + "al., eds., Katyn: A Crime without Punishment [Yale University Press, 2007], 29). The Japanese "
                + "government’s count is the lower of the two.");
        assertThat(notesJson.note(ch, 3)).isEqualTo("3. Antony Beevor, The Second World War (Weidenfeld & Nicolson, 2012).");
        assertThat(notesJson.note(ch, 4)).as("author suppressed, short form").isEqualTo("4. Behind a Curtain of Silence, 90.");
        assertThat(notesJson.note(ch, 5)).isEqualTo("5. Cienciala et al., Katyn.");
        assertThat(notesJson.note(ch, 6)).as("a citation right before an author's note goes into that note")
                .isEqualTo("6. See Nimmo, Behind a Curtain of Silence, chap. 6; Frank Biess, “Survivors of Totalitarianism: "
                + "Returning POWs and the Reconstruction of Masculine Citizenship in West Germany,” Journal of Modern History "
                + "77, no. 2 (2005): 350. On the German returnees, see also Biess (“Survivors of Totalitarianism,” 352).");
        assertThat(notesJson.note(ch, 7)).isEqualTo("7. Nimmo, Behind a Curtain of Silence, 118.");
        assertThat(notesJson.note(ch, 8)).as("the same place again: a short form, not ibid.")
                .isEqualTo("8. Nimmo, Behind a Curtain of Silence, 118.");
        assertThat(notesJson.xhtml(ch).select("aside")).hasSize(8);
        assertThat(notesJson.text(ch)).contains("As Beevor3 shows", "so, later, did Cienciala et al.5",
                "came home by 1950.6 Those who did not were tried,7 and the last were released in 1956.8");
    }

    @Test
    void eachChapterCitesAWorkInFullFirst() {
        String ch = "02-aftermath.xhtml";
        assertThat(notesJson.note(ch, 1)).isEqualTo("1. Romuald J. Misiunas and Rein Taagepera, The Baltic States: Years "
                + "of Dependence, 1940–1990 (University of California Press, 1993), 97–103.");
        assertThat(notesJson.note(ch, 2)).isEqualTo("2. William F. Nimmo, Behind a Curtain of Silence: Japanese in Soviet "
                + "Custody, 1945–1956 (Greenwood Press, 1988), 130.");
        assertThat(notesJson.note(ch, 3)).isEqualTo("3. The title of Nimmo’s book (Nimmo, Behind a Curtain of Silence) "
                + "says as much; Beevor’s account of Stalingrad makes the same point of the Germans (Antony Beevor, "
                + "Stalingrad [Viking, 1998], chap. 25).");
    }

    @Test
    void inTheAuthorDateStyleCitationsStayInTheText() {
        String text = authorDateJson.text("01-captivity.xhtml");
        assertThat(text).contains("in August 1945 (Nimmo 1988, 84). The figure",
                "As Beevor (2012) shows", "counts the dead (1988, 90) and so, later, did Cienciala et al. (2007).",
                "by 1950 (see Nimmo 1988, chap. 6; Biess 2005, 350).");
        assertThat(authorDateJson.note("01-captivity.xhtml", 1)).contains("thousands (Nimmo 1988, 100–105)");
        assertThat(authorDateJson.note("01-captivity.xhtml", 2)).isEqualTo("2. On the German returnees, see also Biess (2005, 352).");
        assertThat(authorDateJson.xhtml("01-captivity.xhtml").select("aside")).as("only the author's notes").hasSize(2);
        assertThat(authorDateJson.xhtml("bibliography.xhtml").selectFirst("h1").text()).isEqualTo("References");
        assertThat(authorDateJson.xhtml("bibliography.xhtml").select("li").get(0).text())
                .isEqualTo("Beevor, Antony. 1998. Stalingrad. Viking.");
    }

    @Test
    void bibTeXGivesTheSameBookAsCslJson() {
        for (Built[] pair : List.of(new Built[]{notesJson, notesBib}, new Built[]{authorDateJson, authorDateBib})) {
            for (String doc : List.of("00-preface.xhtml", "01-captivity.xhtml", "02-aftermath.xhtml", "bibliography.xhtml")) {
                assertThat(pair[1].entries().get("EPUB/text/" + doc)).as(doc).isEqualTo(pair[0].entries().get("EPUB/text/" + doc));
            }
        }
    }

    @Test
    void theBibliographyPageListsTheWorksCitedAndEveryCitationLinksToItsEntry() {
        for (Built b : List.of(notesJson, authorDateJson)) {
            Document page = b.xhtml("bibliography.xhtml");
            Element section = page.selectFirst("body > section");
            assertThat(section.attr("epub:type")).isEqualTo("bibliography");
            assertThat(section.attr("role")).isEqualTo("doc-bibliography");
            assertThat(page.select("ul.csl-bib-body > li.csl-entry")).extracting(e -> e.id()).containsExactly(
                    "ref-beevor1998", "ref-beevor2012", "ref-biess2005", "ref-cienciala2007", "ref-misiunas1993", "ref-nimmo1988");
            assertThat(page.select("[role]")).as("no role but the section's").hasSize(1);
            List<String> hrefs = new ArrayList<>();
            for (String chapter : List.of("00-preface.xhtml", "01-captivity.xhtml", "02-aftermath.xhtml")) {
                for (Element a : b.xhtml(chapter).select("a[role=doc-biblioref]")) {
                    hrefs.add(a.attr("href"));
                }
            }
            assertThat(hrefs).hasSizeGreaterThan(15).allSatisfy(href -> {
                assertThat(href).startsWith("bibliography.xhtml#ref-");
                assertThat(page.getElementById(href.substring(href.indexOf('#') + 1))).as(href).isNotNull();
            });
            assertThat(b.entries().get("EPUB/nav.xhtml")).contains("<a href=\"text/bibliography.xhtml\" epub:type=\"bibliography\">");
            assertThat(b.entries().get("EPUB/package.opf")).contains("<itemref idref=\"bibliography\"/>");
        }
    }

    @Test
    void markdownOutsideTheChaptersKeepsItsCitationSyntaxAsWritten() {
        assertThat(notesJson.xhtml("colophon.xhtml").text()).contains("such as [see @nimmo1988, p. 3], are not formatted");
    }

    @Test
    void thePrintEditionHasTheSameCitationsLinkedWithinThePage() {
        org.jsoup.nodes.Document print = Jsoup.parse(notesJson.print());
        Element bibliography = print.selectFirst("section.bibliography");
        assertThat(bibliography).isNotNull();
        assertThat(bibliography.select("ul.csl-bib-body > li.csl-entry")).hasSize(6);
        List<Element> links = print.select("a[role=doc-biblioref]");
        assertThat(links).hasSizeGreaterThan(15).allSatisfy(a -> {
            assertThat(a.attr("href")).startsWith("#bibliography-ref-");
            assertThat(print.getElementById(a.attr("href").substring(1))).as(a.attr("href")).isNotNull();
        });
        assertThat(print.text()).contains("William F. Nimmo, Behind a Curtain of Silence: Japanese in Soviet Custody, "
                + "1945–1956 (Greenwood Press, 1988), 84.");
    }
}
