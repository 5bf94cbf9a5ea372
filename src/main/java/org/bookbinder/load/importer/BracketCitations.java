package org.bookbinder.load.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bracketed source references of a scraped page into pandoc citations:
 * {@code [Applebaum]} → {@code [@applebaum2003]}, {@code [Solzhenitsyn, p. 84.]} → {@code [@solzhenitsyn1973, p. 84]}.
 * A bracket that names no entry of the page's sources list is left as it is.
 */
final class BracketCitations {
    private static final Pattern BRACKET = Pattern.compile("\\[([^\\[\\]@^]{2,120})\\](?![({])");

    private BracketCitations() {
    }

    static String convert(String markdown, List<SourceReference> references) {
        Matcher m = BRACKET.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<String> citation = citation(m.group(1), references);
            m.appendReplacement(out, Matcher.quoteReplacement(citation.orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Optional<String> citation(String inside, List<SourceReference> references) {
        String text = inside.strip();
        for (SourceReference r : references) {
            String family = r.family().toLowerCase(Locale.ROOT);
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals(family) || lower.startsWith(family + ",") || lower.startsWith(family + " ")) {
                String locator = text.substring(family.length()).replaceFirst("^[,\\s]+", "").replaceAll("[.\\s]+$", "").strip();
                return Optional.of(locator.isEmpty() ? "[@" + r.key() + "]" : "[@" + r.key() + ", " + locator + "]");
            }
        }
        return Optional.empty();
    }
}
