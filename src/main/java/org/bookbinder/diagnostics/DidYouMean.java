package org.bookbinder.diagnostics;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the nearest known word for a misspelt key, or the nearest id for a mistyped anchor, by edit distance. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /** The candidate closest to {@code word}, if one is close enough to be a plausible slip. */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= allowed(lower) ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or the empty string. */
    public static String hint(String word, Collection<String> candidates) {
        return nearest(word, candidates).map(DidYouMean::hint).orElse("");
    }

    /**
     * The candidate closest to {@code id}, a name made of words such as an anchor ({@code camps-list}), if it is a
     * plausible slip: word by word, each word no further from the candidate's than {@link #nearest} allows a word, not
     * another word in its place ({@code a} for {@code b}), and with the same digits ({@code part-1} is not a slip for
     * {@code part-2}). Held to the rule for one word, a long id would be near any that shares its shape
     * ({@code soviet-pows-in-1941} and {@code german-pows-in-1941}). Words run together or split ({@code camplist},
     * {@code camp-list}) are near when, separators aside, at most one letter differs.
     */
    public static Optional<String> nearestId(String id, Collection<String> candidates) {
        String[] words = words(id);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = wordDistance(words, words(candidate));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance == Integer.MAX_VALUE ? Optional.empty() : Optional.ofNullable(best);
    }

    /** {@link #hint} for ids: " (did you mean 'x'?)" or the empty string. */
    public static String hintId(String id, Collection<String> candidates) {
        return nearestId(id, candidates).map(DidYouMean::hint).orElse("");
    }

    private static String hint(String suggestion) {
        return " (did you mean '" + suggestion + "'?)";
    }

    private static String[] words(String id) {
        return id.toLowerCase(Locale.ROOT).split("[-_.:\\s]+", -1);
    }

    /** The sum of the words' distances, or {@link Integer#MAX_VALUE} when the ids are not a plausible slip apart. */
    private static int wordDistance(String[] a, String[] b) {
        if (a.length != b.length) {
            String joinedA = String.join("", a);
            String joinedB = String.join("", b);
            return digits(joinedA).equals(digits(joinedB)) && distance(joinedA, joinedB) <= 1
                    ? 1 + distance(joinedA, joinedB) : Integer.MAX_VALUE;
        }
        int total = 0;
        for (int i = 0; i < a.length; i++) {
            int d = distance(a[i], b[i]);
            boolean whole = d > 0 && d >= Math.max(a[i].length(), b[i].length());     // 'a' for 'b' is another word
            if (d > allowed(a[i]) || whole || !digits(a[i]).equals(digits(b[i]))) {
                return Integer.MAX_VALUE;
            }
            total += d;
        }
        return total;
    }

    /** How far a word may be from a candidate to be a plausible slip for it. */
    private static int allowed(String word) {
        return Math.max(2, word.length() / 3);
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
