package org.bookbinder.annotate.sanitise;

import org.bookbinder.annotate.sanitise.HtmlPolicy.Action;
import org.bookbinder.annotate.sanitise.HtmlPolicy.Refusal;
import org.bookbinder.annotate.sanitise.HtmlPolicy.Verdict;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a chapter's body, parsed by jsoup from HTML with raw HTML in it, safe and valid XHTML for EPUB 3, in one walk
 * down the tree (no recursion: the tree may be deep). Elements written in raw HTML are held to {@link HtmlPolicy}:
 * dropped (scripts, forms, media, head elements), unwrapped (unknown and obsolete elements) or kept, their attributes
 * kept only where XHTML allows them, links only where {@link Urls} allows them. Every element, written in Markdown
 * or not, is held to the content model: a block inside a paragraph, a heading, {@code <pre>} or an inline element is
 * unwrapped, a list item outside a list is unwrapped, content of a list outside a list item is put in one. Comments
 * go (they may hold {@code --}, which XML does not allow). jsoup has already closed unclosed tags; where the author
 * left one open that HTML wants closed, that is reported (CHAP-008), since the text it takes in may not be what was meant.
 *
 * <p>Each change is a warning at the chapter's line and column of the raw HTML it concerns ({@link RawHtmlSpans});
 * elements written in Markdown are trusted, their attributes having been checked on the Markdown tree ({@link Links}).
 */
public final class HtmlSanitiser {
    private final RawHtmlSpans spans;
    private final String file;
    private final Diagnostics diagnostics;
    private final Element body;
    /** The ids of the page so far: Markdown's, then raw HTML's as they are kept. */
    private final Set<String> ids;
    /** What was reported: jsoup may make two elements of one tag (a formatting element reopened), reported once. */
    private final Set<String> reported = new HashSet<>();
    /** Where each raw element seen starts in the HTML, and its tag: a second element there is a copy jsoup made. */
    private final Set<String> starts = new HashSet<>();

    private HtmlSanitiser(Element body, RawHtmlSpans spans, String file, Set<String> ids, Diagnostics diagnostics) {
        this.body = body;
        this.spans = spans;
        this.file = file;
        this.ids = ids;
        this.diagnostics = diagnostics;
    }

    /** Sanitises {@code body} in place; {@code spans} traces its raw HTML to the chapter file {@code file}. */
    public static void sanitise(Element body, RawHtmlSpans spans, String file, Diagnostics diagnostics) {
        sanitise(body, spans, file, new HashSet<>(), diagnostics);
    }

    /**
     * {@link #sanitise(Element, RawHtmlSpans, String, Diagnostics)} for a part of a page ({@code file} is then where
     * the part is written: a glossary definition, the colophon): {@code pageIds}, the ids the page has already, are
     * not given to raw HTML again, and the body's own ids are added to them.
     */
    public static void sanitise(Element body, RawHtmlSpans spans, String file, Set<String> pageIds, Diagnostics diagnostics) {
        new HtmlSanitiser(body, spans, file, pageIds, diagnostics).walk();
    }

    private void walk() {
        for (Element e : body.getAllElements()) {
            if (e != body && !raw(e) && e.hasAttr("id")) {
                ids.add(e.attr("id"));          // Markdown's ids come first: a raw duplicate is the one dropped
            }
        }
        Node node = body.childNodeSize() > 0 ? body.childNode(0) : null;
        while (node != null) {
            if (node instanceof Element e) {
                node = element(e);
            } else if (node instanceof TextNode) {
                node = after(node);
            } else {
                Node next = after(node);    // comments, and whatever else is not text (CDATA, declarations)
                node.remove();
                node = next;
            }
        }
    }

    /** Deals with {@code e}; returns the node to look at next. */
    private Node element(Element e) {
        String tag = e.normalName();
        boolean raw = raw(e);
        if (raw && reopened(e)) {
            return unwrap(e);           // the unclosed element ends with its block (CHAP-008), not in every block after it
        }
        if (raw) {
            Verdict verdict = HtmlPolicy.element(tag);
            if (verdict.action() != Action.KEEP) {
                report(verdict.code(), e, "<" + tag + "> " + (verdict.action() == Action.DROP ? "dropped" : "unwrapped") + ": "
                        + verdict.reason());
                return verdict.action() == Action.DROP ? drop(e) : unwrap(e);
            }
        }
        Optional<String> misplaced = misplaced(e, tag);
        if (misplaced.isPresent()) {
            report(Code.HTML_009, e, "<" + tag + "> is not allowed " + misplaced.get() + ": unwrapped, its content kept");
            return unwrap(e);
        }
        if (raw) {
            unclosed(e, tag);
            attributes(e, tag);
            if (tag.equals("img") && !e.hasAttr("src")) {
                report(Code.HTML_010, e, "<img> without a src dropped");
                return drop(e);
            }
            if (tag.equals("a") && !e.hasAttr("href") && !e.hasAttr("id")) {
                return unwrap(e);           // nothing left of the link: its text stays
            }
        }
        if (tag.equals("ul") || tag.equals("ol")) {
            wrapStrays(e, "li", Set.of("li"));
        } else if (tag.equals("dl")) {
            wrapStrays(e, "dd", Set.of("dt", "dd", "div"));
        }
        return e.childNodeSize() > 0 ? e.childNode(0) : after(e);
    }

    /**
     * Reports (CHAP-008) an element written in raw HTML that is not closed where it is written to be: the parser ended
     * it where its paragraph or block ends, or the text does, or where an element it may not hold begins; text the
     * author meant to be in it may not be, or the other way round. (A formatting element, {@code <em>}, {@code <b>}…,
     * the parser opens again in each block that follows: those copies are unwrapped, see {@link #reopened}.)
     * Elements whose end tag HTML lets one leave out ({@code <p>}, {@code <li>}, {@code <td>}…) are closed as HTML
     * says, and not reported.
     */
    private void unclosed(Element e, String tag) {
        Range start = e.sourceRange();
        Range end = e.endSourceRange();
        if (start.isTracked() && !start.isImplicit() && end.isTracked() && end.isImplicit()
                && !HtmlPolicy.OPTIONAL_END_TAG.contains(tag)) {
            report(Code.CHAP_008, e, "<" + tag + "> is not closed as written: it is ended where its paragraph or block ends, or the"
                    + " text does, or where something it may not hold begins (a link in a link); check where </" + tag + "> should be");
        }
    }

    /**
     * Whether {@code e} is a copy of a formatting element left open ({@code <em>} without {@code </em>}), which an HTML
     * parser opens again around whatever follows, blocks and all, to the end of the text; or a clone of one closed
     * in the wrong order ({@code <b><i>…</b></i>}).
     */
    private boolean reopened(Element e) {
        Range start = e.sourceRange();
        return start.isTracked() && !start.isImplicit() && !starts.add(e.normalName() + "@" + start.startPos());
    }

    /** Where {@code e} stands that it may not ("inside <pre>"), or empty. */
    private Optional<String> misplaced(Element e, String tag) {
        Element parent = e.parent();
        if (parent == null) {
            return Optional.empty();
        }
        Set<String> parents = HtmlPolicy.PARENTS.get(tag);
        if (parents != null && !parents.contains(parent.normalName())) {
            return Optional.of("inside <" + parent.normalName() + ">");
        }
        if (HtmlPolicy.BLOCKS.contains(tag)) {
            Optional<String> container = phrasingContainer(parent);
            if (container.isPresent()) {
                return Optional.of("inside <" + container.get() + ">");
            }
        }
        if (tag.equals("a")) {
            for (Element a = parent; a != null && a != body; a = a.parent()) {
                if (a.normalName().equals("a")) {
                    return Optional.of("inside another link");
                }
            }
        }
        return Optional.empty();
    }

    /** The nearest element around {@code parent} that allows phrasing content only, looking through transparent ones. */
    private Optional<String> phrasingContainer(Element parent) {
        for (Element a = parent; a != null && a != body; a = a.parent()) {
            String name = a.normalName();
            if (HtmlPolicy.PHRASING_ONLY.contains(name)) {
                return Optional.of(name);
            }
            if (!HtmlPolicy.TRANSPARENT.contains(name)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void attributes(Element e, String tag) {
        List<Attribute> all = new ArrayList<>();
        e.attributes().forEach(all::add);
        for (Attribute a : all) {
            String name = a.getKey();
            String value = a.getValue();
            if (name.equals("href") && tag.equals("a") || name.equals("cite")) {
                Urls.Verdict v = name.equals("href") ? Urls.link(value) : Urls.citation(value);
                if (v.kept()) {
                    e.attr(name, v.url());
                } else {
                    report(v.code().get(), e, (name.equals("href") ? "link unlinked: " : "the source of <" + tag + "> dropped: ")
                            + v.reason());
                    e.removeAttr(name);
                }
                continue;
            }
            Optional<Refusal> refusal = HtmlPolicy.attribute(tag, name, value);
            if (refusal.isEmpty() && name.equals("id") && !ids.add(value)) {
                refusal = Optional.of(new Refusal(Code.HTML_010, "another element of the page has the id '" + value + "'"));
            }
            if (refusal.isPresent()) {
                report(refusal.get().code(), e, "the attribute '" + name + "' of <" + tag + "> dropped: " + refusal.get().reason());
                e.removeAttr(name);
            }
        }
    }

    /** Puts each run of children of {@code list} that are not {@code allowed} (blank text aside) into a new {@code wrapper}. */
    private void wrapStrays(Element list, String wrapper, Set<String> allowed) {
        List<Node> run = new ArrayList<>();
        boolean reported = false;
        for (Node child : new ArrayList<>(list.childNodes())) {
            boolean fits = child instanceof Element c ? allowed.contains(c.normalName())
                    : child instanceof TextNode t && t.isBlank() && run.isEmpty();
            if (fits) {
                reported |= wrap(list, run, wrapper, reported);
            } else {
                run.add(child);
            }
        }
        wrap(list, run, wrapper, reported);
    }

    private boolean wrap(Element list, List<Node> run, String wrapper, boolean reported) {
        if (run.isEmpty()) {
            return false;
        }
        if (run.stream().allMatch(n -> n instanceof TextNode t && t.isBlank())) {
            run.clear();
            return false;
        }
        if (!reported) {
            report(Code.HTML_009, list, "content of <" + list.normalName() + "> outside a <" + wrapper + "> put in one");
        }
        Element w = new Element(wrapper);
        run.get(0).before(w);
        for (Node n : run) {
            w.appendChild(n);
        }
        run.clear();
        return true;
    }

    /** Removes {@code e}, and the paragraph around it if nothing but white space is left of it. */
    private Node drop(Element e) {
        Node next = after(e);
        Element parent = e.parent();
        e.remove();
        if (parent != null && parent != body && parent.normalName().equals("p") && parent.children().isEmpty()
                && parent.text().isBlank()) {
            next = after(parent);
            parent.remove();
        }
        return next;
    }

    private Node unwrap(Element e) {
        Node next = e.childNodeSize() > 0 ? e.childNode(0) : after(e);
        e.unwrap();
        return next;
    }

    /** The node after {@code node} in document order, leaving out its descendants; null at the end of the body. */
    private Node after(Node node) {
        for (Node n = node; n != null && n != body; n = n.parent()) {
            Node next = n.nextSibling();
            if (next != null) {
                return next;
            }
        }
        return null;
    }

    /** Whether {@code e} was written in raw HTML (or made by jsoup, which is held to the same rules), not by Markdown. */
    private boolean raw(Element e) {
        Range range = e.sourceRange();
        return !range.isTracked() || range.isImplicit() || spans.at(range.startPos()).isPresent();
    }

    private void report(Code code, Node node, String message) {
        RawHtmlSpans.Position at = position(node);
        if (reported.add(code + ":" + at + ":" + message)) {
            diagnostics.report(code, file, at.line(), at.column(), message);
        }
    }

    /** Where {@code node} (or the nearest raw HTML around it) was written; line 0 when nothing is known. */
    private RawHtmlSpans.Position position(Node node) {
        for (Node n = node; n != null && n != body; n = n.parent()) {
            Range range = n.sourceRange();
            if (range.isTracked() && !range.isImplicit()) {
                Optional<RawHtmlSpans.Position> at = spans.at(range.startPos());
                if (at.isPresent()) {
                    return at.get();
                }
            }
        }
        return new RawHtmlSpans.Position(0, 0);
    }
}
