package org.bookbinder.load;

import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Markdown written in a YAML value (a glossary definition, book.yaml's colophon), parsed with the chapter parser, its
 * nodes' source spans moved to the YAML file's lines and columns, so that what is reported about the Markdown (a link,
 * raw HTML) is reported where it is written. A value on the line of its key, and a literal block ({@code |}), map line
 * for line, once each line of the Markdown is found as it is in the file; the lines of any other value (folded by
 * YAML: {@code >}, plain or quoted text over several lines, escapes) are not the file's, and every node is placed at
 * the value's start.
 */
public final class YamlMarkdown {
    private YamlMarkdown() {
    }

    /**
     * Parses {@code markdown}, the value (stripped) that starts at {@code line} and {@code column} (1-based, where
     * YAML puts the value: its first character, a quote or a block indicator) of the YAML file {@code yamlText}.
     */
    public static Document parse(String markdown, String yamlText, int line, int column) {
        return parse(markdown, lines(yamlText), line, column);
    }

    /** The lines of a YAML file, for {@link #parse(String, String[], int, int)}. */
    public static String[] lines(String yamlText) {
        return yamlText.split("\r?\n", -1);
    }

    /**
     * {@link #parse(String, String, int, int)} given the file's {@link #lines}: a file of many values (the glossary)
     * is split into lines once, not once a value.
     */
    public static Document parse(String markdown, String[] yamlLines, int line, int column) {
        Document document = MarkdownParser.parse(markdown);
        int[][] starts = starts(markdown.split("\n", -1), yamlLines, line - 1, column - 1);
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(document);
        while (!todo.isEmpty()) {           // no recursion: a definition may nest deep
            Node node = todo.pop();
            List<SourceSpan> moved = new ArrayList<>(node.getSourceSpans().size());
            for (SourceSpan s : node.getSourceSpans()) {
                moved.add(starts == null || s.getLineIndex() >= starts.length
                        ? SourceSpan.of(line - 1, column - 1, s.getInputIndex(), s.getLength())
                        : SourceSpan.of(starts[s.getLineIndex()][0], starts[s.getLineIndex()][1] + s.getColumnIndex(),
                                s.getInputIndex(), s.getLength()));
            }
            node.setSourceSpans(moved);
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                todo.push(child);
            }
        }
        return document;
    }

    /**
     * Where each line of the Markdown starts in the file (0-based line and column), or null when its lines are not
     * the file's as they are.
     */
    private static int[][] starts(String[] md, String[] yaml, int line, int column) {
        if (line < 0 || line >= yaml.length || column < 0 || column > yaml[line].length()) {
            return null;
        }
        String rest = yaml[line].substring(column);
        if (md.length == 1) {
            for (int quote = 0; quote <= 1; quote++) {      // plain, or after the opening quote
                if (rest.length() >= quote && rest.substring(quote).startsWith(md[0])
                        && (quote == 0 || rest.charAt(0) == '"' || rest.charAt(0) == '\'')) {
                    return new int[][] {{line, column + quote}};
                }
            }
        }
        if (!rest.startsWith("|")) {
            return null;
        }
        int first = line + 1;
        while (first < yaml.length && yaml[first].isBlank()) {
            first++;                                        // blank lines before the text, which the value's strip() dropped
        }
        if (first + md.length > yaml.length) {
            return null;
        }
        int indent = yaml[first].length() - yaml[first].stripLeading().length();
        int[][] starts = new int[md.length][];
        for (int i = 0; i < md.length; i++) {
            String y = yaml[first + i];
            boolean same = md[i].isBlank() ? y.isBlank()
                    : y.length() >= indent && y.substring(indent).stripTrailing().equals(md[i].stripTrailing());
            if (!same) {
                return null;
            }
            starts[i] = new int[] {first + i, indent};
        }
        return starts;
    }
}
