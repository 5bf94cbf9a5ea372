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
 */
final class TermMatcher {
    /** One form of an entry, in the normal form of {@link TermText}. */
    private record Form(int entry, String text, boolean anyCase) {
    }

    /** A trie node: children by folded character (sorted, for binary search), and the forms that end here. */
    private static final class TrieNode {
        private final char[] keys;
        private final TrieNode[] children;
        private final Form[] forms;
        /** Children by ASCII character, for the root, which is asked at every word of the text. */
        private final TrieNode[] ascii;

        private TrieNode(char[] keys, TrieNode[] children, Form[] forms, boolean root) {
            this.keys = keys;
            this.children = children;
            this.forms = forms;
            this.ascii = root ? new TrieNode[0x80] : null;
            if (root) {
                for (int i = 0; i < keys.length && keys[i] < 0x80; i++) {
                    ascii[keys[i]] = children[i];
                }
            }
        }

        TrieNode child(char c) {
            if (ascii != null && c < 0x80) {
                return ascii[c];
            }
            if (keys.length <= 4) {
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i] == c) {
                        return children[i];
                    }
                }
                return null;
            }
            int i = Arrays.binarySearch(keys, c);
            return i < 0 ? null : children[i];
        }
    }

    /** Receives matches, left to right: {@code [start, end)} in the text, and the entry's index. */
    interface Sink {
        void match(int start, int end, int entry);
    }

    private final TrieNode root;

    /** A matcher for the forms (term and aliases) of {@code entries}; an entry's index is its place in the list. */
    TermMatcher(List<GlossaryEntry> entries) {
        Builder top = new Builder();
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
                }
                node.forms.add(new Form(i, normal, TermText.anyCase(normal)));
            }
        }
        root = top.build(true);
    }

    /** Reports the matches in the first {@code n} characters of {@code text} (in the normal form), left to right. */
    void find(char[] text, int n, Sink sink) {
        boolean previousIsWord = false;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            boolean isWord = TermText.isWordChar(c);
            boolean inWord = previousIsWord && isWord;
            previousIsWord = isWord;
            if (inWord) {
                continue;
            }
            int end = -1;
            int entry = -1;
            TrieNode node = root;
            for (int j = i; j < n && (node = node.child(TermText.lower(text[j]))) != null; j++) {
                if (node.forms.length > 0 && (j + 1 == n || !TermText.isWordChar(text[j + 1]) || !TermText.isWordChar(text[j]))) {
                    for (Form f : node.forms) {
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
                i = end - 1;
                previousIsWord = TermText.isWordChar(text[i]);
            }
        }
    }

    private static boolean regionEquals(char[] text, int start, String form) {
        for (int k = 0; k < form.length(); k++) {
            if (text[start + k] != form.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static final class Builder {
        private final Map<Character, Builder> children = new TreeMap<>();
        private final List<Form> forms = new ArrayList<>();

        TrieNode build(boolean root) {
            char[] keys = new char[children.size()];
            TrieNode[] nodes = new TrieNode[children.size()];
            int k = 0;
            for (Map.Entry<Character, Builder> e : children.entrySet()) {
                keys[k] = e.getKey();
                nodes[k++] = e.getValue().build(false);
            }
            return new TrieNode(keys, nodes, forms.toArray(new Form[0]), root);
        }
    }
}
