package org.bookbinder.render.print;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Liang's algorithm over TeX's patterns gives TeX's hyphenations. */
class HyphenatorTest {

    /** Expected breaks as plain TeX (hyphen.tex) and the UK patterns (ukhyphen.tex) make them. */
    @ParameterizedTest(name = "{0}: {1} (US) / {2} (GB)")
    @CsvSource({
            "hyphenation, hy-phen-ation, hy-phen-a-tion",
            "concentration, con-cen-tra-tion, con-cen-tra-tion",
            "prisoners, pris-on-ers, pris-on-ers",
            "collaboration, col-lab-o-ra-tion, col-lab-or-a-tion",
            "repatriation, repa-tri-a-tion, re-pat-ri-ation",
            "treatment, treat-ment, treat-ment",
            "table, ta-ble, table",
            "presents, presents, presents",
    })
    void hyphenatesAsTexDoes(String word, String us, String gb) {
        assertThat(show(Hyphenator.forLanguage("en-US").orElseThrow(), word)).isEqualTo(us);
        assertThat(show(Hyphenator.forLanguage("en-GB").orElseThrow(), word)).isEqualTo(gb);
    }

    @Test
    void leavesTwoLettersBeforeAndThreeAfterABreak() {
        Hyphenator h = Hyphenator.parse(List.of("UTF-8", "LEFTHYPHENMIN 2", "RIGHTHYPHENMIN 3", "1b", "1c", "1d", "1e"));
        assertThat(show(h, "abcdef")).isEqualTo("ab-c-def");
        assertThat(h.breaks("abcd")).isEmpty();
    }

    @Test
    void knowsWhichLanguagesItHasPatternsFor() {
        assertThat(Hyphenator.forLanguage("en")).isPresent();
        assertThat(Hyphenator.forLanguage("en-AU")).isPresent();
        assertThat(Hyphenator.forLanguage("EN-us")).isPresent();
        assertThat(Hyphenator.forLanguage("de-DE")).isEmpty();
    }

    private static String show(Hyphenator h, String word) {
        return h.hyphenate(word).replace('\u00AD', '-');
    }
}
