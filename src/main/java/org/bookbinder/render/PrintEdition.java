package org.bookbinder.render;

import org.bookbinder.annotate.AnnotatedBook;
import org.bookbinder.annotate.AnnotatedChapter;
import org.bookbinder.annotate.Section;
import org.bookbinder.render.print.ClassNames;
import org.bookbinder.render.print.EmbeddedFonts;
import org.bookbinder.render.print.FineTypography;
import org.bookbinder.render.print.Hyphenator;
import org.bookbinder.render.print.LongParagraphs;
import org.bookbinder.render.print.NotePlacement;
import org.bookbinder.render.print.PageGeometry;
import org.bookbinder.render.print.TextLength;
import org.jsoup.nodes.Element;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The single-file print edition: title page, contents and every chapter in one HTML5 document with the print
 * stylesheet inlined. Each chapter's ids are prefixed with the chapter's slug so that they stay unique in one
 * document, and links between chapter files become links within the page. Notes move beside their references,
 * and the text gets the print-only typesetting of {@code render/print} (soft hyphens, no-break spaces, small
 * capitals); the page itself (paper, margins, running heads, fonts) is {@code templates/print/page.css}.
 */
final class PrintEdition {
    private PrintEdition() {
    }

    /** One chapter or generated page of the edition, with its rendered body. */
    record Part(String slug, String titleId, String title, String type, String matter, List<Section> sections, Element body) {
        static Part of(AnnotatedChapter c, Element body) {
            return new Part(c.slug(), c.titleId(), c.title(), c.frontMatter().type(),
                    c.frontMatter().matter().name().toLowerCase(Locale.ROOT), c.sections(), body);
        }

        static Part of(GeneratedPage page, Element body) {
            return new Part(page.slug(), page.titleId(), page.title(), page.type(), "back", List.of(), body);
        }
    }

    /**
     * What setting one part needs of the whole book, made once before the chapters are set, so that each chapter can
     * be set in the task that renders it, and its tree let go.
     */
    record Setting(String language, Map<String, String> prefixes, PageGeometry geometry, Optional<Hyphenator> hyphenator) {
        static Setting of(AnnotatedBook book, List<String> slugs) {
            Map<String, String> prefixes = new HashMap<>();
            for (String slug : slugs) {
                prefixes.put(slug + ".xhtml", prefix(slug));
            }
            return new Setting(book.config().language(), Map.copyOf(prefixes), PageGeometry.of(book.config().print()),
                    Hyphenator.forLanguage(book.config().language()));
        }
    }

    /**
     * Sets one part (a chapter or a generated page; parts are independent of one another, so they are set in
     * parallel): its ids localised, its notes beside their references, long paragraphs divided, the fine
     * typography; returns what the {@code book.html} template needs of it, its HTML included.
     */
    static Map<String, Object> set(Part p, Setting setting) {
        String prefix = prefix(p.slug());
        localiseIds(p.body(), prefix, setting.prefixes());
        NotePlacement.placeBesideReferences(p.body());
        double density = noteDensity(p.body());
        LongParagraphs.divide(p.body(), setting.geometry(), setting.geometry().columnsFor(density));
        FineTypography.apply(p.body(), setting.language(), setting.hyphenator());
        Map<String, Object> ch = new LinkedHashMap<>();
        ch.put("id", prefix.substring(0, prefix.length() - 1));
        ch.put("titleId", prefix + p.titleId());
        ch.put("title", p.title());
        ch.put("type", p.type());
        ch.put("matter", p.matter());
        ch.put("sections", p.sections().stream().map(s -> Map.of("id", prefix + s.id(), "title", s.title())).toList());
        ch.put("noteDensity", density);
        ch.put("html", new Utf8Markup(Markup.htmlUtf8(p.body())));
        return ch;
    }

    /**
     * The whole edition from its parts, each {@link #set} already, in reading order: the UTF-8 bytes of its file.
     *
     * <p>The {@code book.html} template is rendered with a marker where each part's markup goes, and the parts' bytes
     * are then put in the markers' places: a big book's parts are tens of megabytes, which would otherwise be decoded
     * to text for the template and encoded again, on one thread, while the other core waits. A marker starts with a
     * NUL character, which no part of the template's text can hold in that place (titles are escaped, chapter text is
     * not in the template); should the rendered page hold any marker text but the markers themselves, the parts are
     * written by the template as text instead.
     */
    static ByteBuffer render(String printCss, Setting setting, List<Map<String, Object>> chapters, String colophonHtml,
                         Map<String, Object> common) {
        PageGeometry geometry = setting.geometry();
        Map<String, Object> vars = new HashMap<>(common);
        vars.put("css", printCss);
        vars.put("g", geometry);
        vars.put("rectoHeads", rectoHeads(chapters, geometry));
        vars.put("fonts", EmbeddedFonts.fontFaces());
        vars.put("fontCredit", EmbeddedFonts.CREDIT);
        vars.put("pageCss", Templates.printCss("page.css", vars));
        vars.put("colophonHtml", colophonHtml);
        List<Map<String, Object>> marked = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            Map<String, Object> ch = new LinkedHashMap<>(chapters.get(i));
            ch.put("html", marker(i));
            marked.add(ch);
        }
        vars.put("chapters", marked);
        String page = Templates.print("book.html", vars);
        if (count(page, MARKER) != chapters.size()) {
            vars.put("chapters", chapters);
            return ByteBuffer.wrap(Templates.print("book.html", vars).getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        }
        List<byte[]> between = new ArrayList<>();        // the template's text before each part, and after the last
        int size = 0;
        int from = 0;
        for (int i = 0; i <= chapters.size(); i++) {
            String m = i < chapters.size() ? marker(i) : null;
            int at = m == null ? page.length() : page.indexOf(m, from);
            between.add(page.substring(from, at).getBytes(StandardCharsets.UTF_8));
            size += between.get(i).length + (m == null ? 0 : ((Utf8Markup) chapters.get(i).get("html")).size());
            from = m == null ? at : at + m.length();
        }
        byte[] edition = new byte[size];
        int at = 0;
        for (int i = 0; i <= chapters.size(); i++) {
            at = put(between.get(i), edition, at);
            if (i < chapters.size()) {
                at = put(((Utf8Markup) chapters.get(i).get("html")).take(), edition, at);
            }
        }
        return ByteBuffer.wrap(edition).asReadOnlyBuffer();
    }

    private static final String MARKER = "\u0000bookbinder-part-";

    private static String marker(int i) {
        return MARKER + i + "\u0000";
    }

    private static int put(byte[] piece, byte[] into, int at) {
        System.arraycopy(piece, 0, into, at, piece.length);
        return at + piece.length;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    /**
     * A part's markup held as UTF-8 until the edition is put together (see {@link #render}): half the memory of the
     * text, for the many megabytes of a big book's parts.
     */
    private static final class Utf8Markup {
        private final int size;
        private byte[] utf8;

        Utf8Markup(byte[] utf8) {
            this.utf8 = utf8;
            this.size = utf8.length;
        }

        int size() {
            return size;
        }

        /** The bytes, let go of here, so that the edition's bytes grow as its parts' are dropped. */
        byte[] take() {
            if (utf8 == null) {
                throw new IllegalStateException("a part of the print edition is written once");
            }
            byte[] b = utf8;
            utf8 = null;
            return b;
        }

        /** The markup as text, for the template (when it cannot take the bytes). */
        @Override
        public String toString() {
            return new String(take(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The running heads of right-hand pages: one named page per chapter, carrying its title (Chromium has no
     * {@code string-set}), and the contents and colophon pages.
     */
    private static List<Map<String, Object>> rectoHeads(List<Map<String, Object>> chapters, PageGeometry g) {
        List<Map<String, Object>> heads = new ArrayList<>();
        heads.add(head(null, "contents", "Contents", g.columnsFor(0)));
        for (Map<String, Object> ch : chapters) {
            heads.add(head((String) ch.get("id"), (String) ch.get("id"), (String) ch.get("title"),
                    g.columnsFor((Double) ch.get("noteDensity"))));
        }
        heads.add(head(null, "colophon", "Colophon", g.columnsFor(0)));
        return heads;
    }

    private static Map<String, Object> head(String id, String page, String title, PageGeometry.Columns columns) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("page", page);
        m.put("title", title);
        m.put("columns", columns);
        return m;
    }

    /**
     * How much longer a chapter's notes ({@code span.note}) are than its text (0 when it has none), by the lengths of
     * their text, measured in one walk.
     */
    private static double noteDensity(Element body) {
        TextLength.Lengths lengths = TextLength.of(body, e -> e.nameIs("span") && ClassNames.has(ClassNames.of(e), "note"));
        int notes = lengths.parts();
        if (notes == 0) {
            return 0;
        }
        return (double) notes / Math.max(1, lengths.all() - notes);
    }

    private static String prefix(String slug) {
        return (slug.matches("[A-Za-z].*") ? slug : "c" + slug) + "-";
    }

    /** {@link #localiseIds} for text of the edition that is not a part (the colophon's), its ids prefixed with {@code prefix}. */
    static void localise(Element body, String prefix, Setting setting) {
        localiseIds(body, prefix, setting.prefixes());
    }

    /**
     * In one pass over the part: each id prefixed with the part's prefix, each link within the book made a link
     * within the edition, and the EPUB-only attributes, which have no place in HTML5 ({@code epub:type},
     * {@code xml:lang}), dropped. A walk by index (not {@code getAllElements}, a list of them all) that passes over
     * an element without attributes at once (most elements: removing an attribute would give each an empty set).
     */
    private static void localiseIds(Element body, String prefix, Map<String, String> prefixes) {
        localiseElement(body, prefix, prefixes);
        for (int i = 0; i < body.childNodeSize(); i++) {
            if (body.childNode(i) instanceof Element e) {
                localiseIds(e, prefix, prefixes);
            }
        }
    }

    private static void localiseElement(Element e, String prefix, Map<String, String> prefixes) {
        if (e.attributesSize() > 0) {
            if (e.hasAttr("id")) {
                e.attr("id", prefix + e.attr("id"));
            }
            if (e.nameIs("a") && e.hasAttr("href")) {
                localiseLink(e, prefix, prefixes);
            }
            e.removeAttr("epub:type");
            e.removeAttr("xml:lang");
        }
    }

    private static void localiseLink(Element a, String prefix, Map<String, String> prefixes) {
        String href = a.attr("href");
        if (href.startsWith("#")) {
            a.attr("href", "#" + prefix + href.substring(1));
        } else if (!href.contains(":")) {
            int hash = href.indexOf('#');
            String file = hash < 0 ? href : href.substring(0, hash);
            String other = prefixes.get(file.substring(file.lastIndexOf('/') + 1));
            if (other != null) {
                a.attr("href", "#" + (hash < 0 ? other.substring(0, other.length() - 1) : other + href.substring(hash + 1)));
            }
        }
    }
}
