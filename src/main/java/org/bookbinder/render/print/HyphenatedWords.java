package org.bookbinder.render.print;

import java.util.Arrays;

/**
 * The hyphenated forms of the words one thread has seen, looked up by the word's characters where they stand in the
 * text: every word of the book is looked up, and cutting each out as a string to ask {@link Hyphenator#hyphenate}
 * (hashing it, comparing it in a concurrent map) cost more than the lookup. Open addressing, for one
 * {@link Hyphenator} at a time; not thread-safe (one per thread).
 */
final class HyphenatedWords {
    private static final ThreadLocal<HyphenatedWords> PER_THREAD = new ThreadLocal<>();

    private final Hyphenator hyphenator;
    private char[][] words = new char[1 << 12][];
    private String[] forms = new String[1 << 12];
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

    /** {@link Hyphenator#hyphenate} of the word {@code text[from, to)}. */
    String hyphenate(char[] text, int from, int to) {
        int mask = words.length - 1;
        int i = hash(text, from, to) & mask;
        for (char[] w = words[i]; w != null; w = words[i]) {
            if (Arrays.equals(w, 0, w.length, text, from, to)) {
                return forms[i];
            }
            i = (i + 1) & mask;
        }
        String form = hyphenator.hyphenate(new String(text, from, to - from));
        words[i] = Arrays.copyOfRange(text, from, to);
        forms[i] = form;
        if (++count * 2 > words.length) {
            grow();
        }
        return form;
    }

    private void grow() {
        char[][] oldWords = words;
        String[] oldForms = forms;
        words = new char[oldWords.length * 2][];
        forms = new String[oldWords.length * 2];
        int mask = words.length - 1;
        for (int k = 0; k < oldWords.length; k++) {
            char[] w = oldWords[k];
            if (w != null) {
                int i = hash(w, 0, w.length) & mask;
                while (words[i] != null) {
                    i = (i + 1) & mask;
                }
                words[i] = w;
                forms[i] = oldForms[k];
            }
        }
    }

    private static int hash(char[] text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text[i];
        }
        return h ^ (h >>> 16);
    }
}
