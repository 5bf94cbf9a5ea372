package org.bookbinder.annotate.citations;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where in a work a cite points: a CSL locator label ({@code page}, {@code chapter}, {@code section} …) and its value
 * as written ({@code 84}, {@code 3-5}, {@code iv}).
 */
record Locator(String label, String value) {
    private static final Pattern ROMAN = Pattern.compile("(?i)[ivxlcdm]+");

    /** A cite's suffix split into its locator, if it starts with one, and the rest. */
    record Split(Optional<Locator> locator, String rest) {
    }

    /**
     * Reads a locator off the start of a cite's suffix the way pandoc does: an optional comma, then a locator term
     * of the book's locale ({@code p.}, {@code pp.}, {@code chap.}, {@code sec.}, {@code §}, {@code fig.},
     * {@code n.}, {@code vol.}, {@code para.} …, any form, singular or plural) and one or more numbers, ranges or
     * roman numerals separated by commas ({@code pp. 33-35, 38}); a bare number is a page ({@code [@key, 12]}).
     * A locator in braces is taken as written ({@code [@key, {pp. iv, vi-xi}]}); empty braces mean none. What
     * follows is the rest of the suffix ({@code , emphasis added}); a rest that starts with a word, after no
     * locator, gets a comma before it.
     */
    static Split parse(String suffix, Map<String, String> terms) {
        int i = 0;
        int n = suffix.length();
        if (i < n && suffix.charAt(i) == ',') {
            i++;
        }
        while (i < n && Character.isWhitespace(suffix.charAt(i))) {
            i++;
        }
        if (i < n && suffix.charAt(i) == '{') {
            int close = matching(suffix, i);
            if (close > 0) {
                String inside = suffix.substring(i + 1, close).strip();
                String rest = suffix.substring(close + 1);
                if (inside.isEmpty()) {
                    return new Split(Optional.empty(), withComma(rest));
                }
                Optional<String[]> term = term(inside, 0, terms);
                Locator locator = term.map(t -> new Locator(t[0], inside.substring(Integer.parseInt(t[1])).strip()))
                        .orElse(new Locator("page", inside));
                return new Split(Optional.of(locator), rest);
            }
        }
        Optional<String[]> term = term(suffix, i, terms);
        boolean explicit = term.isPresent();
        int at = term.map(t -> Integer.parseInt(t[1])).orElse(i);
        while (at < n && Character.isWhitespace(suffix.charAt(at))) {
            at++;
        }
        int end = word(suffix, at, explicit);
        if (end < 0) {
            return new Split(Optional.empty(), withComma(suffix));
        }
        int valueEnd = end;
        while (true) {
            int j = valueEnd;
            while (j < n && suffix.charAt(j) == ' ') {
                j++;
            }
            if (j < n && suffix.charAt(j) == ',') {
                j++;
            }
            while (j < n && Character.isWhitespace(suffix.charAt(j))) {
                j++;
            }
            if (j == valueEnd) {
                break;
            }
            int next = word(suffix, j, explicit);
            if (next < 0) {
                break;
            }
            valueEnd = next;
        }
        String label = term.map(t -> t[0]).orElse("page");
        return new Split(Optional.of(new Locator(label, suffix.substring(at, valueEnd))), suffix.substring(valueEnd));
    }

    /** The longest locator term at {@code from}: its label and the index after it. */
    private static Optional<String[]> term(String s, int from, Map<String, String> terms) {
        String lower = s.toLowerCase(Locale.ROOT);
        return terms.keySet().stream()
                .filter(t -> lower.startsWith(t, from))
                .filter(t -> {
                    int after = from + t.length();
                    return after == s.length() || Character.isWhitespace(s.charAt(after)) || Character.isDigit(s.charAt(after))
                            || !Character.isLetterOrDigit(t.charAt(t.length() - 1));
                })
                .max(Comparator.comparingInt(String::length))
                .map(t -> new String[]{terms.get(t), String.valueOf(from + t.length())});
    }

    /**
     * The end of a locator word at {@code from} — a page, range or number such as {@code 84}, {@code 3-5},
     * {@code 12a}, {@code 4:17}, {@code 34(1)}, or with an explicit label a roman numeral — or -1.
     */
    private static int word(String s, int from, boolean explicit) {
        int end = from;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != ',' && s.charAt(end) != ';') {
            end++;
        }
        // trailing punctuation belongs to the sentence, not to the locator
        while (end > from && ".!?)]".indexOf(s.charAt(end - 1)) >= 0 && !balanced(s.substring(from, end))) {
            end--;
        }
        while (end > from && ".!?".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == from) {
            return -1;
        }
        String w = s.substring(from, end);
        boolean digits = w.chars().anyMatch(Character::isDigit);
        if (digits || (explicit && ROMAN.matcher(w.replaceAll("[-\u2013]", "")).matches())) {
            return end;
        }
        return -1;
    }

    private static boolean balanced(String w) {
        int depth = 0;
        for (char c : w.toCharArray()) {
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
        return depth == 0;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Pandoc puts a comma before a suffix that starts with a word. */
    private static String withComma(String rest) {
        if (rest.isEmpty() || !Character.isLetterOrDigit(rest.codePointAt(0))) {
            return rest;
        }
        return ", " + rest;
    }

}
