package org.bookbinder.annotate.citations;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLCitation;
import de.undercouch.citeproc.csl.CSLCitationItemBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLLabel;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.BookConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** citeproc's HTML made XHTML: the quick way for plain text and italics writes what jsoup's way writes. */
class CiteprocHtmlTest {
    @Test
    void citationsOfPlainTextAndItalicsAreWrittenAsJsoupWritesThem() throws Exception {
        Diagnostics diagnostics = new Diagnostics();
        Bibliography bibliography = BibliographyReader.read("references.json", BibliographyReader.Format.CSL_JSON,
                Files.readString(Path.of("src/test/resources/spec/fixtures/references.json")), diagnostics).orElseThrow();
        List<CSLItemData> items = new ArrayList<>();
        bibliography.ids().forEach(id -> items.add(bibliography.entry(id).orElseThrow().data()));
        CiteprocHtml jsoup = new CiteprocHtml(false);
        int quick = 0;
        for (String name : List.of("chicago-notes", "chicago-author-date")) {
            CitationStyle style = CitationStyle.load(Path.of("."), name, BookConfig.Position.UNKNOWN, diagnostics).orElseThrow();
            for (Set<String> positions : List.of(Set.of("first"), Set.of("subsequent"))) {
                CSL csl = new CSL(new ListItemDataProvider(items), style.variant(positions, "page"), "en-US");
                csl.setOutputFormat("html");
                for (String id : bibliography.ids()) {
                    CSLCitationItemBuilder item = new CSLCitationItemBuilder(id).locator("84-86").label(CSLLabel.PAGE);
                    String html = csl.makeCitation(new CSLCitation(item.build())).get(0).getText();
                    String italics = CiteprocHtml.italics(html.strip());
                    if (italics != null) {
                        quick++;
                        assertThat(italics).as(html).isEqualTo(jsoup.convert(html));
                    }
                }
            }
        }
        assertThat(diagnostics.list()).isEmpty();
        assertThat(quick).as("most citations are plain text and italics").isGreaterThan(bibliography.ids().size());
    }

    @Test
    void entitiesAreReadAndWrittenAsJsoupDoes() {
        CiteprocHtml jsoup = new CiteprocHtml(false);
        for (String html : List.of("A &amp; B, 84&ndash;86", "&ldquo;Survivors,&rdquo; <span style=\"font-style: italic\">x</span>",
                "a&nbsp;b &lt;c&gt; &#160; &#x2014; &eacute;", "&amp &unknown; &", "a\u00A0b \u00E9 \uD83D\uDE00", "  padded  ")) {
            assertThat(CiteprocHtml.italics(html.strip())).as(html).isEqualTo(jsoup.convert(html));
        }
    }

    @Test
    void anythingElseIsLeftToJsoup() {
        assertThat(CiteprocHtml.italics("Beevor, <span style=\"font-style: italic\">Stalingrad</span>, 321&ndash;28"))
                .isEqualTo("Beevor, <i>Stalingrad</i>, 321\u201328");
        for (String other : List.of("<span style=\"font-style: italic\">open", "a</span>",
                "<span style=\"font-weight: bold\">b</span>",
                "<span style=\"font-style: italic\"><span style=\"font-style: italic\">x</span></span>",
                "a\nb", "<a href=\"https://example.org\">x</a>", "it's", "\"quoted\"")) {
            assertThat(CiteprocHtml.italics(other)).as(other).isNull();
        }
    }
}
