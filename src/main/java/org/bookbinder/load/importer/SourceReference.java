package org.bookbinder.load.importer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a page's sources list, parsed as far as the entry allows: "Surname, Given. [Trans, Name.] Title
 * (Publisher: Place, Year), 660p." Whatever cannot be parsed is left out, never guessed; the editor completes the
 * bibliography by hand.
 *
 * @param key a citation key made from the surname and year: {@code applebaum2003}
 */
record SourceReference(String key, String family, String given, Optional<String> translator, Optional<String> title,
                       Optional<String> publisher, Optional<String> place, Optional<Integer> year,
                       Optional<String> pages, String original) {

    private static final Pattern AUTHOR = Pattern.compile("^([\\p{L}'’ -]+?),\\s*((?:[\\p{L}'’-]+\\.?\\s*)*?(?:\\p{Lu}\\.\\s*)*)(?:\\.\\s+|\\.?$)");
    private static final Pattern TRANSLATOR = Pattern.compile("^(?:Trans(?:lated)?\\.?,?|tr\\.)\\s*(?:by\\s+)?((?:[\\p{L}'’-]+\\.?\\s*)+?)\\.\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPRINT = Pattern.compile("\\(([^()]*?)\\)");
    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b");
    private static final Pattern PAGES = Pattern.compile("\\b(\\d+)\\s*(?:p|pp|pages)\\.?\\s*$");

    static Optional<SourceReference> parse(String entry) {
        String text = entry.strip();
        Matcher a = AUTHOR.matcher(text);
        if (!a.find()) {
            return Optional.empty();
        }
        String family = a.group(1).strip();
        String given = a.group(2).strip();
        if (given.endsWith(".") && !given.matches(".*\\b\\p{Lu}\\.$")) {
            given = given.substring(0, given.length() - 1);
        }
        if (given.matches(".*\\b\\p{Lu}$")) {
            given = given + ".";
        }
        String rest = text.substring(a.end()).strip();
        Optional<String> translator = Optional.empty();
        Matcher t = TRANSLATOR.matcher(rest);
        if (t.find()) {
            translator = Optional.of(t.group(1).strip());
            rest = rest.substring(t.end()).strip();
        }
        Optional<String> title = Optional.empty();
        Optional<String> publisher = Optional.empty();
        Optional<String> place = Optional.empty();
        Optional<Integer> year = Optional.empty();
        Matcher imprint = IMPRINT.matcher(rest);
        if (imprint.find()) {
            String t1 = rest.substring(0, imprint.start()).strip();
            if (!t1.isEmpty()) {
                title = Optional.of(t1);
            }
            String inside = imprint.group(1);
            Matcher y = YEAR.matcher(inside);
            if (y.find()) {
                year = Optional.of(Integer.parseInt(y.group(1)));
            }
            String[] parts = inside.split(":", 2);
            publisher = Optional.of(parts[0].strip()).filter(s -> !s.isEmpty() && !YEAR.matcher(s).matches());
            if (parts.length == 2) {
                String afterColon = YEAR.matcher(parts[1]).replaceAll("").replaceAll("[,\\s]+$", "").strip();
                if (!afterColon.isEmpty()) {
                    place = Optional.of(afterColon);
                }
            }
        } else if (!rest.isEmpty()) {
            title = Optional.of(rest.replaceAll("\\.$", ""));
        }
        Matcher p = PAGES.matcher(text.replaceAll("\\.$", ""));
        Optional<String> pages = p.find() ? Optional.of(p.group(1)) : Optional.empty();
        String key = ascii(family) + year.map(String::valueOf).orElse("");
        return Optional.of(new SourceReference(key, family, given, translator, title, publisher, place, year, pages, text));
    }

    SourceReference withKey(String newKey) {
        return new SourceReference(newKey, family, given, translator, title, publisher, place, year, pages, original);
    }

    static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Gives entries with the same key the suffixes a, b, c … in order. */
    static List<SourceReference> uniqueKeys(List<SourceReference> refs) {
        List<SourceReference> out = new ArrayList<>();
        for (SourceReference r : refs) {
            long same = refs.stream().filter(o -> o.key().equals(r.key())).count();
            if (same > 1) {
                long index = out.stream().filter(o -> o.key().startsWith(r.key())).count();
                out.add(r.withKey(r.key() + (char) ('a' + index)));
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
