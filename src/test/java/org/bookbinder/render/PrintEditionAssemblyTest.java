package org.bookbinder.render;

import org.bookbinder.load.BookConfig.PrintSettings;
import org.bookbinder.render.print.PageGeometry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The print edition is put together from its parts' bytes, spliced into the template's page at markers: whatever the
 * book's own text holds, each part stands once, in its section, in order.
 */
class PrintEditionAssemblyTest {
    private static final PrintEdition.Setting SETTING = new PrintEdition.Setting("en-US", Map.of(),
            PageGeometry.of(new PrintSettings("a4", false)), Optional.empty());

    private static List<Map<String, Object>> parts() {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (String slug : List.of("01-one", "02-two", "03-three")) {
            var body = Markup.parseFragment("<h1 id=\"t\">" + slug + "</h1><p>Text of " + slug + " — “quoted”.</p>");
            parts.add(PrintEdition.set(new PrintEdition.Part(slug, "t", slug, "chapter", "body", List.of(), body), SETTING));
        }
        return parts;
    }

    private static Document render(String css) {
        var bytes = PrintEdition.render(css, SETTING, parts(), "", Map.of("lang", "en-US", "bookTitle", "T", "toolVersion", "0"));
        byte[] b = new byte[bytes.remaining()];
        bytes.get(b);
        return Jsoup.parse(new String(b, StandardCharsets.UTF_8));
    }

    @Test
    void eachPartStandsInItsSectionInOrder() {
        Document doc = render("p { margin: 0; }");
        assertThat(doc.select("main > section.chapter").eachAttr("id")).containsExactly("c01-one", "c02-two", "c03-three");
        assertThat(doc.select("main > section.chapter > p").eachText())
                .containsExactly("Text of 01-one — “quoted”.", "Text of 02-two — “quoted”.", "Text of 03-three — “quoted”.");
        assertThat(doc.html()).doesNotContain("\u0000", "bookbinder-part-");
    }

    @Test
    void aStylesheetThatHoldsAMarkersTextGetsThePartsAsText() {
        Document doc = render("/* \u0000bookbinder-part-1\u0000 */ p { margin: 0; }");
        assertThat(doc.select("main > section.chapter > p").eachText())
                .containsExactly("Text of 01-one — “quoted”.", "Text of 02-two — “quoted”.", "Text of 03-three — “quoted”.");
        assertThat(doc.select("style").html()).as("the stylesheet as it was").contains("bookbinder-part-1");
    }
}
