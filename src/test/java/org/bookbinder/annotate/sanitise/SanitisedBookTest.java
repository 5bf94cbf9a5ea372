package org.bookbinder.annotate.sanitise;

import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Severity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
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
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book whose chapter is pasted, hostile HTML: it builds, EPUBCheck reports nothing (0 errors, 0 warnings), neither
 * edition has anything of what was dropped, and every change is a warning of our own at the chapter's line (HTML-…,
 * and CHAP-008 for the elements left open).
 */
class SanitisedBookTest {
    /** Everything the sanitiser takes out, each on its own line, between text that must stay. */
    private static final String HOSTILE = """
            # Pasted

            Kept one. <span onclick="steal()" onmouseover="steal()">kept two</span>

            <script>document.write("script text")</script>
            <noscript>noscript text</noscript>
            <iframe src="https://example.com/frame"></iframe>
            <object data="x.swf"><embed src="x.swf"></object>

            [Markdown javascript](javascript:alert(1)) and <a href="JAVASCRIPT:alert(2)">raw javascript</a>
            and <a href="data:text/html,<b>x</b>">data</a> and <a href="vbscript:x">vbscript</a>.

            <form action="https://example.com/"><input name="q"><button>go</button><select><option>o</option></select><textarea>t</textarea></form>

            <style>body { display: none }</style>
            <link rel="stylesheet" href="https://example.com/x.css">
            <meta http-equiv="refresh" content="0">
            <base href="https://example.com/">

            <video src="https://example.com/v.mp4" poster="https://example.com/p.png">video text</video>
            <audio controls><source src="https://example.com/a.ogg"></audio>
            <p style="background-image: url('https://example.com/track.gif')">Kept three.</p>

            <marquee>Kept four</marquee> <blink>kept five</blink> <foo-bar baz="1">kept six</foo-bar>

            <div><p>Kept seven <b>never closed
            <ul>stray<li>Kept eight
            """;

    @TempDir
    static Path temp;
    static BuildResult result;
    static String xhtml;
    static String print;

    @BeforeAll
    static void build() throws IOException {
        Path book = temp.resolve("book");
        Files.createDirectories(book.resolve("chapters"));
        Files.writeString(book.resolve("book.yaml"), """
                id: hostile
                title: Hostile
                language: en-GB
                identifier: urn:uuid:3f0b2c2e-8d0e-4c55-9a57-5a3b6f1a0c11
                date: 2026-01-01
                """, StandardCharsets.UTF_8);
        Files.writeString(book.resolve("chapters/01-pasted.md"), HOSTILE, StandardCharsets.UTF_8);
        result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(temp.resolve("out")));
        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        try (ZipFile zip = new ZipFile(temp.resolve("out/hostile.epub").toFile())) {
            xhtml = new String(zip.getInputStream(zip.getEntry("EPUB/text/01-pasted.xhtml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        print = Files.readString(temp.resolve("out/hostile.html"), StandardCharsets.UTF_8);
    }

    @Test
    void epubCheckReportsNothingAndEveryChangeIsOurWarningAtItsLine() {
        assertThat(result.timings()).as("EPUBCheck ran").containsKey("check");
        List<Diagnostic> all = result.diagnostics();
        assertThat(all).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.code()).matches("HTML-\\d{3}|CHAP-008");
            assertThat(d.file()).isEqualTo("chapters/01-pasted.md");
            assertThat(d.line()).isBetween(3, 27);
        });
        assertThat(all).extracting(Diagnostic::code).contains("HTML-001", "HTML-002", "HTML-003", "HTML-005", "HTML-006",
                "HTML-007", "HTML-008", "HTML-009");
        assertThat(all).as("the script is reported on its line").anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("HTML-001");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).contains("<script>");
        });
        assertThat(all).as("the <b> never closed is reported where it opens").anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("CHAP-008");
            assertThat(d.line()).isEqualTo(26);
            assertThat(d.column()).isEqualTo(20);
            assertThat(d.message()).startsWith("<b> is not closed");
        });
    }

    @Test
    void nothingDroppedIsInEitherEdition() {
        for (String[] edition : List.of(new String[] {"EPUB", xhtml}, new String[] {"print", print})) {
            Document doc = edition[0].equals("EPUB") ? Jsoup.parse(edition[1], "", Parser.xmlParser()) : Jsoup.parse(edition[1]);
            Element body = doc.selectFirst("body");
            String name = edition[0];
            assertThat(body.select("script, noscript, iframe, object, embed, form, input, button, select, option, textarea, "
                    + "video, audio, source, marquee, blink, foo-bar")).as(name + ": dropped elements").isEmpty();
            assertThat(body.select("style, link, base, meta")).as(name + ": head elements in the body").isEmpty();
            for (Element e : body.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey()).as(name + ": an event handler on <" + e.tagName() + ">").doesNotStartWith("on");
                    String value = a.getValue().toLowerCase(Locale.ROOT).strip();
                    assertThat(value).as(name + ": " + a.getKey()).doesNotStartWith("javascript:").doesNotStartWith("vbscript:");
                    if (!e.tagName().equals("img")) {
                        assertThat(value).as(name + ": " + a.getKey()).doesNotStartWith("data:").doesNotContain("url(");
                    }
                }
            }
            String text = body.text();
            assertThat(text).as(name).doesNotContain("script text", "noscript text", "video text", "display: none");
            assertThat(text).as(name + ": what is kept").contains("Kept one.", "kept two", "Markdown javascript", "raw javascript",
                    "Kept three.", "Kept four", "kept five", "kept six", "Kept seven", "never closed", "stray", "Kept eight");
        }
    }

    @Test
    void theEpubsChapterIsWellFormedWithTheUnclosedTagsClosed() {
        Document doc = Jsoup.parse(xhtml, "", Parser.xmlParser());
        Element b = doc.selectFirst("b");
        assertThat(b).isNotNull();
        assertThat(b.text()).startsWith("never closed");
        assertThat(doc.select("ul > li").text()).contains("stray", "Kept eight");
        assertThat(doc.select("li")).as("every list item in a list").allSatisfy(li -> assertThat(li.parent().tagName()).isIn("ul", "ol"));
    }
}
