package org.bookbinder.annotate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Smart punctuation, case by case: the text, the character before it, and what it becomes. */
class TypographyTest {
    @Test
    void aTextWithNothingToSmartenIsTheSameString() {
        String plain = "A plain sentence - with a hyphen. And a dot.";
        assertThat(Typography.smarten(plain, ' ')).isSameAs(plain);
    }

    @Test
    void dashesAndEllipses() {
        assertThat(Typography.smarten("1941--1945, then---silence...", ' ')).isEqualTo("1941\u20131945, then\u2014silence\u2026");
        assertThat(Typography.smarten("----", ' ')).as("an em dash, then a lone hyphen").isEqualTo("\u2014-");
        assertThat(Typography.smarten("-....", ' ')).isEqualTo("-\u2026.");
    }

    @Test
    void quotesOpenOrCloseByTheCharacterBeforeThem() {
        assertThat(Typography.smarten("\"Yes,\" he said, 'no'.", ' ')).isEqualTo("\u201CYes,\u201D he said, \u2018no\u2019.");
        assertThat(Typography.smarten("\" after emphasis", 'x')).as("the character before comes from an earlier node")
                .isEqualTo("\u201D after emphasis");
        assertThat(Typography.smarten("(\"a\")", ' ')).isEqualTo("(\u201Ca\u201D)");
        assertThat(Typography.smarten("--\"dash\"", ' ')).as("a quote right after a replaced dash opens")
                .isEqualTo("\u2013\u201Cdash\u201D");
    }

    @Test
    void apostrophesAndElidedCenturies() {
        assertThat(Typography.smarten("don't, the 1940s', POWs' fate in '45", ' '))
                .isEqualTo("don\u2019t, the 1940s\u2019, POWs\u2019 fate in \u201945");
        assertThat(Typography.smarten("'tis", ' ')).isEqualTo("\u2018tis");
    }
}
