package org.bookbinder.render;

import org.bookbinder.load.HeadingAttributes;
import org.bookbinder.load.Span;
import org.bookbinder.annotate.glossary.GlossaryLinkRenderer;
import org.bookbinder.annotate.citations.CitationHtmlRenderer;
import org.bookbinder.annotate.notes.NoteHtmlRenderer;
import org.bookbinder.annotate.sanitise.HtmlSanitiser;
import org.bookbinder.annotate.sanitise.RawHtmlSpans;
import org.bookbinder.diagnostics.Diagnostics;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * commonmark's HTML renderer, set up for chapters: our nodes ({@link Span}, {@link HeadingAttributes}) get their
 * renderers, headings get their ids and classes. Thread-safe; the output is HTML, made XHTML by {@link Markup}.
 */
public final class ChapterHtml {
    private static final HtmlRenderer RENDERER = builder().build();

    private static HtmlRenderer.Builder builder() {
        return HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .nodeRendererFactory(SpanRenderer::new)
            .nodeRendererFactory(NoteHtmlRenderer::new)
            .nodeRendererFactory(GlossaryLinkRenderer::new)
            .nodeRendererFactory(CitationHtmlRenderer::new)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Heading && node.getFirstChild() instanceof HeadingAttributes a) {
                    attributes.putAll(a.attributes().toHtml());
                }
            });
    }

    private ChapterHtml() {
    }

    /** A parsed (and annotated) Markdown tree as HTML: a chapter, or a fragment such as a glossary definition. */
    public static String render(Node document) {
        return RENDERER.render(document);
    }

    /** {@link #render(Node)}, noting in {@code spans} where each raw HTML node's text lands in the output. */
    public static String render(Node document, RawHtmlSpans spans) {
        StringBuilder out = new StringBuilder(1 << 14);
        builder().nodeRendererFactory(spans.renderer(out)).build().render(document, out);
        return out.toString();
    }

    /** A document's HTML, and the body jsoup parsed from it. */
    public record Body(String html, Element element) {
    }

    /**
     * {@code document} rendered and parsed into a body, its raw HTML (if it has any) sanitised, each change reported at
     * the line of {@code file} where it is written: a chapter, or a part of a page ({@code pageIds}, see
     * {@link HtmlSanitiser#sanitise(Element, RawHtmlSpans, String, Set, Diagnostics)}).
     */
    public static Body body(Node document, String file, Set<String> pageIds, Diagnostics diagnostics) {
        // The rendering notes where raw HTML went, so that finding whether there is any costs no walk of its own.
        RawHtmlSpans spans = new RawHtmlSpans();
        String html = render(document, spans);
        if (spans.none()) {
            return new Body(html, Markup.parseFragment(html));
        }
        Element body = Markup.parseFragmentTracked(html);
        HtmlSanitiser.sanitise(body, spans, file, pageIds, diagnostics);
        return new Body(html, body);
    }

    /** Writes a span with its attributes around its children; writes nothing for heading attributes. */
    private static final class SpanRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        SpanRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Span.class, HeadingAttributes.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Span span) {
                Map<String, String> attributes = context.extendAttributes(node, "span", span.attributes().toHtml());
                html.tag("span", attributes);
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
                html.tag("/span");
            }
        }
    }
}
