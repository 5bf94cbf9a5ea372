package org.bookbinder.annotate.glossary;

import java.util.ArrayDeque;
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
 * <p>The trie is a double array (Aoe's): each folded character that some form has is a number, its symbol; the node
 * that symbol {@code c} leads to from node {@code s} is at {@code base[s] + c}, if {@code check} there says its
 * parent is {@code s}. A step of the walk is three array reads. This runs at every word of the book, under the C1
 * compiler, which would make a call of each step of a trie of objects; the arrays are about as long as the trie has
 * nodes (a table of nodes × symbols would be megabytes for a glossary in Chinese).
 */
final class TermMatcher {
    /** {@link TermText#isWordChar} of each ASCII character, looked up: it is asked of nearly every character. */
    private static final boolean[] ASCII_WORD = new boolean[0x80];
    /** {@link #check} of a free place, and of the root's (which is no node's child). */
    private static final int FREE = -1;
    private static final int ROOT = -2;

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

    /** The symbol of each ASCII character's folded form; 0 (which leads nowhere) for a character no form has. */
    private final int[] asciiSymbols = new int[0x80];
    /** The folded characters beyond ASCII that the forms have, sorted, and their symbols. */
    private final char[] otherChars;
    private final int[] otherSymbols;
    /** The trie's nodes by place, the root at 0: where their children's places start, and each place's parent. */
    private final int[] base;
    private final int[] check;
    /** The forms that end at each place's node; null where none does. */
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
        DoubleArray trie = new DoubleArray(symbols.size() + 1);
        trie.place(top, symbols);
        base = trie.base;
        check = trie.check;
        forms = trie.forms;
    }

    /** Reports the matches in the first {@code n} characters of {@code text} (in the normal form), left to right. */
    void find(char[] text, int n, Sink sink) {
        int[] base = this.base;                 // locals: C1 keeps no field in a register
        int[] check = this.check;
        Form[][] forms = this.forms;
        int i = 0;
        while (i < n) {
            // i is where a match may start: not inside a word
            int end = -1;
            int entry = -1;
            int node = 0;
            for (int j = i; j < n; j++) {
                int next = base[node] + symbol(text[j]);
                if (check[next] != node) {
                    break;
                }
                node = next;
                Form[] here = forms[node];
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

    /** A node of the trie as it is built: children by folded character, the forms that end here, and its place. */
    private static final class Builder {
        private final Map<Character, Builder> children = new TreeMap<>();
        private final List<Form> forms = new ArrayList<>();
        private int place;
    }

    /** The double array as it is filled. */
    private static final class DoubleArray {
        /** Symbols and the 0 of a character no form has: how far beyond a base a step may read. */
        private final int width;
        private int[] base;
        private int[] check;
        private Form[][] forms;

        DoubleArray(int width) {
            this.width = width;
            base = new int[2 * width];
            check = new int[2 * width];
            forms = new Form[2 * width][];
            Arrays.fill(check, FREE);
            check[0] = ROOT;
        }

        /**
         * Gives each node of the trie its place, breadth first: a node's children go at the first base where all their
         * places are free. The arrays reach {@link #width} beyond every base, so that no step reads past them.
         */
        void place(Builder top, Map<Character, Integer> symbols) {
            ArrayDeque<Builder> queue = new ArrayDeque<>();
            top.place = 0;
            queue.add(top);
            int firstFree = 1;
            while (!queue.isEmpty()) {
                Builder node = queue.remove();
                forms[node.place] = node.forms.isEmpty() ? null : node.forms.toArray(new Form[0]);
                if (node.children.isEmpty()) {
                    continue;                   // base 0: its steps lead to places whose parent is another node
                }
                int[] childSymbols = node.children.keySet().stream().mapToInt(symbols::get).toArray();
                while (firstFree < check.length && check[firstFree] != FREE) {
                    firstFree++;
                }
                int b = Math.max(0, firstFree - childSymbols[0]);
                while (!fits(b, childSymbols)) {
                    b++;
                }
                grow(b + width);
                base[node.place] = b;
                int k = 0;
                for (Builder child : node.children.values()) {
                    child.place = b + childSymbols[k++];
                    check[child.place] = node.place;
                    queue.add(child);
                }
            }
        }

        private boolean fits(int b, int[] childSymbols) {
            for (int c : childSymbols) {
                if (b + c < check.length && check[b + c] != FREE) {
                    return false;
                }
            }
            return true;
        }

        private void grow(int last) {
            if (last >= check.length) {
                int length = Math.max(last + 1, check.length * 2);
                int old = check.length;
                base = Arrays.copyOf(base, length);
                check = Arrays.copyOf(check, length);
                forms = Arrays.copyOf(forms, length);
                Arrays.fill(check, old, length, FREE);
            }
        }
    }
}
