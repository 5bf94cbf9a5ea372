package org.bookbinder.annotate.citations;

import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.BookConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The formatter asks citeproc once per kind of cite and puts each cite's own locator in. */
class CitationFormatterTest {
    static Bibliography bibliography;
    static CitationStyle style;
    static CitationLocale locale;

    @BeforeAll
    static void load() throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Path file = Path.of("src/test/resources/spec/fixtures/references.json");
        bibliography = BibliographyReader.read("references.json", BibliographyReader.Format.CSL_JSON, Files.readString(file),
                diagnostics).orElseThrow();
        style = CitationStyle.load(Path.of("."), "chicago-notes", BookConfig.Position.UNKNOWN, diagnostics).orElseThrow();
        locale = CitationLocale.of("en-US", style).orElseThrow();
        assertThat(diagnostics.list()).isEmpty();
    }

    private static CitationFormatter formatter() {
        return new CitationFormatter(style, locale, bibliography, bibliography.ids());
    }

    @Test
    void aHundredPagesOfOneWorkTakeOneCallForEachPosition() {
        CitationFormatter f = formatter();
        String first = f.format(new CitationFormatter.Request("nimmo1988", Set.of("first"), null, false));
        String later = f.format(new CitationFormatter.Request("nimmo1988", Set.of("subsequent"), null, false));
        int withoutLocators = f.calls();
        for (int page = 1; page <= 100; page++) {
            assertThat(f.format(new CitationFormatter.Request("nimmo1988", Set.of("first"), new Locator("page", String.valueOf(page)), false)))
                    .isEqualTo(first + ", " + page);
            assertThat(f.format(new CitationFormatter.Request("nimmo1988", Set.of("subsequent"), new Locator("page", String.valueOf(page)), false)))
                    .isEqualTo(later + ", " + page);
        }
        assertThat(first).isEqualTo("William F. Nimmo, <i>Behind a Curtain of Silence: Japanese in Soviet Custody, 1945–1956</i> (Greenwood Press, 1988)");
        assertThat(later).isEqualTo("Nimmo, <i>Behind a Curtain of Silence</i>");
        assertThat(withoutLocators).isEqualTo(2);
        assertThat(f.calls() - withoutLocators).as("one call for each position, for all hundred pages").isEqualTo(2);
    }

    @Test
    void rangesAreAbbreviatedAsTheStyleSaysAndLabelsKept() {
        CitationFormatter f = formatter();
        Set<String> later = Set.of("subsequent");
        assertThat(f.format(new CitationFormatter.Request("beevor1998", later, new Locator("page", "321-28"), false)))
                .isEqualTo("Beevor, <i>Stalingrad</i>, 321–28");
        assertThat(f.format(new CitationFormatter.Request("beevor1998", later, new Locator("page", "321-328"), false)))
                .isEqualTo("Beevor, <i>Stalingrad</i>, 321–28");
        assertThat(f.format(new CitationFormatter.Request("beevor1998", later, new Locator("page", "100-104"), false)))
                .isEqualTo("Beevor, <i>Stalingrad</i>, 100–104");
        assertThat(f.format(new CitationFormatter.Request("beevor1998", later, new Locator("page", "1496-1504"), false)))
                .as("CMOS since the 16th edition: as many digits as change").isEqualTo("Beevor, <i>Stalingrad</i>, 1496–504");
        assertThat(f.calls()).as("one call for all the ranges").isEqualTo(1);
        assertThat(f.format(new CitationFormatter.Request("beevor1998", later, new Locator("chapter", "3-4"), false)))
                .isEqualTo("Beevor, <i>Stalingrad</i>, chaps. 3–4");
        assertThat(f.format(new CitationFormatter.Request("beevor1998", later, new Locator("page", "xii"), false)))
                .isEqualTo("Beevor, <i>Stalingrad</i>, xii");
        assertThat(f.format(new CitationFormatter.Request("beevor1998", later, new Locator("page", "12 & 14"), false)))
                .isEqualTo("Beevor, <i>Stalingrad</i>, 12 &amp; 14");
    }

    @Test
    void suppressingTheAuthorCutsOutTheNamesAndTheirPunctuation() {
        CitationFormatter f = formatter();
        assertThat(f.format(new CitationFormatter.Request("cienciala2007", Set.of("first"), null, true)))
                .as("editors standing in for the author go too")
                .isEqualTo("<i>Katyn: A Crime without Punishment</i> (Yale University Press, 2007)");
        assertThat(f.format(new CitationFormatter.Request("biess2005", Set.of("subsequent"), new Locator("page", "350"), true)))
                .isEqualTo("“Survivors of Totalitarianism,” 350");
    }

    @Test
    void numbersAndRangesOfTwoAreToldApartAsCiteprocsNumberParserTellsThem() {
        for (int n = 0; n <= 2000; n += 7) {
            for (String value : List.of(String.valueOf(n), n + "-" + (n + 13), "0" + n, n + "-" + n / 3)) {
                assertThat(CitationFormatter.standIn(value)).as(value).isEqualTo(CitationFormatter.parsedStandIn(value))
                        .isNotNull();
            }
        }
        assertThat(CitationFormatter.standIn("84")).isNotEqualTo(CitationFormatter.standIn("84-86"));
        for (String other : List.of("xii", "iv, vi-xi", "12 & 14", "3, 5", "84 - 86", "84\u201386", "n. 3")) {
            assertThat(CitationFormatter.standIn(other)).as(other).isEqualTo(CitationFormatter.parsedStandIn(other));
        }
    }

    @Test
    void namesForTheRunningText() {
        CitationFormatter f = formatter();
        assertThat(f.names("nimmo1988")).isEqualTo("Nimmo");
        assertThat(f.names("misiunas1993")).isEqualTo("Misiunas and Taagepera");
        assertThat(f.names("cienciala2007")).as("Chicago's et-al-min is 3").isEqualTo("Cienciala et al.");
    }
}
