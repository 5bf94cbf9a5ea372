package org.bookbinder.annotate.sanitise;

import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlNodeRendererFactory;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a chapter's raw HTML went: while commonmark writes the chapter's HTML, {@link #renderer} notes at which offset
 * of the output each raw HTML node's text starts, so that an element jsoup parsed from that output (with positions
 * tracked) can be traced back to the line and column of the Markdown file it was written on. One per rendering.
 */
public final class RawHtmlSpans {
    private final List<Integer> starts = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();

    /** A line and column of the chapter file, 1-based. */
    public record Position(int line, int column) {
    }

    /** Whether the rendering wrote no raw HTML at all (then there is nothing to sanitise). */
    public boolean none() {
        return starts.isEmpty();
    }

    /** A renderer of raw HTML for commonmark that writes it as commonmark does, and notes where, into {@code output}. */
    public HtmlNodeRendererFactory renderer(StringBuilder output) {
        return context -> new Renderer(context, output);
    }

    /** The position in the chapter file of the character at {@code offset} of the HTML, if raw HTML wrote it. */
    public Optional<Position> at(int offset) {
        int lo = 0;
        int hi = starts.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts.get(mid) <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        Node node = nodes.get(found);
        String literal = literal(node);
        int local = offset - starts.get(found);
        if (local >= literal.length()) {
            return Optional.empty();
        }
        int line = 0;
        int lineStart = 0;
        for (int i = literal.indexOf('\n'); i >= 0 && i < local; i = literal.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        SourceSpan span = spans.get(Math.min(line, spans.size() - 1));
        return Optional.of(new Position(span.getLineIndex() + 1, span.getColumnIndex() + 1 + (local - lineStart)));
    }

    private static String literal(Node node) {
        return node instanceof HtmlBlock b ? b.getLiteral() : ((HtmlInline) node).getLiteral();
    }

    private final class Renderer implements NodeRenderer {
        private final HtmlWriter html;
        private final StringBuilder output;

        Renderer(HtmlNodeRendererContext context, StringBuilder output) {
            this.html = context.getWriter();
            this.output = output;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HtmlBlock.class, HtmlInline.class);
        }

        /** As commonmark's own renderer writes raw HTML (not escaped): a block on lines of its own, inline HTML as it is. */
        @Override
        public void render(Node node) {
            boolean block = node instanceof HtmlBlock;
            if (block) {
                html.line();
            }
            starts.add(output.length());
            nodes.add(node);
            html.raw(literal(node));
            if (block) {
                html.line();
            }
        }
    }
}
