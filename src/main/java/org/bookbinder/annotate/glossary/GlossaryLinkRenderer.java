package org.bookbinder.annotate.glossary;

import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
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
    private static final Map.Entry<String, String> CLASS = Map.entry("class", "glossref");
    private static final Map.Entry<String, String> EPUB_TYPE = Map.entry("epub:type", "glossref");
    private static final Map.Entry<String, String> ROLE = Map.entry("role", "doc-glossref");

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
        html.tag("a", new LinkAttributes(link.linkId(), link.href()));
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            context.render(child);
        }
        html.tag("/a");
    }

    /**
     * A link's attributes in the order they are written: its two own values and the three every link has. Not a hash
     * map of five entries: a big book has tens of thousands of links, and making one for each, with its href joined
     * again, was a tenth of their writing.
     */
    private static final class LinkAttributes extends AbstractMap<String, String> {
        private final List<Map.Entry<String, String>> entries;

        LinkAttributes(String id, String href) {
            entries = List.of(Map.entry("id", id), Map.entry("href", href), CLASS, EPUB_TYPE, ROLE);
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, String>> iterator() {
                    return entries.iterator();
                }

                @Override
                public int size() {
                    return entries.size();
                }
            };
        }
    }
}
