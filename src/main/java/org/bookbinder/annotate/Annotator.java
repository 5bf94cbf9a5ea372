package org.bookbinder.annotate;

import org.bookbinder.annotate.citations.Citations;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.annotate.glossary.AnnotatedGlossary;
import org.bookbinder.annotate.glossary.GlossaryLinker;
import org.bookbinder.annotate.notes.NoteCounter;
import org.bookbinder.annotate.notes.Notes;
import org.bookbinder.annotate.sanitise.Links;
import org.bookbinder.load.BookConfig;
import org.bookbinder.load.Chapter;
import org.bookbinder.load.Manuscript;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.bookbinder.load.SourcePositions.column;
import static org.bookbinder.load.SourcePositions.line;

/**
 * Stage 2: resolves what crosses documents. Chapters are independent here, so they are annotated in parallel;
 * the book-wide passes (note numbering across chapters, the glossary's backlinks) run after.
 */
public final class Annotator {
    private Annotator() {
    }

    /**
     * @param sourceDateEpoch the value of SOURCE_DATE_EPOCH, if set: it overrides the book's date as the
     *                        package's modification time, for reproducible builds
     */
    public static AnnotatedBook annotate(Manuscript manuscript, Optional<Long> sourceDateEpoch, Diagnostics diagnostics) {
        Citations citations = Citations.of(manuscript, diagnostics);
        List<AnnotatedChapter> chapters = manuscript.chapters().parallelStream()
                .map(c -> annotate(c, citations, diagnostics))
                .toList();
        // Notes are numbered after the parallel passes, and citations formatted after the numbering: whether a
        // citation is a work's first depends on the notes before it. With book-wide numbering each chapter continues
        // where the one before stopped, so both run in reading order. Numbered per chapter (the default), the
        // chapters' notes and citations do not depend on one another, and each chapter is done in parallel.
        boolean bookNumbering = manuscript.config().noteNumbering() == BookConfig.NoteNumbering.BOOK;
        if (bookNumbering) {
            NoteCounter bookCounter = new NoteCounter();
            for (AnnotatedChapter c : chapters) {
                Notes.number(c.file(), c.document(), bookCounter, diagnostics);
                citations.format(c.file(), c.document());
            }
        } else {
            chapters.parallelStream().forEach(c -> {
                Notes.number(c.file(), c.document(), new NoteCounter(), diagnostics);
                citations.format(c.file(), c.document());
            });
        }
        // Markdown outside the chapters, definitions and the colophon, is held to the same rules for links as a chapter.
        manuscript.glossary().ifPresent(g -> g.entries().forEach(e -> Links.sanitise(g.file(), e.definition(), diagnostics)));
        manuscript.colophon().ifPresent(c -> Links.sanitise(c.file(), c.document(), diagnostics));
        // Glossary terms are linked once the notes sit at each chapter's end, so "in a note" is known.
        Optional<AnnotatedGlossary> glossary = manuscript.glossary().map(g -> GlossaryLinker.link(g, chapters, diagnostics));
        Instant modified = sourceDateEpoch.map(Instant::ofEpochSecond)
                .or(() -> manuscript.config().date().map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)))
                .orElse(Instant.EPOCH);
        return new AnnotatedBook(manuscript.config(), chapters, manuscript.epubCss(), manuscript.printCss(), modified,
                manuscript.images(), glossary, citations.bibliography(), manuscript.colophon());
    }

    private static AnnotatedChapter annotate(Chapter chapter, Citations citations, Diagnostics diagnostics) {
        supplyTitle(chapter, diagnostics);
        Map<Heading, String> ids = HeadingIds.assign(chapter.file(), chapter.document(), diagnostics);
        Typography.apply(chapter.document());
        Links.sanitise(chapter.file(), chapter.document(), diagnostics);
        citations.prepare(chapter.file(), chapter.document());
        String title = null;
        String titleId = null;
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<Heading, String> e : ids.entrySet()) {
            Heading h = e.getKey();
            if (h.getLevel() == 1 && title == null) {
                title = PlainText.of(h);
                titleId = e.getValue();
            } else if (h.getLevel() == 2 && !PlainText.of(h).isBlank()) {   // an empty '##' has no words for the contents
                sections.add(new Section(e.getValue(), PlainText.of(h)));
            }
        }
        return new AnnotatedChapter(chapter.file(), chapter.slug(), titleId, title, sections, chapter.frontMatter(),
                chapter.document());
    }

    /**
     * A chapter without a {@code # Title} gets one made from its file name (CHAP-004), at its start, so that its
     * document has a heading to be labelled by and linked to like any other.
     */
    private static void supplyTitle(Chapter chapter, Diagnostics diagnostics) {
        String title = titleFromSlug(chapter.slug());
        for (Node n = chapter.document().getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 1) {
                if (PlainText.of(h).isBlank()) {            // '#' alone: a page, and a nav entry, without a name
                    diagnostics.report(Code.CHAP_004, chapter.file(), line(h), column(h),
                            "the chapter's '# Title' heading is empty; its title will be '" + title + "'");
                    h.appendChild(new Text(title));
                }
                return;
            }
        }
        Node first = chapter.document().getFirstChild();
        boolean empty = first == null || (first instanceof YamlFrontMatterBlock && first.getNext() == null);
        diagnostics.report(Code.CHAP_004, chapter.file(), 1, 1, empty
                ? "the chapter is empty: its page will have only the title '" + title + "'"
                : "the chapter has no '# Title' heading; its title will be '" + title + "'");
        Heading heading = new Heading();
        heading.setLevel(1);
        heading.appendChild(new Text(title));
        if (first instanceof YamlFrontMatterBlock) {
            first.insertAfter(heading);
        } else if (first != null) {
            first.insertBefore(heading);
        } else {
            chapter.document().appendChild(heading);
        }
    }

    /** "03-japanese-pows" → "Japanese pows": a fallback only, reported as a warning. */
    static String titleFromSlug(String slug) {
        String words = slug.replaceFirst("^\\d+[-_ ]*", "").replace('-', ' ').replace('_', ' ').strip();
        if (words.isEmpty()) {
            return slug;
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
