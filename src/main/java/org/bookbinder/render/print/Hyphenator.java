package org.bookbinder.render.print;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Frank Liang's hyphenation algorithm (the one TeX uses) over TeX's patterns, as the Hyphen library ships
 * them ({@code hyph_en_US.dic}: Knuth and Liang's {@code hyphen.tex} plus the TUGboat exception log;
 * {@code hyph_en_GB.dic}: Wujastyk and Toal's {@code ukhyphen.tex}). Sources and licences are in
 * {@code resources/org/bookbinder/hyphenation/LICENSES.txt}.
 *
 * <p>Immutable and thread-safe; {@link #forLanguage} loads each pattern set once per process.
 */
public final class Hyphenator {
    private static final Map<String, Hyphenator> LOADED = new ConcurrentHashMap<>();
    /** BCP 47 primary language (and region) → pattern file. */
    private static final Map<String, String> FILES = Map.of(
            "en", "hyph_en_US.dic", "en-us", "hyph_en_US.dic", "en-gb", "hyph_en_GB.dic",
            "en-au", "hyph_en_GB.dic", "en-nz", "hyph_en_GB.dic", "en-ie", "hyph_en_GB.dic", "en-za", "hyph_en_GB.dic");

    private final Node root;
    private final int leftMin;
    private final int rightMin;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();
    private final Map<String, String> hyphenated = new ConcurrentHashMap<>();

    private Hyphenator(Node root, int leftMin, int rightMin) {
        this.root = root;
        this.leftMin = leftMin;
        this.rightMin = rightMin;
    }

    /** The hyphenator for a BCP 47 tag ({@code en-US}, {@code en-GB}…), if Bookbinder has patterns for it. */
    public static Optional<Hyphenator> forLanguage(String tag) {
        String t = tag.toLowerCase(Locale.ROOT).replace('_', '-');
        String file = FILES.get(t);
        if (file == null && t.contains("-")) {
            file = FILES.get(t.substring(0, t.indexOf('-')));
        }
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(LOADED.computeIfAbsent(file, Hyphenator::load));
    }

    /** Reads patterns in the Hyphen library's format: a charset line, optional settings, one pattern a line. */
    static Hyphenator parse(List<String> lines) {
        Node root = new Node();
        int left = 2;
        int right = 3;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("%") || line.startsWith("#") || line.equals("UTF-8") || line.startsWith("ISO")) {
                continue;
            }
            if (line.startsWith("LEFTHYPHENMIN")) {
                left = Integer.parseInt(line.substring(13).strip());
                continue;
            }
            if (line.startsWith("RIGHTHYPHENMIN")) {
                right = Integer.parseInt(line.substring(14).strip());
                continue;
            }
            if (Character.isUpperCase(line.charAt(0)) || line.contains("/")) {
                continue;                      // other settings (COMPOUND…, NOHYPHEN) and non-standard patterns
            }
            StringBuilder letters = new StringBuilder();
            List<Integer> values = new ArrayList<>();
            values.add(0);
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c >= '0' && c <= '9') {
                    values.set(values.size() - 1, c - '0');
                } else {
                    letters.append(c);
                    values.add(0);
                }
            }
            Node n = root;
            for (int i = 0; i < letters.length(); i++) {
                n = n.next.computeIfAbsent(letters.charAt(i), k -> new Node());
            }
            n.values = values.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Hyphenator(root, left, right);
    }

    private static Hyphenator load(String file) {
        try (InputStream in = Hyphenator.class.getResourceAsStream("/org/bookbinder/hyphenation/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing hyphenation patterns " + file);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where {@code word} (letters only) may break: ascending offsets {@code i} meaning "between
     * {@code word[i-1]} and {@code word[i]}", at least {@code leftMin} letters from the start and
     * {@code rightMin} from the end.
     */
    public int[] breaks(String word) {
        if (word.length() < leftMin + rightMin) {
            return new int[0];
        }
        return cache.computeIfAbsent(word, this::compute);
    }

    private int[] compute(String word) {
        String w = "." + word.toLowerCase(Locale.ROOT) + ".";
        int[] points = new int[w.length() + 1];
        for (int i = 0; i < w.length(); i++) {
            Node n = root;
            for (int j = i; j < w.length(); j++) {
                n = n.next.get(w.charAt(j));
                if (n == null) {
                    break;
                }
                if (n.values != null) {
                    for (int k = 0; k < n.values.length; k++) {
                        points[i + k] = Math.max(points[i + k], n.values[k]);
                    }
                }
            }
        }
        // points[p] is the value between w[p-1] and w[p]; letter offset i of the word is w offset i + 1.
        int[] out = new int[word.length()];
        int count = 0;
        for (int i = leftMin; i <= word.length() - rightMin; i++) {
            if (points[i + 1] % 2 == 1) {
                out[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** {@code word} with soft hyphens (U+00AD) at its break points; each distinct word is worked out once. */
    public String hyphenate(String word) {
        String known = hyphenated.get(word);
        if (known == null) {
            known = withSoftHyphens(word);
            hyphenated.putIfAbsent(word, known);
        }
        return known;
    }

    private String withSoftHyphens(String word) {
        int[] b = breaks(word);
        if (b.length == 0) {
            return word;
        }
        StringBuilder sb = new StringBuilder(word.length() + b.length);
        int from = 0;
        for (int p : b) {
            sb.append(word, from, p).append('\u00AD');
            from = p;
        }
        return sb.append(word, from, word.length()).toString();
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        int[] values;
    }
}
