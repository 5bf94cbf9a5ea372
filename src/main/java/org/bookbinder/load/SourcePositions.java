package org.bookbinder.load;

import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

import java.util.List;

/** Where a parsed Markdown node was written: 1-based line and column from its first source span, 0 when unknown. */
public final class SourcePositions {
    private SourcePositions() {
    }

    public static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    public static int column(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getColumnIndex() + 1;
    }
}
