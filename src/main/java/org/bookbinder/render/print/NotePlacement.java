package org.bookbinder.render.print;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Found found = new Found();
        found.look(body);
        found.under(body);
        for (Element ref : found.references) {
            Element aside = found.asides.get(ref.attr("href").substring(1));
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
        List<Element> emptied = new ArrayList<>();
        for (Element section : found.sections) {
            if (within(section, body) && section.select("aside").isEmpty()) {
                emptied.add(section);       // (a section inside a note that moved is no longer in the chapter)
            }
        }
        emptied.forEach(Element::remove);
        return moved;
    }

    /**
     * What the notes are placed by, in document order, found in one walk of the chapter (not a select for each):
     * {@code aside[id]} by id (the first of each), {@code a.noteref[href^=#]}, {@code section.notes}.
     */
    private static final class Found {
        final Map<String, Element> asides = new HashMap<>();
        final List<Element> references = new ArrayList<>();
        final List<Element> sections = new ArrayList<>();

        /** Looks at the elements under {@code e}, by index ({@link Element#childNodes} copies the list). */
        void under(Element e) {
            for (int i = 0; i < e.childNodeSize(); i++) {
                if (e.childNode(i) instanceof Element c) {
                    look(c);
                    under(c);
                }
            }
        }

        void look(Element e) {
            if (e.attributesSize() == 0) {
                return;                         // each of them has an attribute
            }
            String name = e.normalName();
            if (name.equals("aside") && e.hasAttr("id")) {
                asides.putIfAbsent(e.id(), e);
            } else if (name.equals("a") && e.attr("href").startsWith("#") && ClassNames.has(ClassNames.of(e), "noteref")) {
                references.add(e);
            } else if (name.equals("section") && ClassNames.has(ClassNames.of(e), "notes")) {
                sections.add(e);
            }
        }
    }

    /** Whether {@code e} is {@code root} or under it. */
    private static boolean within(Element e, Element root) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
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
