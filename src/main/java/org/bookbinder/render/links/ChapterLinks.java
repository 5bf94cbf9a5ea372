package org.bookbinder.render.links;

import org.bookbinder.annotate.AnnotatedBook;
import org.bookbinder.annotate.AnnotatedChapter;
import org.bookbinder.annotate.glossary.AnnotatedGlossary;
import org.bookbinder.annotate.glossary.GlossaryEntry;
import org.bookbinder.annotate.glossary.GlossaryPage;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.diagnostics.DidYouMean;
import org.bookbinder.load.HeadingAttributes;
import org.bookbinder.load.ImageFile;
import org.bookbinder.load.RawHtmlVisitor;
import org.bookbinder.load.Span;
import org.bookbinder.render.ChapterHtml;
import org.bookbinder.render.Markup;
import org.bookbinder.render.Renderer;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.jsoup.nodes.Element;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.bookbinder.load.SourcePositions.column;
import static org.bookbinder.load.SourcePositions.line;

/**
 * Links between chapters. A chapter links to another by its Markdown file, {@code [the camps](02-camps.md#lists)},
 * as it would on GitHub, and in the e-book the link goes to that chapter's page, {@code 02-camps.xhtml#lists}.
 * Before the chapters are rendered, every link that stays inside the book is checked, where it is written:
 * <ul>
 *   <li>LINK-001: it goes to a file that is not a chapter of the book (a chapter the book does not have, an image,
 *       a file outside the book);</li>
 *   <li>LINK-002: its anchor, {@code #lists} or {@code 02-camps.md#lists}, is no id of the chapter it goes to.</li>
 * </ul>
 * A chapter's ids are those of its headings and {@code [spans]{#id}}; only when an anchor is not among them is the
 * chapter rendered to look among all its ids (raw HTML, notes, glossary and citation anchors).
 */
public final class ChapterLinks {
    /** A link to a chapter: its file name, in the book's chapter folder or beside the chapter, and an anchor. */
    private static final Pattern CHAPTER_LINK = Pattern.compile("(?:\\./)?(?:chapters/)?([^/#?]+)\\.md(#.*)?");

    private ChapterLinks() {
    }

    /** Whether {@code href} is a link to a chapter's Markdown file, which {@link #epubHref} rewrites. */
    public static boolean isChapterLink(String href) {
        return !href.contains(":") && CHAPTER_LINK.matcher(href).matches();
    }

    /** The e-book href of a link written in a chapter: {@code 02-camps.md#lists} → {@code 02-camps.xhtml#lists}; others as they are. */
    public static String epubHref(String href) {
        if (!isChapterLink(href.strip())) {
            return href;
        }
        Matcher m = CHAPTER_LINK.matcher(href.strip());
        m.matches();
        return m.group(1) + ".xhtml" + (m.group(2) == null ? "" : m.group(2));
    }

    /** Points every link to a chapter's Markdown file in {@code body} (a chapter's, a definition's) at its page. */
    public static void linkForEpub(Element body) {
        for (Element a : body.select("a[href]")) {
            a.attr("href", epubHref(a.attr("href")));
        }
    }

    /**
     * Reports every link of the book's chapters, of its glossary's definitions and of its colophon that goes to no
     * chapter (LINK-001) or to no id in it (LINK-002). The anchors ({@code #x}) of a definition are the glossary
     * page's, those of the colophon the colophon page's.
     */
    public static void check(AnnotatedBook book, Diagnostics diagnostics) {
        Map<String, AnnotatedChapter> bySlug = new LinkedHashMap<>();
        book.chapters().forEach(c -> bySlug.put(c.slug(), c));
        Ids ids = new Ids();
        // Finding the links walks every chapter's whole tree: on both cores (a big book's trees are out of the cache
        // by now); the checks then run in reading order, so the diagnostics come in the same order as ever.
        List<List<Use>> uses = book.chapters().parallelStream().map(c -> uses(c.document())).toList();
        for (int i = 0; i < uses.size(); i++) {
            AnnotatedChapter chapter = book.chapters().get(i);
            for (Use use : uses.get(i)) {
                check(use, chapter.file(), "", From.chapter(chapter), bySlug, ids, diagnostics);
            }
        }
        book.glossary().ifPresent(glossary -> {
            Set<String> pageIds = GlossaryPage.pageIds(glossary);
            glossary.entries().forEach(e -> pageIds.addAll(Ids.renderedIds(e.entry().definition())));
            From page = new From(null, "the glossary page", new TreeSet<>(pageIds));
            for (AnnotatedGlossary.Entry e : glossary.entries()) {
                GlossaryEntry entry = e.entry();
                for (Use use : uses(entry.definition())) {
                    check(use, glossary.file(), " in the definition of '" + entry.term() + "'", page, bySlug, ids, diagnostics);
                }
            }
        });
        book.colophon().ifPresent(colophon -> {
            Set<String> pageIds = new TreeSet<>(Ids.renderedIds(colophon.document()));
            pageIds.add(Renderer.COLOPHON_TITLE_ID);
            From page = new From(null, "the colophon page", pageIds);
            for (Use use : uses(colophon.document())) {
                check(use, colophon.file(), " in the colophon", page, bySlug, ids, diagnostics);
            }
        });
    }

    /** A link as written in a chapter, and where. */
    private record Use(String href, int line, int column) {
    }

    /**
     * Where a link is written: a chapter, or a page made of other text (the glossary's definitions, the colophon),
     * named for messages, with its ids.
     */
    private record From(AnnotatedChapter chapter, String page, Set<String> ids) {
        static From chapter(AnnotatedChapter chapter) {
            return new From(chapter, null, Set.of());
        }
    }

    /** Checks a link written in {@code file}, in {@code from}; {@code where} says where in the file for the message. */
    private static void check(Use use, String file, String where, From from, Map<String, AnnotatedChapter> bySlug,
                              Ids ids, Diagnostics diagnostics) {
        String href = decode(use.href().strip());  // as written (sanitising percent-encodes links), as a browser trims it
        if (href.isEmpty() || ImageFile.hasScheme(href) || href.startsWith("//")) {
            return;                                 // a web address, or the page itself
        }
        AnnotatedChapter target;
        String fragment;
        if (href.startsWith("#") && from.chapter() == null) {
            String id = href.substring(1);
            if (!id.isEmpty() && !from.ids().contains(id)) {
                diagnostics.error(Code.LINK_002, file, use.line(), use.column(), "the link '" + href + "'" + where
                        + " goes to the anchor '" + id + "', but " + from.page() + " has no such id" + DidYouMean.hintId(id, from.ids()));
            }
            return;
        }
        if (href.startsWith("#")) {
            target = from.chapter();
            fragment = href.substring(1);
        } else {
            Matcher m = CHAPTER_LINK.matcher(href);
            target = m.matches() ? bySlug.get(m.group(1)) : null;
            if (target == null) {
                String name = m.matches() ? m.group(1) + ".md" : href;
                diagnostics.error(Code.LINK_001, file, use.line(), use.column(), "the link '" + href + "'" + where + " goes to "
                        + (m.matches() ? "no chapter of the book" + DidYouMean.hint(name, bySlug.keySet().stream().map(s -> s + ".md").toList())
                                : "a file that is not a chapter of the book: the e-book links to its chapters (NN-slug.md) and their "
                                        + "headings (NN-slug.md#id), and to web addresses"));
                return;
            }
            fragment = m.group(2) == null ? "" : m.group(2).substring(1);
        }
        String id = fragment;
        if (!id.isEmpty() && !ids.has(target, id)) {
            diagnostics.error(Code.LINK_002, file, use.line(), use.column(), "the link '" + href + "'" + where + " goes to the anchor '"
                    + id + "', but " + (target == from.chapter() ? "this chapter" : target.file()) + " has no such id"
                    + DidYouMean.hintId(id, ids.headings(target)));
        }
    }

    /** The links of a chapter or a definition: Markdown links and {@code <a href>} in raw HTML, in reading order. */
    private static List<Use> uses(Node document) {
        List<Use> uses = new ArrayList<>();
        document.accept(new RawHtmlVisitor("href", "a[href]") {
            @Override
            public void visit(Link link) {
                uses.add(new Use(link.getDestination(), line(link), column(link)));
                visitChildren(link);
            }

            @Override
            protected void visitRaw(Element a, Node node) {
                uses.add(new Use(a.attr("href"), line(node), column(node)));
            }
        });
        return uses;
    }

    /** The ids of chapters, found as they are asked for. */
    private static final class Ids {
        private final Map<AnnotatedChapter, Set<String>> written = new java.util.IdentityHashMap<>();
        private final Map<AnnotatedChapter, Set<String>> rendered = new java.util.IdentityHashMap<>();

        boolean has(AnnotatedChapter chapter, String id) {
            return written(chapter).contains(id)
                    || rendered.computeIfAbsent(chapter, c -> renderedIds(c.document())).contains(id);
        }

        /** The ids of the chapter's headings, for "did you mean". */
        List<String> headings(AnnotatedChapter chapter) {
            return List.copyOf(written(chapter));
        }

        /** The ids written (or given) in the Markdown: headings' and spans'. */
        private Set<String> written(AnnotatedChapter chapter) {
            return written.computeIfAbsent(chapter, c -> {
                Set<String> ids = new java.util.LinkedHashSet<>();
                c.document().accept(new AbstractVisitor() {
                    @Override
                    public void visit(CustomNode node) {
                        if (node instanceof HeadingAttributes h) {
                            h.attributes().id().ifPresent(ids::add);
                        } else if (node instanceof Span s) {
                            s.attributes().id().ifPresent(ids::add);
                        }
                        visitChildren(node);
                    }
                });
                return ids;
            });
        }

        /** Every id of a chapter (or other text) as rendered. */
        static Set<String> renderedIds(Node document) {
            Set<String> ids = new HashSet<>();
            for (Element e : Markup.parseFragment(ChapterHtml.render(document)).select("[id]")) {
                ids.add(e.id());
            }
            return ids;
        }
    }

    /** {@code %20} and the like, as a browser reads a link; a malformed escape is taken literally. */
    private static String decode(String href) {
        try {
            return URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return href;
        }
    }
}
