package org.bookbinder.render.print;

import org.bookbinder.render.Markup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The print edition's finishing touches, case by case: input HTML, and what the print edition makes of it. */
class FineTypographyTest {
    private static final Optional<Hyphenator> US = Hyphenator.forLanguage("en-US");

    private static String apply(String html) {
        Element body = Markup.parseFragment(html);
        FineTypography.apply(body, "en-US", US);
        return Markup.html(body).replace('\u00AD', '~').replace('\u00A0', '_').replace("&#xa0;", "_").replace("&#xad;", "~");
    }

    @Test
    void noBreakSpacesWhereABreakWouldHurt() {
        assertThat(apply("<p>About 5 km away, 60 percent, 1.5 million men.</p>"))
                .contains("5_km").contains("60_per~cent").contains("1.5_mil~lion");
        assertThat(apply("<p>William F. Nimmo and the U.S. Army, p. 84, pp. 10–12, No. 270.</p>"))
                .contains("F._Nimmo").contains("U.S._Army").contains("p._84").contains("pp._10").contains("No._270");
        assertThat(apply("<p>It ended. Then Dr. Who met Prof. Quatermass; a gap. 5 more, Vols. 2 and 3.</p>"))
                .as("an abbreviation is a whole word, found after other sentences' ends")
                .contains("ended. Then").contains("Dr._Who").contains("Prof._Quatermass").contains("gap. 5").contains("Vols. 2");
        assertThat(apply("<p>On August 23, 1939, in World War II …</p>")).contains("August_23").contains("War_II").contains("II_…");
    }

    /** The scan before the no-break patterns, alone or in the scan for soft hyphens, on 20,000 seeded random texts. */
    @Test
    void theScansBeforeTheNoBreakPatternsMissNoPlaceWhereOneApplies() {
        List<String> tokens = List.of("August", "May", "Mayday", "March", "ember", "II", "IV", "XIV", "VIth", "Valsor", "I",
                "X", "XX", "5", "23", "1939", "km", "percent", "p.", "pp.", "No.", "Dr.", "F.", "U.S.", "…", "NKVD", "é",
                "\u216B", "\u24B6", "²", ",", ".", "(", ")", "’", "\u00A0", "x", "concentration", "www.example", "NKVDs");
        List<String> spaces = List.of(" ", " ", " ", "\t", "\n", "  ", "");
        Random random = new Random(7);
        HyphenatedWords words = HyphenatedWords.of(US.orElseThrow());
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int w = random.nextInt(8); w >= 0; w--) {
                s.append(tokens.get(random.nextInt(tokens.size()))).append(spaces.get(random.nextInt(spaces.size())));
            }
            String text = s.toString();
            int found = FineTypography.candidates(text.toCharArray(), text.length());
            assertThat(FineTypography.noBreaks(text, found)).as("%s", text).isEqualTo(FineTypography.noBreaks(text, ~0));
            FineTypography.Scratch scratch = new FineTypography.Scratch();
            FineTypography.hyphenate(text, scratch.text(text), words, scratch, true);
            assertThat(scratch.found).as("what the scan for soft hyphens finds in %s", text).isEqualTo(found);
        }
    }

    @Test
    void acronymsAreSetInSmallCapitalsButRomanNumeralsAreNot() {
        assertThat(apply("<p>The NKVD held POWs in the DDR during World War II.</p>"))
                .contains("The <span class=\"caps\">NKVD</span> held")
                .contains("<span class=\"caps\">POW</span>s in")
                .contains("<span class=\"caps\">DDR</span>")
                .contains("War_II.")
                .doesNotContain("\"caps\">II");
        assertThat(apply("<h2>Polish POWs</h2>")).as("headings keep their capitals").isEqualTo("<h2>Polish POWs</h2>");
    }

    @Test
    void softHyphensOnlyInRunningText() {
        String out = apply("<h2>Repatriation everywhere</h2><p>Repatriation of prisoners was concentrated "
                + "<code>somewhere</code> at https://example.org/deportations and in <span lang=\"de\">Kriegsgefangenschaft</span> "
                + "for everybody concerned.</p>");
        assertThat(out).contains("<h2>Repatriation everywhere</h2>")
                .as("lower-case words are hyphenated").contains("pris~on~ers").contains("con~cen~trated")
                .as("capitalised words are not").contains("Repatriation of")
                .as("nor code").contains("<code>somewhere</code>")
                .as("nor URLs").contains("https://example.org/deportations")
                .as("nor another language").contains("Kriegsgefangenschaft")
                .as("nor the last word of a paragraph").endsWith("concerned.</p>");
    }

    @Test
    void aNoteInsideAParagraphKeepsItsOwnLastWordWhole() {
        String out = apply("<p>Text about prisoners.<a class=\"noteref\" href=\"#n1\">1</a>"
                + "<span class=\"note\" id=\"n1\"><span class=\"note-p\">A note about deportations</span></span> and a final concentration</p>");
        assertThat(out).contains("about deportations</span>").contains("final concentration</p>").contains("pris~on~ers");
    }
}
