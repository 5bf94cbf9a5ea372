package org.bookbinder.packaging.accessibility;

import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.render.Rendition.ContentDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OPF's accessibility metadata follows what the rendered content has: built books, read back from the EPUB,
 * and the inspector on hand-made documents for what the pipeline cannot make yet (a page list).
 */
class AccessibilityMetadataTest {
    static final String YAML = "id: a11y\ntitle: Access\nlanguage: en-GB\npublisher: The Press\ndate: 2026-02-01\n";

    @TempDir
    Path temp;

    @Test
    void aTextBookClaimsWhatItHasAndNothingElse() throws Exception {
        Document opf = build(YAML, "# One\n\nText with a note.[^1] And [Ostlegionen]{lang=de}.\n\n## Part\n\nMore.\n\n[^1]: The note.\n");
        assertThat(values(opf, "schema:accessMode")).containsExactly("textual");
        assertThat(values(opf, "schema:accessModeSufficient")).containsExactly("textual");
        assertThat(values(opf, "schema:accessibilityFeature"))
                .containsExactly("structuralNavigation", "tableOfContents", "readingOrder", "annotations", "ARIA");
        assertThat(values(opf, "schema:accessibilityHazard")).containsExactly("none");
        assertThat(values(opf, "schema:accessibilitySummary")).singleElement().asString()
                .startsWith("This e-book is text only, with no images")
                .contains("Its 1 note is linked", "in German are marked", "no flashing, motion or sound hazards")
                .endsWith("It is made to conform to EPUB Accessibility 1.1, WCAG 2.2 Level AA.");
        assertThat(opf.selectFirst("meta[property=dcterms:conformsTo]").text()).isEqualTo("EPUB Accessibility 1.1 - WCAG 2.2 Level AA");
        assertThat(opf.selectFirst("meta[property=a11y:certifiedBy]").attr("refines")).isEqualTo("#conformance");
        assertThat(values(opf, "a11y:certifiedBy")).as("the publisher by default").containsExactly("The Press");
        assertThat(opf.selectFirst("package").attr("prefix")).contains("a11y: http://www.idpf.org/epub/vocab/package/a11y/#");
    }

    @Test
    void describedImagesMakeTheBookVisualAndTextStillSufficient() throws Exception {
        Document opf = build(YAML, "# One\n\n![A map of the camps along the Pechora](map.png)\n\nA rule: <img src=\"rule.png\" alt=\"\"/>\n");
        assertThat(values(opf, "schema:accessMode")).containsExactly("textual", "visual");
        assertThat(values(opf, "schema:accessModeSufficient")).containsExactly("textual", "textual,visual");
        assertThat(values(opf, "schema:accessibilityFeature")).contains("alternativeText");
        assertThat(values(opf, "schema:accessibilitySummary").get(0)).startsWith("Its one image has a text alternative.");
    }

    @Test
    void aDecorativeImageAloneChangesNothing() throws Exception {
        Document opf = build(YAML, "# One\n\n<img src=\"rule.png\" alt=\"\"/>\n\nText.\n");
        assertThat(values(opf, "schema:accessMode")).containsExactly("textual");
        assertThat(values(opf, "schema:accessibilityFeature")).doesNotContain("alternativeText");
    }

    @Test
    void bookYamlOverridesReplaceTheDerivedValues() throws Exception {
        String yaml = YAML + "accessibility:\n  certified-by: Accessibility Testers Ltd\n  summary: A hand-written summary.\n"
                + "  features: [tableOfContents, readingOrder]\n  hazards: [noFlashingHazard, noSoundHazard, noMotionSimulationHazard]\n";
        Document opf = build(yaml, "# One\n\nText.\n");
        assertThat(values(opf, "a11y:certifiedBy")).containsExactly("Accessibility Testers Ltd");
        assertThat(values(opf, "schema:accessibilitySummary")).containsExactly("A hand-written summary.");
        assertThat(values(opf, "schema:accessibilityFeature")).containsExactly("tableOfContents", "readingOrder");
        assertThat(values(opf, "schema:accessibilityHazard")).containsExactly("noFlashingHazard", "noSoundHazard", "noMotionSimulationHazard");
    }

    @Test
    void noClaimWhenConformsToIsNone() throws Exception {
        Document opf = build(YAML + "accessibility:\n  conforms-to: none\n", "# One\n\nText.\n");
        assertThat(opf.select("meta[property=dcterms:conformsTo], meta[property=a11y:certifiedBy]")).isEmpty();
        assertThat(values(opf, "schema:accessibilitySummary").get(0)).doesNotContain("conform");
        assertThat(values(opf, "schema:accessMode")).as("the metadata itself stays").containsExactly("textual");
    }

    @Test
    void rawHtmlWithoutItsRoleOrWithADeprecatedRoleIsReported() throws Exception {
        Path book = book(YAML, "# One\n\nText.\n\n<aside epub:type=\"footnote\" id=\"n1\"><p>A bare note.</p></aside>\n\n"
                + "<ol><li epub:type=\"endnote\" role=\"doc-endnote\" id=\"e1\">An old endnote.</li></ol>\n");
        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withCheck(false));
        assertThat(result.succeeded()).as("warnings only").isTrue();
        // the line and column of the element's start tag in the XHTML
        assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "build/a11y.epub/EPUB/text/01-one.xhtml:11:1: warning A11Y-004: <aside epub:type='footnote'> needs role='doc-footnote'",
                "build/a11y.epub/EPUB/text/01-one.xhtml:12:5: warning A11Y-005: role 'doc-endnote' is deprecated (DPUB-ARIA 1.1): leave it out and keep epub:type='endnote'");
        try (ZipFile zip = new ZipFile(book.resolve("build/a11y.epub").toFile())) {
            List<String> lines = new String(zip.getInputStream(zip.getEntry("EPUB/text/01-one.xhtml")).readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(10)).contains("<aside epub:type=\"footnote\" id=\"n1\">");
            assertThat(lines.get(11).substring(0, 55)).endsWith("<li epub:type=\"endnote\" role=\"doc-endnote\" id=\"e1\">");
        }
    }

    @Test
    void aPageListWithPageBreaksIsClaimedAsPageNavigation() {
        String nav = page("<nav epub:type=\"toc\" role=\"doc-toc\"><ol><li><a href=\"a.xhtml\">A</a></li></ol></nav>"
                + "<nav epub:type=\"page-list\" role=\"doc-pagelist\"><ol><li><a href=\"a.xhtml#p1\">1</a></li></ol></nav>");
        String text = page("<section epub:type=\"chapter\" role=\"doc-chapter\"><h1>A</h1>"
                + "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"p1\" aria-label=\"1\"/><p>Text.</p></section>");
        Diagnostics diagnostics = new Diagnostics();
        ContentFacts facts = ContentInspector.inspect(List.of(
                new ContentDocument("nav", "nav.xhtml", "Contents", nav, Set.of("nav"), true),
                new ContentDocument("a", "a.xhtml", "A", text, Set.of(), true)), "en", "book.epub/EPUB/", diagnostics);
        assertThat(diagnostics.list()).isEmpty();
        assertThat(facts.pageList()).isTrue();
        assertThat(facts.pageBreaks()).isEqualTo(1);
        assertThat(AccessibilityMetadata.features(facts)).containsExactly("structuralNavigation", "tableOfContents",
                "readingOrder", "pageBreakMarkers", "pageNavigation", "ARIA");
    }

    @Test
    void textBeyondAsciiIsReadAsItIs() {
        // the inspector scans the bytes; what it reports of the text (columns, values) is the text's own
        String text = page("\n<p>“Déjà” 😀 <aside epub:type=\"footnote\" title=\"ß\">N</aside></p>"
                + "<p><span lang=\"de-\u00C9\">x</span><img src=\"a.png\" alt=\"\u3000\"/></p>");
        Diagnostics diagnostics = new Diagnostics();
        ContentFacts facts = ContentInspector.inspect(List.of(new ContentDocument("a", "a.xhtml", "A", text, Set.of(), true)),
                "en", "", diagnostics);
        assertThat(diagnostics.list()).extracting(d -> d.code() + " " + d.line() + ":" + d.column())
                .containsExactly("A11Y-004 3:14");
        assertThat(facts.otherLanguages()).containsExactly("de-\u00C9");
        assertThat(facts.images()).isEqualTo(1);
        assertThat(facts.imagesWithAlt()).as("an alt of a wide space is blank").isZero();
    }

    @Test
    void aPageListWithoutMarkersIsNoPageNavigation() {
        String nav = page("<nav epub:type=\"page-list\" role=\"doc-pagelist\"><ol><li><a href=\"a.xhtml\">1</a></li></ol></nav>");
        ContentFacts facts = ContentInspector.inspect(List.of(new ContentDocument("nav", "nav.xhtml", "C", nav, Set.of("nav"), true)),
                "en", "", new Diagnostics());
        assertThat(AccessibilityMetadata.features(facts)).doesNotContain("pageBreakMarkers", "pageNavigation");
    }

    private static String page(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                + "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"en\" xml:lang=\"en\"><head><title>t</title></head><body>"
                + body + "</body></html>";
    }

    private Path book(String yaml, String chapter) throws Exception {
        Path book = temp.resolve("book");
        Files.createDirectories(book.resolve("chapters"));
        Files.writeString(book.resolve("book.yaml"), yaml, StandardCharsets.UTF_8);
        Files.writeString(book.resolve("chapters/01-one.md"), chapter, StandardCharsets.UTF_8);
        for (String image : List.of("map.png", "rule.png")) {
            Files.copy(Path.of("src/test/resources/books/images/chapters/rule.png"), book.resolve("chapters").resolve(image));
        }
        return book;
    }

    /** Builds without EPUBCheck (the end-to-end tests check the package) and returns the OPF. */
    private Document build(String yaml, String chapter) throws Exception {
        Path book = book(yaml, chapter);
        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(temp.resolve("out")).withCheck(false));
        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.diagnostics()).isEmpty();
        try (ZipFile zip = new ZipFile(temp.resolve("out/a11y.epub").toFile())) {
            String xml = new String(zip.getInputStream(zip.getEntry("EPUB/package.opf")).readAllBytes(), StandardCharsets.UTF_8);
            return Jsoup.parse(xml, "", Parser.xmlParser());
        }
    }

    private static List<String> values(Document opf, String property) {
        return opf.select("meta[property=" + property + "]").eachText();
    }
}
