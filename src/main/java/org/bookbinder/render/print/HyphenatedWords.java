package org.bookbinder.render.print;

import java.util.Arrays;

/**
 * The hyphenated forms of the words one thread has seen, looked up by the word's characters where they stand in the
 * text: every word of the book is looked up, and cutting each out as a string to ask {@link Hyphenator#hyphenate}
 * (hashing it, comparing it in a concurrent map) cost more than the lookup. The caller hashes the word as it reads it
 * ({@link #hash}), and gets the form as characters, to copy into its text. Open addressing, for one {@link Hyphenator}
 * at a time; not thread-safe (one per thread).
 */
final class HyphenatedWords {
    private static final ThreadLocal<HyphenatedWords> PER_THREAD = new ThreadLocal<>();

    private final Hyphenator hyphenator;
    private char[][] words = new char[1 << 12][];
    /** The hyphenated form of each word, or null when it takes no soft hyphen. */
    private char[][] forms = new char[1 << 12][];
    private int count;

    private HyphenatedWords(Hyphenator hyphenator) {
        this.hyphenator = hyphenator;
    }

    /** This thread's words for {@code hyphenator} (a new set when the thread last worked for another). */
    static HyphenatedWords of(Hyphenator hyphenator) {
        HyphenatedWords words = PER_THREAD.get();
        if (words == null || words.hyphenator != hyphenator) {
            words = new HyphenatedWords(hyphenator);
            PER_THREAD.set(words);
        }
        return words;
    }

    /**
     * {@link Hyphenator#hyphenate} of the word {@code text[from, to)}, or null when it takes no soft hyphen;
     * {@code hash} is the word's {@link #hash}.
     */
    char[] hyphenate(char[] text, int from, int to, int hash) {
        int mask = words.length - 1;
        int i = spread(hash) & mask;
        for (char[] w = words[i]; w != null; w = words[i]) {
            if (Arrays.equals(w, 0, w.length, text, from, to)) {
                return forms[i];
            }
            i = (i + 1) & mask;
        }
        String hyphenated = hyphenator.hyphenate(new String(text, from, to - from));
        char[] form = hyphenated.length() == to - from ? null : hyphenated.toCharArray();
        words[i] = Arrays.copyOfRange(text, from, to);
        forms[i] = form;
        if (++count * 2 > words.length) {
            grow();
        }
        return form;
    }

    private void grow() {
        char[][] oldWords = words;
        char[][] oldForms = forms;
        words = new char[oldWords.length * 2][];
        forms = new char[oldWords.length * 2][];
        int mask = words.length - 1;
        for (int k = 0; k < oldWords.length; k++) {
            char[] w = oldWords[k];
            if (w != null) {
                int h = 0;
                for (char c : w) {
                    h = hash(h, c);
                }
                int i = spread(h) & mask;
                while (words[i] != null) {
                    i = (i + 1) & mask;
                }
                words[i] = w;
                forms[i] = oldForms[k];
            }
        }
    }

    /** A word's hash, a character at a time: 0 before its first, then {@code hash(hash, c)} for each. */
    static int hash(int hash, char c) {
        return 31 * hash + c;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
