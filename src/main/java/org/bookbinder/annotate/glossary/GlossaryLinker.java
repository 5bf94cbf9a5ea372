package org.bookbinder.annotate.glossary;

import org.bookbinder.annotate.AnnotatedChapter;
import org.bookbinder.annotate.Typography;
import org.bookbinder.annotate.notes.NotesSection;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.HeadingAttributes;
import org.bookbinder.load.Span;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Block;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Links glossary terms in the chapters, which need no markup for it: the first occurrence of each term (or alias)
 * in each chapter becomes a {@link GlossaryLink} to its entry. Runs after the notes are numbered, so a chapter's
 * notes sit in its {@link NotesSection}.
 *
 * <p>Rules (the README lists them for authors): whole words only; a lower-case form in any case, a capitalised
 * one as written (see {@link TermText}); the longest form wins and nothing is linked inside a longer match
 * ({@link TermMatcher}); a term may run across text nodes (a line break, the start of emphasis) as long as the
 * link can wrap the nodes it covers. Never linked: headings, links, images, code, raw HTML and the text inside
 * raw HTML elements, spans marked {@code spellcheck=false} (they hold rejected readings and quoted source text,
 * not the edition's words) or {@code .no-glossary} (the author's way to keep a passage unlinked), the glossary
 * page itself. Notes are searched last: a term is linked in a chapter's
 * notes only when its main text has no occurrence that can be linked. A term linked nowhere is a warning
 * (GLOSS-006).
 *
 * <p>Matching is one pass per paragraph (or table cell, list item…) over the text of its inline nodes, put
 * together with a map from each character back to its node, so it costs the same for 10 terms or 1,000.
 */
public final class GlossaryLinker {
    /** The class of a span whose words are never linked: {@code [Gulag: A History]{.no-glossary}}. */
    static final String NO_GLOSSARY = "no-glossary";

    private GlossaryLinker() {
    }

    /** Links the terms of {@code glossary} in every chapter (in place) and returns where each entry is used. */
    public static AnnotatedGlossary link(Glossary glossary, List<AnnotatedChapter> chapters, Diagnostics diagnostics) {
        chapters.stream().filter(c -> c.slug().equals(GlossaryPage.SLUG)).forEach(c -> diagnostics.report(Code.GLOSS_008,
                c.file(), 0, 0, "the chapter would be written as text/" + GlossaryPage.SLUG + ".xhtml, the glossary page's name:"
                        + " rename the file (or leave the glossary out of book.yaml and write the glossary as a chapter)"));
        glossary.entries().forEach(e -> Typography.apply(e.definition()));
        TermMatcher matcher = new TermMatcher(glossary.entries());
        List<Target> targets = glossary.entries().stream().map(Target::of).toList();
        List<List<Linked>> linked = chapters.parallelStream()
                .map(c -> c.frontMatter().glossaryLinks() ? new ChapterLinker(targets, matcher, c.document()).link() : List.<Linked>of())
                .toList();

        List<List<AnnotatedGlossary.Use>> uses = new ArrayList<>();
        glossary.entries().forEach(e -> uses.add(new ArrayList<>()));
        // Backlinks in reading order: front matter, body, back matter, as the renderer orders the chapters.
        List<Integer> order = IntStream.range(0, chapters.size()).boxed()
                .sorted(Comparator.comparing(i -> chapters.get(i).frontMatter().matter())).toList();
        for (int i : order) {
            AnnotatedChapter c = chapters.get(i);
            for (Linked l : linked.get(i)) {
                uses.get(l.entry()).add(new AnnotatedGlossary.Use(c.slug(), c.title(), l.linkId()));
            }
        }
        List<AnnotatedGlossary.Entry> entries = new ArrayList<>();
        for (int i = 0; i < glossary.entries().size(); i++) {
            GlossaryEntry e = glossary.entries().get(i);
            if (uses.get(i).isEmpty()) {
                diagnostics.report(Code.GLOSS_006, glossary.file(), e.line(), e.column(), "the term '" + e.term()
                        + "' is not used in any chapter (headings, links, code and raw HTML do not count)");
            }
            entries.add(new AnnotatedGlossary.Entry(e, uses.get(i)));
        }
        return new AnnotatedGlossary(glossary.file(), entries);
    }

    /** A link made in a chapter. */
    private record Linked(int entry, String linkId) {
    }

    /**
     * What the links to an entry share, made once an entry, not once a link: the id a link is given (when the chapter
     * has no other element of that id) and the address of the definition.
     */
    private record Target(GlossaryEntry entry, String linkId, String href) {
        static Target of(GlossaryEntry e) {
            return new Target(e, "glossref-" + e.id(), GlossaryPage.SLUG + ".xhtml#" + e.definitionId());
        }
    }

    /** The linking of one chapter: which entries it has linked so far, and the ids it uses. */
    private static final class ChapterLinker {
        private final List<Target> targets;
        private final TermMatcher matcher;
        private final Node document;
        private final BitSet done = new BitSet();
        private final Set<String> ids = new HashSet<>();
        private final List<Linked> linked = new ArrayList<>();
        private final TextRun run = new TextRun();
        private boolean notesPass;

        ChapterLinker(List<Target> targets, TermMatcher matcher, Node document) {
            this.targets = targets;
            this.matcher = matcher;
            this.document = document;
        }

        List<Linked> link() {
            collectIds(document);
            visit(document);
            flush();
            notesPass = true;
            for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof NotesSection) {
                    visitChildren(n);
                    flush();
                }
            }
            return linked;
        }

        /** The ids of the headings and spans under {@code node}; the leaves (most nodes: text) cost no call. */
        private void collectIds(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof HeadingAttributes h) {
                    h.attributes().id().ifPresent(ids::add);
                } else if (child instanceof Span s) {
                    s.attributes().id().ifPresent(ids::add);
                }
                if (child.getFirstChild() != null) {
                    collectIds(child);
                }
            }
        }

        private void visit(Node node) {
            if (node instanceof Text text) {
                run.append(text);
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                run.space(node);
            } else if (node instanceof Emphasis || node instanceof StrongEmphasis) {
                visitChildren(node);
            } else if (node instanceof Span span) {
                if ("false".equals(span.attributes().pairs().get("spellcheck"))
                        || span.attributes().classes().contains(NO_GLOSSARY)) {
                    run.barrier();
                } else {
                    visitChildren(node);
                }
            } else if (node instanceof HtmlInline html) {
                run.html(html.getLiteral());
            } else if (node instanceof Block || node instanceof TableHead || node instanceof TableBody
                    || node instanceof TableRow || node instanceof TableCell) {
                flush();
                if (!(node instanceof Heading || node instanceof HtmlBlock || node instanceof FencedCodeBlock
                        || node instanceof IndentedCodeBlock || (node instanceof NotesSection && !notesPass))) {
                    visitChildren(node);
                    flush();
                }
            } else {
                run.barrier();     // links, images, code, note references, anything else: not matched, nor across
            }
        }

        private void visitChildren(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                visit(child);
            }
        }

        /** Matches the text gathered since the last block boundary, links first uses, and starts afresh. */
        private void flush() {
            if (run.length() == 0) {
                return;
            }
            List<TextRun.Wrap> wraps = new ArrayList<>();
            List<GlossaryLink> links = new ArrayList<>();
            matcher.find(run.text(), run.length(), (start, end, entry) -> {
                if (done.get(entry)) {
                    return;     // linked before in this chapter: the match only keeps shorter terms out of it
                }
                TextRun.Wrap wrap = run.wrap(start, end);
                if (wrap != null) {
                    done.set(entry);
                    Target target = targets.get(entry);
                    String id = target.linkId();
                    for (int n = 2; !ids.add(id); n++) {
                        id = target.linkId() + "-" + n;
                    }
                    wraps.add(wrap);
                    links.add(new GlossaryLink(target.entry(), id, target.href()));
                    linked.add(new Linked(entry, id));
                }
            });
            // Right to left: splitting a text node keeps its head in place, so the earlier matches stay valid.
            for (int k = wraps.size() - 1; k >= 0; k--) {
                wraps.get(k).apply(links.get(k));
            }
            run.clear();
        }
    }
}
