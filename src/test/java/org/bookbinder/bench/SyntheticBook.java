package org.bookbinder.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic book of N chapters, deterministic from a seed, shaped like the benchmark's target:
 * per chapter about 3,000 words of prose under {@code #}/{@code ##} headings, 10 notes (labelled and inline),
 * 3 citations (the book has every syntax form, in turn) into a 40-source CSL-JSON bibliography, glossary terms from a 120-entry
 * glossary used in the text, block quotations and emphasis.
 *
 * <p>Run: {@code java -cp … org.bookbinder.bench.SyntheticBook OUT_DIR CHAPTERS [SEED]}.
 */
public final class SyntheticBook {
    static final int SOURCES = 40;
    static final int TERMS = 120;
    static final int WORDS_PER_CHAPTER = 3000;
    static final int NOTES_PER_CHAPTER = 10;
    static final int CITATIONS_PER_CHAPTER = 3;
    /** Bracketed with a bare page, prefix and page range, in-text, two cites with a chapter, author suppressed,
     * in-text with a locator, a braced key with a locator as written, plain. */
    static final int CITATION_FORMS = 8;

    private static final String[] WORDS = (
            "the of and to in a that was for on as with by at from his it an were are which this be or had not but "
            + "its they their have one all there been has would when who more into after over other them some these "
            + "river camp winter army region prisoners labour report archive records officers soldiers railway station "
            + "village border treaty ministry command historians figures estimate numbers returned released transported "
            + "supply shortage harvest frontier province committee delegation commission survey evidence testimony "
            + "letters memoir journey column barracks hospital rations fuel timber mines canal construction factory "
            + "district authorities population families deported settled resettled negotiated recorded counted "
            + "disputed confirmed uncertain later earlier during between against without within across beyond under").split(" ");
    private static final String[] SYLLABLES = "val dor mar ten kos lin bar ost ska rev tol gan mir pel dun hal sor ved kra nim".split(" ");

    private SyntheticBook() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int chapters = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        write(out, chapters, seed);
    }

    /** Writes the book into {@code dir} (book.yaml, chapters/, glossary, bibliography). */
    public static void write(Path dir, int chapterCount, long seed) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(dir.resolve("chapters"));
        List<String> keys = new ArrayList<>();
        List<String> families = new ArrayList<>();
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < SOURCES; i++) {
            String family = capitalise(word(random, 2 + random.nextInt(2)));
            String key = family.toLowerCase(Locale.ROOT) + (1950 + i);
            keys.add(key);
            families.add(family);
            json.append(i == 0 ? "" : ",\n").append("  {\"id\": \"").append(key).append("\", \"type\": \"book\", \"author\": [{\"family\": \"")
                    .append(family).append("\", \"given\": \"").append(capitalise(word(random, 2))).append("\"}], \"title\": \"")
                    .append(capitalise(word(random, 3))).append(" and the ").append(capitalise(word(random, 2)))
                    .append("\", \"publisher\": \"").append(capitalise(word(random, 2))).append(" Press\", \"publisher-place\": \"")
                    .append(capitalise(word(random, 2))).append("\", \"issued\": {\"date-parts\": [[").append(1950 + i).append("]]}}");
        }
        json.append("\n]\n");
        Files.writeString(dir.resolve("chapters/references.json"), json, StandardCharsets.UTF_8);

        List<String> terms = new ArrayList<>();
        StringBuilder glossary = new StringBuilder();
        for (int i = 0; i < TERMS; i++) {
            String term = i % 3 == 0 ? word(random, 3) + " " + word(random, 2)   // lower case: matched case-insensitively
                    : capitalise(word(random, 3)) + (i % 3 == 1 ? "" : " " + capitalise(word(random, 2)));
            if (terms.contains(term)) {
                term = term + " " + word(random, 2);
            }
            terms.add(term);
            glossary.append("- term: \"").append(term).append("\"\n  definition: A synthetic glossary entry, number ")
                    .append(i + 1).append(", defined in *one* sentence for the benchmark.\n");
        }
        Files.writeString(dir.resolve("chapters/glossary.yaml"), glossary, StandardCharsets.UTF_8);

        for (int c = 1; c <= chapterCount; c++) {
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "chapters/%04d-chapter.md", c)),
                    chapter(random, c, keys, families, terms), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("book.yaml"), String.join("\n",
                "id: synthetic-" + chapterCount,
                "title: A Synthetic Book of " + chapterCount + " Chapters",
                "creators:",
                "  - { name: \"Bench Mark\", role: aut }",
                "language: en-US",
                "date: 2026-01-01",
                "publisher: Bookbinder Benchmarks",
                "glossary: chapters/glossary.yaml",
                "bibliography: chapters/references.json",
                "citation-style: chicago-notes",
                ""), StandardCharsets.UTF_8);
    }

    private static String chapter(Random random, int number, List<String> keys, List<String> families, List<String> terms) {
        StringBuilder md = new StringBuilder();
        md.append("# Chapter ").append(number).append(": ").append(capitalise(word(random, 3))).append(" ").append(capitalise(word(random, 2))).append("\n\n");
        int words = 0;
        int notes = 0;
        int citations = 0;
        int section = 0;
        List<String> definitions = new ArrayList<>();
        int paragraphs = 0;
        while (words < WORDS_PER_CHAPTER) {
            if (paragraphs % 8 == 4) {
                md.append("## ").append(capitalise(word(random, 3))).append(" ").append(++section).append("\n\n");
            }
            StringBuilder p = new StringBuilder();
            int sentences = 4 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                int length = 10 + random.nextInt(14);
                for (int w = 0; w < length; w++) {
                    String word = random.nextInt(40) == 0 ? terms.get(random.nextInt(terms.size()))
                            : WORDS[random.nextInt(WORDS.length)];
                    if (random.nextInt(60) == 0) {
                        word = "*" + word + "*";
                    }
                    p.append(w == 0 ? capitalise(word) : word).append(w + 1 < length ? " " : "");
                    words++;
                }
                p.append('.');
                int expectedNotes = (int) ((long) NOTES_PER_CHAPTER * words / WORDS_PER_CHAPTER);
                if (notes < expectedNotes && notes < NOTES_PER_CHAPTER) {
                    notes++;
                    if (notes % 2 == 0) {
                        p.append("^[An inline note with ").append(WORDS[random.nextInt(WORDS.length)]).append(" in it.]");
                    } else {
                        p.append("[^n").append(notes).append("]");
                        definitions.add("[^n" + notes + "]: A labelled note on " + WORDS[random.nextInt(WORDS.length)] + " and "
                                + WORDS[random.nextInt(WORDS.length)] + ", number " + notes + ".");
                    }
                }
                int expectedCitations = (int) ((long) CITATIONS_PER_CHAPTER * words / WORDS_PER_CHAPTER);
                if (citations < expectedCitations && citations < CITATIONS_PER_CHAPTER) {
                    int k = random.nextInt(keys.size());
                    String key = keys.get(k);
                    // The forms take turns through the book, so that every chapter has three and the book has all.
                    p.append(switch (((number - 1) * CITATIONS_PER_CHAPTER + citations++) % CITATION_FORMS) {
                        case 0 -> " [@" + key + ", " + (1 + random.nextInt(400)) + "]";
                        case 1 -> " [see @" + key + ", pp. " + (10 + random.nextInt(90)) + "-" + (100 + random.nextInt(50)) + "]";
                        case 2 -> " As @" + key + " shows, the figures differ.";
                        case 3 -> " [@" + key + "; @" + keys.get((k + 1) % keys.size()) + ", chap. " + (1 + random.nextInt(12)) + "]";
                        case 4 -> " " + families.get(k) + " says so [-@" + key + "].";
                        case 5 -> " As @" + key + " [p. " + (1 + random.nextInt(400)) + "] records, the count was lower.";
                        case 6 -> " [@{" + key + "}, {iv, vi-xi}]";
                        default -> " [@" + key + "]";
                    });
                }
                p.append(s + 1 < sentences ? " " : "");
            }
            md.append(paragraphs % 11 == 6 ? "> " : "").append(p).append("\n\n");
            paragraphs++;
        }
        for (String d : definitions) {
            md.append(d).append("\n\n");
        }
        return md.toString();
    }

    private static String word(Random random, int syllables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return sb.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
