package org.bookbinder.annotate.notes;

import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes notes in the markup that pops up on the most readers (see DESIGN.md, "Notes that pop up"):
 * <pre>
 * &lt;a id="nref-3" href="#note-3" class="noteref" epub:type="noteref" role="doc-noteref"&gt;3&lt;/a&gt;
 * …
 * &lt;aside id="note-3" class="note" epub:type="footnote" role="doc-footnote"&gt;
 *   &lt;p&gt;&lt;a href="#nref-3" class="backlink" role="doc-backlink"&gt;3.&lt;/a&gt; The note's text.&lt;/p&gt;
 * &lt;/aside&gt;
 * </pre>
 * The backlink, carrying the number, is the first thing in the note (Kindle wants it there); when a note does
 * not start with a paragraph, the backlink gets a paragraph of its own.
 */
public final class NoteHtmlRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    public NoteHtmlRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(NoteReference.class, NotesSection.class, NoteBlock.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof NoteReference ref) {
            html.tag("a", attributes("id", ref.refId(), "href", "#" + ref.noteId(), "class", "noteref",
                    "epub:type", "noteref", "role", "doc-noteref"));
            html.text(String.valueOf(ref.number()));
            html.tag("/a");
        } else if (node instanceof NotesSection) {
            html.line();
            html.tag("section", attributes("class", "notes", "aria-labelledby", "notes-title"));
            html.line();
            html.tag("h2", attributes("id", "notes-title", "class", "notes-title"));
            html.text("Notes");
            html.tag("/h2");
            html.line();
            renderChildren(node);
            html.tag("/section");
            html.line();
        } else if (node instanceof NoteBlock note) {
            html.tag("aside", attributes("id", note.noteId(), "class", "note", "epub:type", "footnote", "role", "doc-footnote"));
            html.line();
            Node first = note.getFirstChild();
            if (first instanceof Paragraph) {
                html.tag("p");
                backlink(note);
                html.text(" ");
                renderChildren(first);
                html.tag("/p");
                html.line();
                first = first.getNext();
            } else {
                html.tag("p");
                backlink(note);
                html.tag("/p");
                html.line();
            }
            for (Node child = first; child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/aside");
            html.line();
        }
    }

    private void backlink(NoteBlock note) {
        html.tag("a", attributes("href", "#" + note.backlinkTarget(), "class", "backlink", "role", "doc-backlink"));
        html.text(note.number() + ".");
        html.tag("/a");
    }

    private void renderChildren(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }

    private static Map<String, String> attributes(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
