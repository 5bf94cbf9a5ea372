package org.bookbinder;

import nl.siegmann.epublib.domain.Book;
import nl.siegmann.epublib.domain.SpineReference;
import nl.siegmann.epublib.domain.TOCReference;
import nl.siegmann.epublib.epub.EpubReader;
import org.bookbinder.diagnostics.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the small test book in src/test/resources/books/basic end to end, EPUBCheck on, and reads the results back. */
class EndToEndTest {
    static final Path BOOK = Path.of("src/test/resources/books/basic");

    @TempDir
    static Path out;
    static BuildResult result;
    static Path epub;
    static Map<String, byte[]> entries;

    @BeforeAll
    static void build() throws Exception {
        result = Bookbinder.build(BOOK, BuildOptions.defaults().withOutDir(out));
        epub = out.resolve("basic-test.epub");
        entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(epub))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
    }

    @Test
    void buildsBothFilesAndEpubCheckReportsNothing() {
        assertThat(result.diagnostics()).as("diagnostics").isEmpty();
        assertThat(result.outputs()).containsExactly(out.resolve("basic-test.epub"), out.resolve("basic-test.html"),
                out.resolve("basic-test.marc.xml"), out.resolve("basic-test.opds.xml"));
        assertThat(result.timings()).containsKeys("load", "annotate", "render", "package", "check");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("nothing but the outputs is left in the output directory")
                    .containsExactly("basic-test.epub", "basic-test.html", "basic-test.marc.xml", "basic-test.opds.xml");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void zipStartsWithStoredMimetypeAndHasAFixedOrder() throws Exception {
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            ZipEntry first = zip.entries().nextElement();
            assertThat(first.getName()).isEqualTo("mimetype");
            assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(first.getExtra()).isNull();
        }
        assertThat(new String(entries.get("mimetype"), StandardCharsets.US_ASCII)).isEqualTo("application/epub+zip");
        assertThat(entries.keySet()).containsExactly(
                "mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/toc.ncx", "EPUB/styles/epub.css",
                "EPUB/text/titlepage.xhtml", "EPUB/nav.xhtml", "EPUB/text/00-preface.xhtml",
                "EPUB/text/01-beginning.xhtml", "EPUB/text/02-middle.xhtml", "EPUB/text/03-end.xhtml",
                "EPUB/text/colophon.xhtml");
    }

    @Test
    void everyXmlFileIsWellFormed() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (var e : entries.entrySet()) {
            if (e.getKey().endsWith(".xhtml") || e.getKey().endsWith(".opf") || e.getKey().endsWith(".ncx") || e.getKey().endsWith(".xml")) {
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(e.getValue()));
            }
        }
    }

    @Test
    void packageDocumentCarriesTheMetadata() {
        Document opf = xml("EPUB/package.opf");
        Element pkg = opf.selectFirst("package");
        assertThat(pkg.attr("version")).isEqualTo("3.0");
        assertThat(pkg.attr("unique-identifier")).isEqualTo("pub-id");
        assertThat(pkg.attr("xml:lang")).isEqualTo("en-GB");
        assertThat(opf.selectFirst("dc|identifier#pub-id").text()).isEqualTo("urn:uuid:6f1c2b43-8d0e-4c59-9a51-2a7b3c1d0e9f");
        assertThat(opf.select("dc|title").eachText()).containsExactly("A Basic Test Book", "Three chapters and a preface");
        assertThat(opf.selectFirst("dc|language").text()).isEqualTo("en-GB");
        Element creator = opf.selectFirst("dc|creator");
        assertThat(creator.text()).isEqualTo("Ada Writer");
        assertThat(opf.selectFirst("meta[refines=#" + creator.id() + "][property=role]").text()).isEqualTo("aut");
        assertThat(opf.selectFirst("meta[refines=#" + creator.id() + "][property=file-as]").text()).isEqualTo("Writer, Ada");
        Element editor = opf.selectFirst("dc|contributor");
        assertThat(editor.text()).isEqualTo("Ed Itor");
        assertThat(opf.selectFirst("meta[refines=#" + editor.id() + "][property=role]").text()).isEqualTo("edt");
        assertThat(opf.select("meta[property=dcterms:modified]").eachText()).containsExactly("2026-01-15T00:00:00Z");
        assertThat(opf.select("dc|subject").eachText()).containsExactly("Testing",
                "Bookbinding -- Great Britain -- History -- 19th century", "Book design -- Testing");
        Element coded = opf.select("dc|subject").get(2);
        assertThat(opf.selectFirst("meta[refines=#" + coded.id() + "][property=authority]").text()).isEqualTo("bookbinder-tests");
        assertThat(opf.selectFirst("meta[refines=#" + coded.id() + "][property=term]").text()).isEqualTo("bt-0001");
        assertThat(opf.select("meta[property=authority], meta[property=term]")).as("only the coded subject is refined").hasSize(2);
        assertThat(opf.selectFirst("meta[property=belongs-to-collection]").text()).isEqualTo("Test Books");
        assertThat(opf.selectFirst("item[properties=nav]").attr("href")).isEqualTo("nav.xhtml");
        assertThat(opf.selectFirst("spine").attr("toc")).isEqualTo("ncx");
    }

    @Test
    void epublibReadsTheBookBackWithSpineInReadingOrder() throws Exception {
        Book book;
        try (InputStream in = Files.newInputStream(epub)) {
            book = new EpubReader().readEpub(in);
        }
        assertThat(book.getMetadata().getFirstTitle()).isEqualTo("A Basic Test Book");
        assertThat(book.getMetadata().getLanguage()).isEqualTo("en-GB");
        List<String> spine = new ArrayList<>();
        for (SpineReference ref : book.getSpine().getSpineReferences()) {
            spine.add(ref.getResource().getHref());
        }
        assertThat(spine).containsExactly("text/titlepage.xhtml", "nav.xhtml", "text/00-preface.xhtml",
                "text/01-beginning.xhtml", "text/02-middle.xhtml", "text/03-end.xhtml", "text/colophon.xhtml");
        List<String> tocTitles = new ArrayList<>();
        collect(book.getTableOfContents().getTocReferences(), "", tocTitles);
        assertThat(tocTitles).containsExactly("Title Page", "Preface", "The Beginning", "  First Section",
                "  Second Section", "The Middle", "  First Section", "Afterword", "Colophon");
    }

    private static void collect(List<TOCReference> refs, String indent, List<String> out) {
        for (TOCReference r : refs) {
            out.add(indent + r.getTitle());
            collect(r.getChildren(), indent + "  ", out);
        }
    }

    @Test
    void navHasTheTableOfContentsAndLandmarks() {
        Document nav = xml("EPUB/nav.xhtml");
        Element toc = nav.selectFirst("nav[epub:type=toc]");
        assertThat(toc.attr("role")).isEqualTo("doc-toc");
        assertThat(toc.select("> ol > li > a").eachAttr("href")).containsExactly("text/titlepage.xhtml",
                "text/00-preface.xhtml", "text/01-beginning.xhtml", "text/02-middle.xhtml", "text/03-end.xhtml",
                "text/colophon.xhtml");
        assertThat(toc.select("ol ol a").eachAttr("href")).containsExactly("text/01-beginning.xhtml#first-section",
                "text/01-beginning.xhtml#second-section", "text/02-middle.xhtml#first-section");
        Map<String, String> landmarks = new LinkedHashMap<>();
        for (Element a : nav.select("nav[epub:type=landmarks] a")) {
            landmarks.put(a.attr("epub:type"), a.attr("href"));
        }
        assertThat(landmarks).containsEntry("toc", "nav.xhtml#toc").containsEntry("bodymatter", "text/01-beginning.xhtml");
    }

    @Test
    void chaptersAreXhtmlWithLanguageSemanticsAndResolvedMarkup() {
        Document ch = xml("EPUB/text/01-beginning.xhtml");
        Element html = ch.selectFirst("html");
        assertThat(html.attr("lang")).isEqualTo("en-GB");
        assertThat(html.attr("xml:lang")).isEqualTo("en-GB");
        assertThat(ch.selectFirst("body").attr("epub:type")).isEqualTo("bodymatter");
        Element section = ch.selectFirst("body > section");
        assertThat(section.attr("epub:type")).isEqualTo("chapter");
        assertThat(section.attr("role")).isEqualTo("doc-chapter");
        assertThat(ch.selectFirst("h1").id()).as("explicit heading id").isEqualTo("start");
        assertThat(ch.selectFirst("h1").text()).isEqualTo("The Beginning");
        assertThat(ch.select("p").first().text()).as("typography")
                .isEqualTo("It was the \u201Cbest\u201D of times \u2013 or so they said\u2026 It\u2019s 1940\u2019s news.1");
        Element span = ch.selectFirst("span[lang=de]");
        assertThat(span.text()).isEqualTo("Ostlegionen");
        assertThat(span.attr("xml:lang")).isEqualTo("de");
        assertThat(ch.selectFirst("span[spellcheck=false]").text()).isEqualTo("sic reading");
        assertThat(ch.select("blockquote p").text()).startsWith("A block quotation");
        assertThat(ch.select("table td").eachText()).containsExactly("1939", "War");

        Document front = xml("EPUB/text/00-preface.xhtml");
        assertThat(front.selectFirst("body").attr("epub:type")).isEqualTo("frontmatter");
        assertThat(front.selectFirst("body > section").attr("role")).isEqualTo("doc-preface");
        Document back = xml("EPUB/text/03-end.xhtml");
        assertThat(back.selectFirst("body").attr("epub:type")).isEqualTo("backmatter");
        assertThat(back.selectFirst("body > section").attr("epub:type")).isEqualTo("afterword");

        Document middle = xml("EPUB/text/02-middle.xhtml");
        assertThat(middle.selectFirst("a:contains(the beginning)").attr("href")).as("a link to a chapter's .md file")
                .isEqualTo("01-beginning.xhtml");
    }

    @Test
    void notesAreNumberedAndPopUpMarkupFollowsTheReference() {
        Document ch = xml("EPUB/text/01-beginning.xhtml");
        Element ref = ch.selectFirst("a[epub:type=noteref]");
        assertThat(ref.attr("role")).isEqualTo("doc-noteref");
        assertThat(ref.text()).isEqualTo("1");
        assertThat(ref.id()).isEqualTo("nref-1");
        Element note = ch.getElementById(ref.attr("href").substring(1));
        assertThat(note.tagName()).isEqualTo("aside");
        assertThat(note.attr("epub:type")).isEqualTo("footnote");
        assertThat(note.attr("role")).isEqualTo("doc-footnote");
        assertThat(note.siblingIndex()).isGreaterThan(0);
        Element backlink = note.selectFirst("p > a");
        assertThat(backlink.attr("role")).isEqualTo("doc-backlink");
        assertThat(backlink.attr("href")).isEqualTo("#nref-1");
        assertThat(backlink.text()).isEqualTo("1.");
        assertThat(note.selectFirst("p").text()).isEqualTo("1. The first note, with emphasis.");
        String xhtml = new String(entries.get("EPUB/text/01-beginning.xhtml"), StandardCharsets.UTF_8);
        assertThat(xhtml.indexOf("id=\"note-1\"")).as("the note comes after its reference").isGreaterThan(xhtml.indexOf("id=\"nref-1\""));

        Document middle = xml("EPUB/text/02-middle.xhtml");
        assertThat(middle.selectFirst("a[epub:type=noteref]").text()).as("numbering restarts per chapter").isEqualTo("1");
        assertThat(middle.selectFirst("aside#note-1").text()).isEqualTo("1. Inline notes work too.");
    }

    @Test
    void titlePageAndColophonComeFromBookYaml() {
        Document title = xml("EPUB/text/titlepage.xhtml");
        assertThat(title.selectFirst("h1").text()).isEqualTo("A Basic Test Book");
        assertThat(title.selectFirst(".subtitle").text()).isEqualTo("Three chapters and a preface");
        assertThat(title.selectFirst(".author").text()).isEqualTo("Ada Writer");
        assertThat(title.select(".credit").eachText()).containsExactly("Edited by Ed Itor");
        Document colophon = xml("EPUB/text/colophon.xhtml");
        assertThat(colophon.selectFirst("section").attr("role")).isEqualTo("doc-colophon");
        assertThat(colophon.text()).contains("Test material, no rights reserved.").contains("15 January 2026")
                .contains("Set for the test suite.");
        assertThat(colophon.selectFirst(".colophon-text em").text()).isEqualTo("test suite");
    }

    @Test
    void printEditionIsOneSelfContainedDocumentWithEveryChapter() throws Exception {
        String html = Files.readString(out.resolve("basic-test.html"), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(doc.select("main > section.chapter h1").eachText())
                .containsExactly("Preface", "The Beginning", "The Middle", "Afterword");
        assertThat(doc.select("style").html()).as("the print stylesheet is inlined").contains("@page");
        assertThat(doc.select("link[rel=stylesheet], script[src], img[src^=http], iframe")).as("no external fetch").isEmpty();
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select("[id]")) {
            assertThat(ids.add(e.id())).as("id '%s' is unique in the print edition", e.id()).isTrue();
        }
        for (Element a : doc.select("a[href^=#]")) {
            assertThat(doc.getElementById(a.attr("href").substring(1))).as("target of %s", a.attr("href")).isNotNull();
        }
        assertThat(doc.select("a[href]").eachAttr("href")).as("links stay inside the page")
                .allMatch(h -> h.startsWith("#"));
        assertThat(doc.selectFirst("nav.toc").select("a").eachText()).contains("The Beginning", "First Section", "Afterword");
        assertThat(doc.select("[epub:type], [xml:lang]")).as("no EPUB-only attributes in HTML5").isEmpty();
        assertThat(doc.select("span.note[role=doc-footnote]")).as("notes stand beside their references").hasSize(2)
                .allSatisfy(n -> assertThat(n.previousElementSibling().hasClass("noteref")).isTrue());
    }

    @Test
    void noWarningsEvenFromEpubCheck() {
        assertThat(result.count(Severity.WARNING)).isZero();
        assertThat(result.count(Severity.ERROR)).isZero();
    }

    private static Document xml(String entry) {
        return Jsoup.parse(new String(entries.get(entry), StandardCharsets.UTF_8), "", Parser.xmlParser());
    }
}
