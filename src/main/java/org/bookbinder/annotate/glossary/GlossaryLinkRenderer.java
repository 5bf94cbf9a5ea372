package org.bookbinder.annotate.glossary;

import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link GlossaryLink} as the link pop-up readers know (EPUB 3 Dictionaries and Glossaries, DPUB-ARIA):
 * <pre>
 * &lt;a id="glossref-gulag" href="glossary.xhtml#def-gulag" class="glossref" epub:type="glossref" role="doc-glossref"&gt;Gulag&lt;/a&gt;
 * </pre>
 * It points at the definition (the {@code dd}), not the term: foliate-js pops up the link's target element.
 */
public final class GlossaryLinkRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    public GlossaryLinkRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(GlossaryLink.class);
    }

    @Override
    public void render(Node node) {
        GlossaryLink link = (GlossaryLink) node;
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("id", link.linkId());
        attributes.put("href", GlossaryPage.SLUG + ".xhtml#" + link.entry().definitionId());
        attributes.put("class", "glossref");
        attributes.put("epub:type", "glossref");
        attributes.put("role", "doc-glossref");
        html.tag("a", attributes);
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            context.render(child);
        }
        html.tag("/a");
    }
}
