package org.bookbinder.annotate.glossary;

import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * Builds the test book in src/test/resources/books/glossary (a preface, two chapters, notes, a seven-entry glossary)
 * end to end with EPUBCheck, and reads the glossary back out of the EPUB and the print edition: the page, its
 * search key map, the package, the nav, every link in both directions.
 */
class GlossaryBookTest {
    static final Path BOOK = Path.of("src/test/resources/books/glossary");
    static final List<String> CHAPTERS = List.of("text/00-preface.xhtml", "text/01-camps.xhtml", "text/02-return.xhtml");

    @TempDir
    static Path out;
    static BuildResult result;
    static Map<String, byte[]> entries;
    static Document glossary;

    @BeforeAll
    static void build() throws Exception {
        result = Bookbinder.build(BOOK, BuildOptions.defaults().withOutDir(out));
        entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(out.resolve("glossary-test.epub")))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        glossary = xml("EPUB/text/glossary.xhtml");
    }

    @Test
    void buildsWithEpubCheckAndReportsNothing() {
        assertThat(result.diagnostics()).as("no diagnostic at all, EPUBCheck's included").isEmpty();
        assertThat(result.timings()).containsKey("check");
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void theGlossaryPageIsAnEpubGlossaryInAlphabeticalOrder() {
        Element section = glossary.selectFirst("body > section");
        assertThat(section.attr("epub:type")).isEqualTo("glossary");
        assertThat(section.attr("role")).isEqualTo("doc-glossary");
        assertThat(glossary.selectFirst("body").attr("epub:type")).isEqualTo("backmatter");
        Element list = section.selectFirst("> dl.glossary-list");
        assertThat(list.select("> dt > dfn").eachText()).containsExactly("Crimean Tatars", "Gulag", "internees",
                "Main Camp Administration", "NKVD", "re-education", "Tatars");
        for (Element dt : list.select("> dt")) {
            assertThat(dt.attr("epub:type")).isEqualTo("glossterm");
            Element dd = dt.nextElementSibling();
            assertThat(dd.tagName()).isEqualTo("dd");
            assertThat(dd.attr("epub:type")).isEqualTo("glossdef");
            assertThat(dd.id()).isEqualTo(dt.selectFirst("dfn").id().replaceFirst("^term-", "def-"));
        }
        Element gulag = glossary.getElementById("def-gulag");
        assertThat(gulag.select("> p:not(.glossary-uses)").eachText()).as("a definition of two paragraphs")
                .containsExactly("The Soviet system of forced-labour camps.", "Strictly, the agency that ran it, the Main Camp Administration.");
        assertThat(glossary.getElementById("def-nkvd").selectFirst("p").html()).as("Markdown and typography in a definition")
                .contains("People\u2019s").contains("<em>Gulag</em>");
        assertThat(glossary.select("a.glossref")).as("the glossary page links no terms").isEmpty();
    }

    @Test
    void everyTermLinksToItsDefinitionOnFirstUseInEachChapter() {
        Map<String, List<String>> linkedTerms = new LinkedHashMap<>();
        for (String chapter : CHAPTERS) {
            List<String> terms = new ArrayList<>();
            for (Element a : xml("EPUB/" + chapter).select("a[epub:type=glossref]")) {
                assertThat(a.attr("role")).isEqualTo("doc-glossref");
                assertThat(a.attr("href")).startsWith("glossary.xhtml#def-");
                Element target = glossary.getElementById(a.attr("href").substring("glossary.xhtml#".length()));
                assertThat(target).as("target of %s in %s", a.attr("href"), chapter).isNotNull();
                assertThat(target.attr("epub:type")).as("links point at the definition, not the term").isEqualTo("glossdef");
                terms.add(a.text());
            }
            linkedTerms.put(chapter, terms);
        }
        assertThat(linkedTerms.get("text/00-preface.xhtml")).containsExactly("Gulag", "NKVD");
        assertThat(linkedTerms.get("text/01-camps.xhtml")).as("in reading order; the notes after the text")
                .containsExactly("Gulags", "NKVD", "Main Camp Administration", "Internees", "Crimean Tatars", "Tatars", "re-education");
        assertThat(linkedTerms.get("text/02-return.xhtml")).as("not inside a link or code; the notes link what the text lacks")
                .containsExactly("Crimean Tatars", "NKVD", "re-education");
        Document camps = xml("EPUB/text/01-camps.xhtml");
        assertThat(camps.selectFirst("aside#note-1 a.glossref").text()).as("the notes rule").isEqualTo("re-education");
        assertThat(camps.select("aside a.glossref").eachText()).as("terms of the text are not linked again in notes")
                .doesNotContain("internees", "NKVD");
    }

    @Test
    void backlinksGoToTheFirstUseInEachChapterInReadingOrder() {
        Element uses = glossary.getElementById("def-nkvd").selectFirst("p.glossary-uses");
        assertThat(uses.select("a").eachText()).containsExactly("Preface", "The Camps", "The Return");
        for (Element a : glossary.select("p.glossary-uses a")) {
            assertThat(a.attr("role")).isEqualTo("doc-backlink");
            assertThat(a.attr("aria-label")).as("accessible text names the chapter first").startsWith(a.text() + " (first use of ");
            String[] parts = a.attr("href").split("#");
            Document chapter = xml("EPUB/text/" + parts[0]);
            Element link = chapter.getElementById(parts[1]);
            assertThat(link).as("backlink target %s", a.attr("href")).isNotNull();
            String dd = a.parents().select("dd").first().id();
            assertThat(link.attr("href")).as("the backlink's target links back to the same definition").isEqualTo("glossary.xhtml#" + dd);
        }
    }

    @Test
    void theSearchKeyMapListsEveryTermAndAlias() {
        Document skm = xml("EPUB/glossary-search-key-map.xml");
        Element root = skm.selectFirst("search-key-map");
        assertThat(root.attr("xmlns")).isEqualTo("http://www.idpf.org/2007/ops");
        assertThat(root.attr("xml:lang")).isEqualTo("en-GB");
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (Element group : root.select("> search-key-group")) {
            Element match = group.selectFirst("> match");
            keys.put(match.attr("value"), match.select("> value").eachAttr("value"));
            String href = group.attr("href");
            assertThat(href).startsWith("text/glossary.xhtml#term-");
            assertThat(glossary.getElementById(href.substring(href.indexOf('#') + 1)).tagName()).isEqualTo("dfn");
        }
        assertThat(keys).containsEntry("Gulag", List.of("Gulags")).containsEntry("Crimean Tatars", List.of("Crimean Tartars"))
                .containsEntry("NKVD", List.of()).hasSize(7);
    }

    @Test
    void thePackageTheNavAndTheLandmarksKnowTheGlossary() {
        Document opf = xml("EPUB/package.opf");
        Element page = opf.selectFirst("manifest > item[href=text/glossary.xhtml]");
        assertThat(page.attr("properties")).isEqualTo("glossary");
        Element skm = opf.selectFirst("manifest > item[href=glossary-search-key-map.xml]");
        assertThat(skm.attr("media-type")).isEqualTo("application/vnd.epub.search-key-map+xml");
        assertThat(skm.attr("properties")).isEqualTo("glossary search-key-map");
        assertThat(opf.select("spine > itemref").eachAttr("idref")).as("after the chapters, before the colophon")
                .endsWith(page.id(), "colophon");
        Document nav = xml("EPUB/nav.xhtml");
        assertThat(nav.select("nav[epub:type=toc] > ol > li > a").eachText()).contains("Glossary");
        assertThat(nav.selectFirst("nav[epub:type=landmarks] a[epub:type=glossary]").attr("href")).isEqualTo("text/glossary.xhtml");
    }

    @Test
    void thePrintEditionHasTheGlossaryWithLocalLinksAndDefinitionsOnHover() throws Exception {
        Document print = Jsoup.parse(Files.readString(out.resolve("glossary-test.html"), StandardCharsets.UTF_8));
        Element page = print.selectFirst("section.glossary");
        assertThat(page.select("dl.glossary-list > dt.glossary-term > dfn")).hasSize(7);
        List<Element> links = print.select("a.glossref");
        assertThat(links).hasSize(12);
        for (Element a : links) {
            assertThat(a.attr("href")).startsWith("#glossary-def-");
            Element dd = print.getElementById(a.attr("href").substring(1));
            assertThat(dd).as("local target of %s", a.attr("href")).isNotNull();
            assertThat(a.attr("data-definition")).as("plain-text definition of %s", a.text())
                    .isEqualTo(String.join(" ", dd.select("> p:not(.glossary-uses)").eachText()));
        }
        for (Element back : page.select("p.glossary-uses a")) {
            assertThat(print.getElementById(back.attr("href").substring(1))).as("backlink %s", back.attr("href")).isNotNull();
        }
        assertThat(print.select("style").html()).as("the default print stylesheet shows it")
                .contains("a.glossref:hover::after, a.glossref:focus::after").contains("content: attr(data-definition)");
        assertThat(print.select("[epub:type]")).isEmpty();
    }

    @Test
    void theEbookDoesNotCarryThePrintOnlyDefinitions() {
        for (String chapter : CHAPTERS) {
            assertThat(xml("EPUB/" + chapter).select("a[data-definition]")).isEmpty();
        }
    }

    private static Document xml(String entry) {
        assertThat(entries).containsKey(entry);
        return Jsoup.parse(new String(entries.get(entry), StandardCharsets.UTF_8), "", Parser.xmlParser());
    }
}
