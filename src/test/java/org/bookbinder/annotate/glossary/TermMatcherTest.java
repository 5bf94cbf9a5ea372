package org.bookbinder.annotate.glossary;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching rules of {@link TermMatcher} on text in the normal form (the glossary spec shows them through whole
 * books), and its trie on glossaries far larger than a test book's: many forms, sharing prefixes, in scripts beyond
 * ASCII.
 */
class TermMatcherTest {
    /** A match as the sink receives it. */
    record Match(int start, int end, int entry) {
    }

    @Test
    void theLongestFormWinsAndTheSearchGoesOnAfterIt() {
        TermMatcher m = matcher("Tatars", "Crimean Tatars", "Crimea");
        assertThat(find(m, "The Crimean Tatars and the Tatars of the Crimea."))
                .containsExactly(new Match(4, 18, 1), new Match(27, 33, 0), new Match(41, 47, 2));
    }

    @Test
    void wholeWordsOnly() {
        TermMatcher m = matcher("Reich", "NKVD");
        assertThat(find(m, "Reichstag, Reichs, Reich-wide, NKVD's, the NKVD2 files")).containsExactly(
                new Match(19, 24, 0), new Match(31, 35, 1));
    }

    @Test
    void aLowerCaseFormMatchesInAnyCaseACapitalisedOneOnlyAsWritten() {
        TermMatcher m = matcher("internees", "Gulag", "émigrés");
        assertThat(find(m, "Internees, INTERNEES, gulag, GULAG, Gulag, Émigrés, ÉMIGRÉS")).containsExactly(
                new Match(0, 9, 0), new Match(11, 20, 0), new Match(36, 41, 1), new Match(43, 50, 2),
                new Match(52, 59, 2));
    }

    @Test
    void charactersThatFoldToAsciiLettersMatchThem() {
        // Character.toLowerCase: the capital I with a dot is 'i', the Kelvin sign 'k'
        TermMatcher m = matcher("izmir", "kelvin");
        assertThat(find(m, "\u0130zmir and \u212Aelvin")).containsExactly(new Match(0, 5, 0), new Match(10, 16, 1));
    }

    @Test
    void aBarrierEndsEveryForm() {
        TermMatcher m = matcher("Home Islands");
        assertThat(find(m, "Home" + TermText.BARRIER + " Islands, Home Islands")).containsExactly(new Match(15, 27, 0));
    }

    @Test
    void everyFormOfALargeGlossaryIsFoundAsItselfAndNothingInsideWordsIsFound() {
        // 3,000 forms of Latin syllables and of Chinese characters: nodes with many children, prefixes shared, the
        // trie's arrays grown many times over
        Random random = new Random(7);
        String[] syllables = {"dun", "sor", "tol", "gan", "ved", "mir", "kos", "pel", "rev", "ska", "ost", "val"};
        List<String> forms = new ArrayList<>();
        while (forms.size() < 3000) {
            StringBuilder form = new StringBuilder();
            int length = 1 + random.nextInt(3);
            for (int k = 0; k < length; k++) {
                if (forms.size() % 2 == 0) {
                    form.append(syllables[random.nextInt(syllables.length)]);
                } else {
                    form.append((char) (0x4E00 + random.nextInt(3000)));
                }
            }
            if (!forms.contains(form.toString())) {
                forms.add(form.toString());
            }
        }
        TermMatcher m = matcher(forms.toArray(new String[0]));
        StringBuilder text = new StringBuilder();
        List<Match> expected = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            text.append("x").append(forms.get(i)).append(' ');          // inside a word: not a use
            expected.add(new Match(text.length(), text.length() + forms.get(i).length(), i));
            text.append(forms.get(i)).append(", ");
        }
        assertThat(find(m, text.toString())).containsExactlyElementsOf(expected);
    }

    private static TermMatcher matcher(String... forms) {
        List<GlossaryEntry> entries = new ArrayList<>();
        for (String form : forms) {
            entries.add(new GlossaryEntry("e" + entries.size(), form, List.of(), null, 1, 1));
        }
        return new TermMatcher(entries);
    }

    private static List<Match> find(TermMatcher m, String text) {
        List<Match> matches = new ArrayList<>();
        m.find(text.toCharArray(), text.length(), (start, end, entry) -> matches.add(new Match(start, end, entry)));
        return matches;
    }
}
