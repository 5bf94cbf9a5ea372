package org.bookbinder.render.print;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.List;
import java.util.Set;

/**
 * Moves every note of a chapter from its notes section (see {@code annotate/notes}) to just after its
 * reference, so that print can set it beside the reference and the screen can open it in place.
 *
 * <p>A note inside a paragraph must be phrasing content, so {@code <aside class="note">} becomes
 * {@code <span class="note" role="doc-footnote">} and each block inside it a span with the class
 * {@code note-<tag>} ({@code note-p}, {@code note-ul}…), laid out as blocks by the stylesheet. The number, the
 * note's backlink, stays first. The block that holds a note gets the class {@code with-notes}, so that print
 * can keep it together with its notes. A notes section left empty is removed.
 */
public final class NotePlacement {
    private static final Set<String> PHRASING_KEPT = Set.of("a", "em", "i", "strong", "b", "cite", "code", "span",
            "sup", "sub", "abbr", "q", "dfn", "small", "s", "u", "mark", "kbd", "samp", "var", "time", "bdi", "bdo", "br", "wbr", "data", "img");

    /** The blocks that can hold a note's reference, parsed once (not at each of a big book's notes). */
    private static final Evaluator HOLDER = QueryParser.parse("p, li, dd, td, th, blockquote, figcaption, h1, h2, h3, h4, h5, h6");

    private NotePlacement() {
    }

    /** Places the notes of {@code body} after their references; returns how many were moved. */
    public static int placeBesideReferences(Element body) {
        int moved = 0;
        java.util.Map<String, Element> asides = new java.util.HashMap<>();
        for (Element a : body.select("aside[id]")) {
            asides.putIfAbsent(a.id(), a);
        }
        for (Element ref : body.select("a.noteref[href^=#]")) {
            Element aside = asides.get(ref.attr("href").substring(1));
            if (aside == null || aside.parent() == null) {
                continue;
            }
            Element note = new Element("span").attr("id", aside.id()).addClass("note").attr("role", "doc-footnote");
            for (Node child : List.copyOf(aside.childNodes())) {
                note.appendChild(phrasing(child));
            }
            ref.after(note);
            aside.remove();
            Element block = ref.closest(HOLDER);
            if (block != null) {
                block.addClass("with-notes");
            }
            moved++;
        }
        for (Element section : body.select("section.notes")) {
            if (section.select("aside").isEmpty()) {
                section.remove();
            }
        }
        return moved;
    }

    private static Node phrasing(Node node) {
        if (!(node instanceof Element e) || PHRASING_KEPT.contains(e.tagName())) {
            if (node instanceof Element e) {
                for (Node c : List.copyOf(e.childNodes())) {
                    c.replaceWith(phrasing(c));
                }
            }
            return node;
        }
        Element span = new Element("span").addClass("note-" + e.tagName());
        for (String cls : e.classNames()) {
            span.addClass(cls);
        }
        if (e.hasAttr("id")) {
            span.attr("id", e.id());
        }
        if (e.hasAttr("lang")) {
            span.attr("lang", e.attr("lang"));
        }
        for (Node c : List.copyOf(e.childNodes())) {
            span.appendChild(phrasing(c));
        }
        return span;
    }
}
