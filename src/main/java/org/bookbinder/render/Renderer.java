package org.bookbinder.render;

import org.bookbinder.Background;
import org.bookbinder.Version;
import org.bookbinder.annotate.AnnotatedBook;
import org.bookbinder.annotate.AnnotatedChapter;
import org.bookbinder.annotate.Section;
import org.bookbinder.annotate.glossary.GlossaryPage;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.annotate.citations.BibliographyPage;
import org.bookbinder.load.BookConfig;
import org.bookbinder.load.FrontMatter;
import org.bookbinder.load.Colophon;
import org.bookbinder.render.Rendition.ContentDocument;
import org.bookbinder.render.Rendition.NavPoint;
import org.bookbinder.render.links.ChapterLinks;
import org.bookbinder.render.print.Hyphenator;
import org.jsoup.nodes.Element;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Stage 3: renders the annotated book into the EPUB's content documents and the single-file print edition,
 * both from the same rendered chapter bodies. Chapters render in parallel.
 */
public final class Renderer {
    static final String TITLE_PAGE = "titlepage";
    static final String NAV = "nav";
    static final String COLOPHON = "colophon";
    /** The id of the colophon page's heading, in both editions' templates. */
    public static final String COLOPHON_TITLE_ID = "colophon-title";
    /** What the colophon's own ids are prefixed with in the print edition, as each chapter's are with its slug. */
    static final String COLOPHON_PRINT_PREFIX = "colophon-text-";
    /** Section types that get an entry in the nav's landmarks when a chapter (or generated page) has them. */
    static final Set<String> LANDMARK_TYPES = Set.of("preface", "introduction", "glossary", "bibliography", "endnotes", "appendix");

    private Renderer() {
    }

    public static Rendition render(AnnotatedBook book) {
        return render(book, () -> { });
    }

    /** {@link #render(AnnotatedBook)}, running {@code chapterDone} as each chapter is rendered (from any thread). */
    public static Rendition render(AnnotatedBook book, Runnable chapterDone) {
        return renderChapters(book, chapterDone).finish();
    }

    /**
     * The first half of rendering, all that needs the annotated trees: each chapter for both editions (in parallel,
     * running {@code chapterDone} as each is done). {@link Chapters#finish} does the rest from what this keeps, so
     * that a caller can let a big book's trees go in between.
     */
    public static Chapters renderChapters(AnnotatedBook book, Runnable chapterDone) {
        return renderChapters(book, chapterDone, new Diagnostics());
    }

    /** {@link #renderChapters(AnnotatedBook, Runnable)}, reporting what sanitising a chapter's raw HTML changed. */
    public static Chapters renderChapters(AnnotatedBook book, Runnable chapterDone, Diagnostics diagnostics) {
        BookConfig config = book.config();
        // The print edition's hyphenation patterns are read (once a process) on another thread meanwhile: tens of
        // milliseconds that the first chapters would otherwise wait for, with the other core idle.
        CompletableFuture<?> patterns = CompletableFuture.runAsync(() -> Hyphenator.forLanguage(config.language()));
        Map<String, Object> common = commonVariables(book);

        ImageLinks images = new ImageLinks(book.images());
        // Pages that features write from the whole book, after the chapters and before the colophon. What the
        // chapters need of them is made first, so that each chapter can be rendered for both editions in one task and
        // its trees let go. The glossary page is written and set for print on another
        // thread while the chapters render.
        Optional<GlossaryPage.PrintDefinitions> definitions = book.glossary().map(GlossaryPage::printDefinitions);
        Optional<GeneratedPage> bibliography = book.bibliography().map(BibliographyPage::of);
        List<String> slugs = new ArrayList<>();
        book.chapters().forEach(c -> slugs.add(c.slug()));
        book.glossary().ifPresent(g -> slugs.add(GlossaryPage.SLUG));
        bibliography.ifPresent(b -> slugs.add(b.slug()));
        patterns.exceptionally(e -> null).join();        // should reading them fail, Setting.of fails as it always did
        PrintEdition.Setting setting = PrintEdition.Setting.of(book, slugs);
        CompletableFuture<Optional<GlossaryPage>> glossaryPage = CompletableFuture.supplyAsync(
                () -> book.glossary().map(g -> GlossaryPage.of(g, config.language(), diagnostics)));
        CompletableFuture<Optional<Map<String, Object>>> glossaryPrint = glossaryPage.thenApplyAsync(
                page -> page.map(g -> PrintEdition.set(PrintEdition.Part.of(g.page(), Markup.parseFragment(g.page().bodyXhtml())), setting)));

        List<RenderedChapter> chapters = book.chapters().parallelStream()
                .map(c -> {
                    RenderedChapter r = renderChapter(c, common, images, definitions, setting, diagnostics);
                    chapterDone.run();
                    return r;
                }).toList();
        ColophonText colophon = book.colophon().map(c -> colophon(c, images, setting, diagnostics)).orElse(ColophonText.NONE);
        return new Chapters(config, book.modified(), book.epubCss(), book.printCss(), common, images, setting, chapters,
                glossaryPage, glossaryPrint, bibliography, colophon);
    }

    /** What the second half of rendering needs: the rendered chapters and the book's settings, without its trees. */
    public static final class Chapters {
        private final BookConfig config;
        private final Instant modified;
        private final String epubCss;
        private final String printCss;
        private final Map<String, Object> common;
        private final ImageLinks images;
        private final PrintEdition.Setting setting;
        private final List<RenderedChapter> chapters;
        private final CompletableFuture<Optional<GlossaryPage>> glossaryPage;
        private final CompletableFuture<Optional<Map<String, Object>>> glossaryPrint;
        private final Optional<GeneratedPage> bibliography;
        private final ColophonText colophon;

        private Chapters(BookConfig config, Instant modified, String epubCss, String printCss, Map<String, Object> common,
                         ImageLinks images, PrintEdition.Setting setting, List<RenderedChapter> chapters,
                         CompletableFuture<Optional<GlossaryPage>> glossaryPage,
                         CompletableFuture<Optional<Map<String, Object>>> glossaryPrint, Optional<GeneratedPage> bibliography,
                         ColophonText colophon) {
            this.config = config;
            this.modified = modified;
            this.epubCss = epubCss;
            this.printCss = printCss;
            this.common = common;
            this.images = images;
            this.setting = setting;
            this.chapters = chapters;
            this.glossaryPage = glossaryPage;
            this.glossaryPrint = glossaryPrint;
            this.bibliography = bibliography;
            this.colophon = colophon;
        }

        /** The second half: the generated pages, the title page, nav and colophon, and the print edition put together. */
        public Rendition finish() {
            return Renderer.finish(this);
        }
    }

    private static Rendition finish(Chapters rendered) {
        BookConfig config = rendered.config;
        Map<String, Object> common = rendered.common;
        ImageLinks images = rendered.images;
        PrintEdition.Setting setting = rendered.setting;
        List<RenderedChapter> chapters = rendered.chapters;
        Optional<GeneratedPage> bibliography = rendered.bibliography;
        List<RenderedChapter> front = chapters.stream().filter(c -> c.chapter.frontMatter().matter() == FrontMatter.Matter.FRONT).toList();
        List<RenderedChapter> body = chapters.stream().filter(c -> c.chapter.frontMatter().matter() == FrontMatter.Matter.BODY).toList();
        List<RenderedChapter> back = chapters.stream().filter(c -> c.chapter.frontMatter().matter() == FrontMatter.Matter.BACK).toList();
        List<RenderedChapter> ordered = new ArrayList<>(front);
        ordered.addAll(body);
        ordered.addAll(back);
        List<GeneratedPage> generated = new ArrayList<>();
        rendered.glossaryPage.join().ifPresent(g -> generated.add(g.page()));
        bibliography.ifPresent(generated::add);
        // The print edition's last parts are put together on another core while the EPUB's pages are made here.
        CompletableFuture<ByteBuffer> printHtml = CompletableFuture.supplyAsync(() -> {
            List<Map<String, Object>> printParts = new ArrayList<>();
            ordered.forEach(c -> printParts.add(c.printPart));
            rendered.glossaryPrint.join().ifPresent(printParts::add);
            bibliography.ifPresent(g -> printParts.add(PrintEdition.set(PrintEdition.Part.of(g, Markup.parseFragment(g.bodyXhtml())), setting)));
            return PrintEdition.render(rendered.printCss, setting, printParts, rendered.colophon.print(), common);
        });

        List<NavPoint> toc = new ArrayList<>();
        toc.add(new NavPoint("Title Page", href(TITLE_PAGE), List.of()));
        for (RenderedChapter c : ordered) {
            List<NavPoint> sections = c.chapter.sections().stream().filter(s -> !s.title().isBlank())
                    .map(s -> new NavPoint(s.title(), href(c.chapter.slug()) + "#" + s.id(), List.of())).toList();
            toc.add(new NavPoint(c.chapter.title(), href(c.chapter.slug()), sections));
        }
        for (GeneratedPage g : generated) {
            toc.add(new NavPoint(g.title(), href(g.slug()), List.of()));
        }
        toc.add(new NavPoint("Colophon", href(COLOPHON), List.of()));

        List<Map<String, String>> landmarks = new ArrayList<>();
        landmarks.add(landmark("titlepage", "Title Page", href(TITLE_PAGE)));
        landmarks.add(landmark("toc", "Table of Contents", "nav.xhtml#toc"));
        RenderedChapter firstBody = body.isEmpty() ? ordered.get(0) : body.get(0);
        landmarks.add(landmark("bodymatter", "Start of Content", href(firstBody.chapter.slug())));
        for (RenderedChapter c : ordered) {
            String type = c.chapter.frontMatter().type();
            if (LANDMARK_TYPES.contains(type)) {
                landmarks.add(landmark(type, c.chapter.title(), href(c.chapter.slug())));
            }
        }
        for (GeneratedPage g : generated) {
            if (LANDMARK_TYPES.contains(g.type())) {
                landmarks.add(landmark(g.type(), g.title(), href(g.slug())));
            }
        }
        landmarks.add(landmark("colophon", "Colophon", href(COLOPHON)));

        List<ContentDocument> documents = new ArrayList<>();
        documents.add(page(TITLE_PAGE, "Title Page", Templates.epub("titlepage.xhtml", common), Set.of()));
        Map<String, Object> navVars = new HashMap<>(common);
        navVars.put("toc", toc);
        navVars.put("landmarks", landmarks);
        documents.add(new ContentDocument(NAV, "nav.xhtml", "Contents", Templates.epub("nav.xhtml", navVars), Set.of("nav"), true));
        for (RenderedChapter c : ordered) {
            documents.add(page(c.chapter.slug(), c.chapter.title(), c.xhtml, c.chapter.manifestProperties()));
        }
        List<Rendition.PackageResource> resources = new ArrayList<>(images.resources());
        for (GeneratedPage g : generated) {
            documents.add(page(g.slug(), g.title(), Templates.epub("chapter.xhtml", pageVariables(common, g.title(), "backmatter",
                    g.type(), g.titleId(), g.bodyXhtml())), g.manifestProperties()));
            resources.addAll(g.resources());
        }
        Map<String, Object> colophonVars = new HashMap<>(common);
        colophonVars.put("colophonHtml", rendered.colophon.epub());
        documents.add(page(COLOPHON, "Colophon", Templates.epub("colophon.xhtml", colophonVars), Set.of()));

        return new Rendition(config, rendered.modified, documents, rendered.epubCss, toc, Background.join(printHtml), resources);
    }

    static String href(String slug) {
        return "text/" + slug + ".xhtml";
    }

    private static Map<String, String> landmark(String type, String title, String href) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("title", title);
        m.put("href", href);
        return m;
    }

    private static ContentDocument page(String slug, String title, String xhtml, Set<String> properties) {
        return page(slug, title, xhtml.getBytes(StandardCharsets.UTF_8), properties);
    }

    private static ContentDocument page(String slug, String title, byte[] xhtml, Set<String> properties) {
        return new ContentDocument(slug.matches("[A-Za-z].*") ? slug : "c-" + slug, href(slug), title, xhtml, properties, true);
    }

    /**
     * A chapter rendered once, serialised twice: XHTML for the EPUB, and its part of the print edition (set, as
     * HTML, with what the edition's template needs).
     */
    private record RenderedChapter(About chapter, byte[] xhtml, Map<String, Object> printPart) {
    }

    /** What the second half of rendering needs of a chapter: not its tree. */
    private record About(String slug, String title, List<Section> sections, FrontMatter frontMatter, Set<String> manifestProperties) {
        static About of(AnnotatedChapter c) {
            return new About(c.slug(), c.title(), c.sections(), c.frontMatter(), c.manifestProperties());
        }
    }

    private static RenderedChapter renderChapter(AnnotatedChapter chapter, Map<String, Object> common, ImageLinks images,
                                                 Optional<GlossaryPage.PrintDefinitions> glossary, PrintEdition.Setting setting,
                                                 Diagnostics diagnostics) {
        // raw HTML may be anything: sanitised, with each change reported where it was written (both editions)
        ChapterHtml.Body rendered = ChapterHtml.body(chapter.document(), chapter.file(), new HashSet<>(), diagnostics);
        String html = rendered.html();
        Element body = rendered.element();
        String content;
        if (DirectXhtml.applies(chapter.document(), html)) {
            content = html;                             // jsoup would write the same: see DirectXhtml (never with raw HTML)
        } else {
            ChapterLinks.linkForEpub(body);
            images.linkForEpub(body, chapter.file());
            content = Markup.xhtml(body);
        }
        Map<String, Object> vars = pageVariables(common, chapter.title(),
                chapter.frontMatter().matter().name().toLowerCase(Locale.ROOT) + "matter", chapter.frontMatter().type(),
                chapter.titleId(), content);
        byte[] xhtml = Templates.epub("chapter.xhtml", vars).getBytes(StandardCharsets.UTF_8);
        // The e-book's XHTML is written: the same tree becomes the print edition's, not a copy of it (the xml:lang that
        // XHTML added goes with the other EPUB-only attributes when the part is set).
        images.embedForPrint(body);
        glossary.ifPresent(g -> g.addTo(body));
        return new RenderedChapter(About.of(chapter), xhtml, PrintEdition.set(PrintEdition.Part.of(chapter, body), setting));
    }

    /** book.yaml's colophon text, as the EPUB's colophon page and the print edition's have it; empty when there is none. */
    private record ColophonText(String epub, String print) {
        static final ColophonText NONE = new ColophonText("", "");
    }

    /**
     * The colophon's text for both editions, rendered as a chapter is: its raw HTML sanitised (reported at book.yaml's
     * lines), its links to chapters and its images pointed where each edition has them.
     */
    private static ColophonText colophon(Colophon colophon, ImageLinks images, PrintEdition.Setting setting, Diagnostics diagnostics) {
        Set<String> pageIds = new HashSet<>(Set.of(COLOPHON_TITLE_ID));
        Element body = ChapterHtml.body(colophon.document(), colophon.file(), pageIds, diagnostics).element();
        ChapterLinks.linkForEpub(body);
        images.linkForEpub(body, colophon.file());
        String epub = Markup.xhtml(body);
        images.embedForPrint(body);
        PrintEdition.localise(body, COLOPHON_PRINT_PREFIX, setting);
        for (Element a : body.select("a[href=\"#" + COLOPHON_PRINT_PREFIX + COLOPHON_TITLE_ID + "\"]")) {
            a.attr("href", "#" + COLOPHON_TITLE_ID);     // the page's heading is the template's, its id not prefixed
        }
        return new ColophonText(epub, Markup.xhtml(body));
    }

    /** The variables of the {@code chapter.xhtml} wrapper, for chapters and generated pages alike. */
    private static Map<String, Object> pageVariables(Map<String, Object> common, String title, String matter, String type,
                                                     String titleId, String contentXhtml) {
        Map<String, Object> vars = new HashMap<>(common);
        vars.put("title", title);
        vars.put("matter", matter);
        vars.put("type", type);
        vars.put("role", "doc-" + type);
        vars.put("titleId", titleId);
        vars.put("content", contentXhtml);
        return vars;
    }

    /** Variables every page template may use. */
    private static Map<String, Object> commonVariables(AnnotatedBook book) {
        BookConfig c = book.config();
        Map<String, Object> v = new HashMap<>();
        v.put("lang", c.language());
        v.put("bookTitle", c.title());
        v.put("subtitle", c.subtitle().orElse(null));
        v.put("authors", Credits.authors(c.creators()));
        v.put("otherCredits", Credits.others(c.creators()));
        v.put("edition", c.edition().orElse(null));
        v.put("publisher", c.publisher().orElse(null));
        v.put("rights", c.rights().orElse(null));
        v.put("source", c.source().orElse(null));
        v.put("description", c.description().orElse(null));
        LocalDate date = c.date().orElse(book.modified().atZone(ZoneOffset.UTC).toLocalDate());
        v.put("date", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(c.language())).format(date));
        v.put("year", String.valueOf(date.getYear()));
        v.put("identifier", c.identifier());
        v.put("toolVersion", Version.VERSION);
        return v;
    }

    /** Sections of a chapter, for templates. */
    static List<Section> sections(AnnotatedChapter chapter) {
        return chapter.sections();
    }
}
