package org.bookbinder.annotate.citations;

import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.BookConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Locators read off a cite's suffix, as pandoc reads them, with the terms of the en-US locale. */
class LocatorTest {
    static Map<String, String> terms;

    @BeforeAll
    static void terms() {
        CitationStyle style = CitationStyle.load(Path.of("."), "chicago-notes", BookConfig.Position.UNKNOWN, new Diagnostics()).orElseThrow();
        terms = CitationLocale.of("en-US", style).orElseThrow().locatorTerms;
    }

    private static Locator.Split parse(String suffix) {
        return Locator.parse(suffix, terms);
    }

    private static Locator.Split split(String label, String value, String rest) {
        return new Locator.Split(Optional.of(new Locator(label, value)), rest);
    }

    @Test
    void labelsInAnyFormAndNumber() {
        assertThat(parse(", p. 84")).isEqualTo(split("page", "84", ""));
        assertThat(parse(", pp. 3-5")).isEqualTo(split("page", "3-5", ""));
        assertThat(parse(", pages 3–5")).isEqualTo(split("page", "3–5", ""));
        assertThat(parse(", chap. 2")).isEqualTo(split("chapter", "2", ""));
        assertThat(parse(", chapter 2")).isEqualTo(split("chapter", "2", ""));
        assertThat(parse(", sec. 4")).isEqualTo(split("section", "4", ""));
        assertThat(parse(", § 4")).isEqualTo(split("section", "4", ""));
        assertThat(parse(", fig. 3")).isEqualTo(split("figure", "3", ""));
        assertThat(parse(", n. 12")).isEqualTo(split("note", "12", ""));
        assertThat(parse(", nn. 12-14")).isEqualTo(split("note", "12-14", ""));
        assertThat(parse(", vol. 2")).isEqualTo(split("volume", "2", ""));
        assertThat(parse(", para. 7")).isEqualTo(split("paragraph", "7", ""));
        assertThat(parse(", l. 7")).isEqualTo(split("line", "7", ""));
        assertThat(parse(", P. 84")).as("case does not matter").isEqualTo(split("page", "84", ""));
    }

    @Test
    void aBareNumberIsAPage() {
        assertThat(parse(", 12")).isEqualTo(split("page", "12", ""));
        assertThat(parse(" 12")).isEqualTo(split("page", "12", ""));
        assertThat(parse(", 33-35, 38")).isEqualTo(split("page", "33-35, 38", ""));
        assertThat(parse(", 4:17")).isEqualTo(split("page", "4:17", ""));
        assertThat(parse(", xii")).as("a roman numeral needs a label").isEqualTo(new Locator.Split(Optional.empty(), ", xii"));
        assertThat(parse(", p. xii")).isEqualTo(split("page", "xii", ""));
    }

    @Test
    void theRestIsTheSuffix() {
        assertThat(parse(", p. 84, emphasis added")).isEqualTo(split("page", "84", ", emphasis added"));
        assertThat(parse(", 33 and passim")).isEqualTo(split("page", "33", " and passim"));
        assertThat(parse(", emphasis added")).isEqualTo(new Locator.Split(Optional.empty(), ", emphasis added"));
        assertThat(parse(" and elsewhere")).isEqualTo(new Locator.Split(Optional.empty(), " and elsewhere"));
        assertThat(parse(", chapter two")).as("no number: no locator").isEqualTo(new Locator.Split(Optional.empty(), ", chapter two"));
    }

    @Test
    void bracesTakeALocatorAsWritten() {
        assertThat(parse(", {pp. iv, vi-xi}")).isEqualTo(split("page", "iv, vi-xi", ""));
        assertThat(parse(", {the preface}, passim")).isEqualTo(split("page", "the preface", ", passim"));
        assertThat(parse("{}, 99 years later")).isEqualTo(new Locator.Split(Optional.empty(), ", 99 years later"));
    }
}
