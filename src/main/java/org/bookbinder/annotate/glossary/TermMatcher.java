package org.bookbinder.annotate.glossary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds every glossary form in a text in one pass: a trie of all the forms (case-folded), walked from each place
 * where a word starts. At each place the longest form that matches is taken and the search goes on after it, so
 * matches never overlap, the leftmost wins, and no term is found inside a longer one ("Tatars" is not found in
 * "Crimean Tatars"). A match must be whole words: no letter or digit may touch it on either side. Immutable and
 * thread-safe.
 *
 * <p>The trie is a table: a row for each node, a column for each folded character that some form has (its
 * symbol), so a step of the walk is two array reads, the character's symbol and the row's cell. This runs at every
 * word of the book, under the C1 compiler, which would make a call of each step of a trie of objects. The table is
 * nodes × symbols: 1,288 × 20 cells for the 1,000-chapter benchmark's 120 terms.
 */
final class TermMatcher {
    /** {@link TermText#isWordChar} of each ASCII character, looked up: it is asked of nearly every character. */
    private static final boolean[] ASCII_WORD = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_WORD[c] = TermText.isWordChar(c);
        }
    }

    /** One form of an entry, in the normal form of {@link TermText}. */
    private record Form(int entry, String text, boolean anyCase) {
    }

    /** Receives matches, left to right: {@code [start, end)} in the text, and the entry's index. */
    interface Sink {
        void match(int start, int end, int entry);
    }

    /** The symbol (column) of each ASCII character's folded form; 0 for a character no form has. */
    private final int[] asciiSymbols = new int[0x80];
    /** The folded characters beyond ASCII that the forms have, sorted, and their symbols. */
    private final char[] otherChars;
    private final int[] otherSymbols;
    /** Columns of the table: the symbols, and column 0 for a character no form has. */
    private final int width;
    /**
     * The trie: the cell {@code row * width + symbol} is the row of the node the symbol leads to, 0 for none (row 0,
     * the root, is no node's child).
     */
    private final int[] next;
    /** The forms that end at each row's node; null where none does. */
    private final Form[][] forms;

    /** A matcher for the forms (term and aliases) of {@code entries}; an entry's index is its place in the list. */
    TermMatcher(List<GlossaryEntry> entries) {
        Builder top = new Builder();
        TreeMap<Character, Integer> symbols = new TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            for (String form : entries.get(i).forms()) {
                String normal = TermText.normalise(form);
                if (normal.isEmpty()) {
                    continue;
                }
                Builder node = top;
                String folded = TermText.fold(normal);
                for (int k = 0; k < folded.length(); k++) {
                    node = node.children.computeIfAbsent(folded.charAt(k), c -> new Builder());
                    symbols.putIfAbsent(folded.charAt(k), 0);
                }
                node.forms.add(new Form(i, normal, TermText.anyCase(normal)));
            }
        }
        int symbol = 0;
        List<Character> others = new ArrayList<>();
        for (Map.Entry<Character, Integer> s : symbols.entrySet()) {
            s.setValue(++symbol);
            if (s.getKey() >= 0x80) {
                others.add(s.getKey());
            }
        }
        for (char c = 0; c < 0x80; c++) {
            asciiSymbols[c] = symbols.getOrDefault(TermText.lower(c), 0);
        }
        otherChars = new char[others.size()];
        otherSymbols = new int[others.size()];
        for (int k = 0; k < others.size(); k++) {
            otherChars[k] = others.get(k);
            otherSymbols[k] = symbols.get(others.get(k));
        }
        width = symbol + 1;
        List<Builder> rows = new ArrayList<>();
        top.number(rows);
        next = new int[rows.size() * width];
        forms = new Form[rows.size()][];
        for (int row = 0; row < rows.size(); row++) {
            Builder node = rows.get(row);
            for (Map.Entry<Character, Builder> child : node.children.entrySet()) {
                next[row * width + symbols.get(child.getKey())] = child.getValue().row;
            }
            forms[row] = node.forms.isEmpty() ? null : node.forms.toArray(new Form[0]);
        }
    }

    /** Reports the matches in the first {@code n} characters of {@code text} (in the normal form), left to right. */
    void find(char[] text, int n, Sink sink) {
        int[] next = this.next;                 // locals: C1 keeps no field in a register
        int width = this.width;
        Form[][] forms = this.forms;
        int i = 0;
        while (i < n) {
            // i is where a match may start: not inside a word
            int end = -1;
            int entry = -1;
            int row = 0;
            for (int j = i; j < n && (row = next[row * width + symbol(text[j])]) != 0; j++) {
                Form[] here = forms[row];
                if (here != null && (j + 1 == n || !isWordChar(text[j + 1]) || !isWordChar(text[j]))) {
                    for (Form f : here) {
                        if (f.anyCase() || regionEquals(text, i, f.text())) {
                            end = j + 1;
                            entry = f.entry();
                            break;
                        }
                    }
                }
            }
            if (end > 0) {
                sink.match(i, end, entry);
                i = end;                        // a match ends where a word does: the next may start there
            } else if (isWordChar(text[i])) {
                do {
                    i++;
                } while (i < n && isWordChar(text[i]));
            } else {
                i++;
            }
        }
    }

    /** The symbol of a text character, case-folded as {@link TermText#lower}; 0 when no form has it. */
    private int symbol(char c) {
        return c < 0x80 ? asciiSymbols[c] : otherSymbol(TermText.lower(c));
    }

    private int otherSymbol(char folded) {
        if (folded < 0x80) {
            return asciiSymbols[folded];        // 'İ' folds to 'i', the Kelvin sign to 'k'
        }
        int k = Arrays.binarySearch(otherChars, folded);
        return k < 0 ? 0 : otherSymbols[k];
    }

    private static boolean isWordChar(char c) {
        return c < 0x80 ? ASCII_WORD[c] : TermText.isWordChar(c);
    }

    private static boolean regionEquals(char[] text, int start, String form) {
        for (int k = 0; k < form.length(); k++) {
            if (text[start + k] != form.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A node of the trie as it is built: children by folded character, and the forms that end here. */
    private static final class Builder {
        private final Map<Character, Builder> children = new TreeMap<>();
        private final List<Form> forms = new ArrayList<>();
        private int row;

        /** Gives this node and those under it their rows, this one first (the root's is 0). */
        void number(List<Builder> rows) {
            row = rows.size();
            rows.add(this);
            for (Builder child : children.values()) {
                child.number(rows);
            }
        }
    }
}
