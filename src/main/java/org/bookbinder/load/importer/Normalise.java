package org.bookbinder.load.importer;

import java.text.Normalizer;

/**
 * Whitespace and quote normalisation for imported text: line ends, non-breaking and odd spaces, runs of spaces,
 * and every kind of typographic quote back to a straight one (the build makes them typographic again, all in one
 * consistent way), including the left single quote scraped pages use for apostrophes ("don‘t").
 */
final class Normalise {
    private Normalise() {
    }

    static String text(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u00A0', ' ').replace('\u2009', ' ').replace('\u202F', ' ').replace('\t', ' ')
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201A', '\'').replace('\u2032', '\'')
                .replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"').replace('\u2033', '"')
                .replace("\u200B", "").replace("\uFEFF", "");
        return t.replaceAll("[ ]{2,}", " ");
    }
}
