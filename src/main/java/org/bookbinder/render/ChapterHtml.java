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
import org.commonmark.renderer.html.CoreHtmlNodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlNodeRendererFactory;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * commonmark's HTML renderer, set up for chapters: our nodes ({@link Span}, {@link HeadingAttributes}) get their
 * renderers, headings get their ids and classes. Thread-safe; the output is HTML, made XHTML by {@link Markup}.
 */
public final class ChapterHtml {
    private static final HtmlRenderer RENDERER = builder().build();

    private static HtmlRenderer.Builder builder() {
        return configure(HtmlRenderer.builder());
    }

    /**
     * A renderer whose node renderers, {@code rawHtml}'s and commonmark's own included, all write through
     * {@code writer}: commonmark makes a writer of its own for each rendering, into the output it is given, and offers
     * no way to give it another.
     */
    private static HtmlRenderer.Builder treeBuilder(TreeWriter writer, HtmlNodeRendererFactory rawHtml) {
        HtmlRenderer.Builder builder = new HtmlRenderer.Builder() {
            @Override
            public HtmlRenderer.Builder nodeRendererFactory(HtmlNodeRendererFactory factory) {
                return super.nodeRendererFactory(context -> factory.create(new WriterContext(context, writer)));
            }
        };
        // The first renderer of a node type wins: raw HTML's before the core's, and commonmark adds its own core renderer
        // (with its own writer) after all of these.
        return configure(builder).nodeRendererFactory(rawHtml).nodeRendererFactory(CoreHtmlNodeRenderer::new);
    }

    /**
     * What commonmark writes into its own writer when every renderer writes through another: nothing, or it is a
     * renderer this class does not know of.
     */
    private static final Appendable NOWHERE = new Appendable() {
        @Override
        public Appendable append(CharSequence csq) {
            throw new IllegalStateException("a node renderer wrote past the tree writer: " + csq);
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) {
            return append(csq.subSequence(start, end));
        }

        @Override
        public Appendable append(char c) {
            return append(String.valueOf(c));
        }
    };

    private static HtmlRenderer.Builder configure(HtmlRenderer.Builder builder) {
        return builder
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

    /** A document's HTML, and the body jsoup parsed from it. */
    public record Body(String html, Element element) {
    }

    /**
     * {@code document} rendered and parsed into a body, its raw HTML (if it has any) sanitised, each change reported at
     * the line of {@code file} where it is written: a chapter, or a part of a page ({@code pageIds}, see
     * {@link HtmlSanitiser#sanitise(Element, RawHtmlSpans, String, Set, Diagnostics)}).
     */
    public static Body body(Node document, String file, Set<String> pageIds, Diagnostics diagnostics) {
        Rendered rendered = rendered(document);
        String html = rendered.html();
        if (rendered.rawHtml().none()) {
            return new Body(html, rendered.tree().orElseGet(() -> Markup.parseFragment(html)));
        }
        Element body = Markup.parseFragmentTracked(html);
        HtmlSanitiser.sanitise(body, rendered.rawHtml(), file, pageIds, diagnostics);
        return new Body(html, body);
    }

    /**
     * A document's HTML; the tree jsoup would parse from it, when it could be built as it was written (see
     * {@link TreeWriter}); and where the HTML has raw HTML.
     */
    record Rendered(String html, Optional<Element> tree, RawHtmlSpans rawHtml) {
    }

    /**
     * {@code document} rendered, noting where raw HTML went (so that finding whether there is any costs no walk of its
     * own), and its tree built as it is written, where it can be.
     */
    static Rendered rendered(Node document) {
        RawHtmlSpans spans = new RawHtmlSpans();
        StringBuilder out = new StringBuilder(1 << 14);
        TreeWriter tree = new TreeWriter(out, Markup.emptyBody(), spans);
        treeBuilder(tree, spans.renderer(out)).build().render(document, NOWHERE);
        return new Rendered(out.toString(), tree.tree(), spans);
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

    /** A renderer's context with another writer: everything else as commonmark's. */
    private record WriterContext(HtmlNodeRendererContext context, HtmlWriter writer) implements HtmlNodeRendererContext {
        @Override
        public String encodeUrl(String url) {
            return context.encodeUrl(url);
        }

        @Override
        public Map<String, String> extendAttributes(Node node, String tagName, Map<String, String> attributes) {
            return context.extendAttributes(node, tagName, attributes);
        }

        @Override
        public HtmlWriter getWriter() {
            return writer;
        }

        @Override
        public String getSoftbreak() {
            return context.getSoftbreak();
        }

        @Override
        public void render(Node node) {
            context.render(node);
        }

        @Override
        public boolean shouldEscapeHtml() {
            return context.shouldEscapeHtml();
        }

        @Override
        public boolean shouldOmitSingleParagraphP() {
            return context.shouldOmitSingleParagraphP();
        }

        @Override
        public boolean shouldSanitizeUrls() {
            return context.shouldSanitizeUrls();
        }

        @Override
        public UrlSanitizer urlSanitizer() {
            return context.urlSanitizer();
        }
    }
}
