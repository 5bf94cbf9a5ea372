package org.bookbinder.annotate.citations;

import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a formatted citation: a {@code <span class="citation" data-cites="…">} holding what the annotate stage
 * decided, each cited work a link to its bibliography entry,
 * {@code <a href="bibliography.xhtml#ref-nimmo1988" role="doc-biblioref">…</a>}, its prefix before and suffix
 * after. The print edition turns the links into links within its one page.
 */
public final class CitationHtmlRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    public CitationHtmlRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Citation.class, Cite.class, CiteAffix.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof Citation citation && !citation.formatted()) {
            // Markdown outside the chapters (a colophon, a glossary definition) is not cited from: as written.
            html.text(citation.inText() ? "" : "[");
            for (Node n : children(citation)) {
                Cite cite = (Cite) n;
                if (cite.prefix() != null) {
                    renderChildren(cite.prefix());
                    html.text(" ");
                }
                html.text((cite.suppressAuthor() ? "-" : "") + cite.source());
                if (cite.suffix() != null) {
                    renderChildren(cite.suffix());
                }
                html.text(n.getNext() != null ? "; " : "");
            }
            html.text(citation.inText() ? "" : "]");
        } else if (node instanceof Citation citation) {
            String keys = children(citation).stream().filter(n -> n instanceof Cite).map(n -> ((Cite) n).key())
                    .collect(Collectors.joining(" "));
            html.tag("span", attributes("class", "citation", "data-cites", keys));
            html.text(citation.open());
            renderChildren(citation);
            html.text(citation.close());
            html.tag("/span");
        } else if (node instanceof Cite cite) {
            CiteAffix prefix = cite.prefix();
            if (prefix != null) {
                renderChildren(prefix);
                html.text(" ");
            }
            if (cite.href() != null) {
                html.tag("a", attributes("href", cite.href(), "role", "doc-biblioref"));
                html.raw(cite.xhtml());
                html.tag("/a");
            } else {
                html.raw(cite.xhtml());
            }
            html.raw(cite.tail());
            CiteAffix suffix = cite.suffix();
            if (suffix != null) {
                renderChildren(suffix);
            }
            html.text(cite.delimiter());
        }
    }

    private void renderChildren(Node parent) {
        for (Node child : children(parent)) {
            context.render(child);
        }
    }

    private static java.util.List<Node> children(Node parent) {
        java.util.List<Node> out = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            out.add(n);
        }
        return out;
    }

    private static Map<String, String> attributes(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
