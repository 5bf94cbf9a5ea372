package org.bookbinder.packaging.accessibility;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.render.Rendition.ContentDocument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the rendered content documents once (one scan of each one's tags, in parallel) and reports what they contain
 * ({@link ContentFacts}) and what a screen reader would trip over: an {@code epub:type} without its ARIA role
 * (A11Y-004), a deprecated DPUB-ARIA role (A11Y-005), a document without {@code lang} and {@code xml:lang} (A11Y-006).
 * It inspects whatever the features wrote (notes, glossary, bibliography, raw HTML), so the claims follow the content.
 */
public final class ContentInspector {
    /**
     * Each EPUB structural semantic that has an ARIA equivalent, and that role (EPUB SSV 1.1 and DPUB-ARIA 1.1;
     * the same table DAISY Ace checks). An element with the type must have the role, explicit or implicit.
     */
    static final Map<String, String> ROLE_OF_TYPE = Map.ofEntries(
            Map.entry("abstract", "doc-abstract"), Map.entry("acknowledgments", "doc-acknowledgments"),
            Map.entry("afterword", "doc-afterword"), Map.entry("appendix", "doc-appendix"),
            Map.entry("bibliography", "doc-bibliography"), Map.entry("biblioref", "doc-biblioref"),
            Map.entry("chapter", "doc-chapter"), Map.entry("colophon", "doc-colophon"),
            Map.entry("conclusion", "doc-conclusion"), Map.entry("credit", "doc-credit"),
            Map.entry("credits", "doc-credits"), Map.entry("dedication", "doc-dedication"),
            Map.entry("endnotes", "doc-endnotes"), Map.entry("epigraph", "doc-epigraph"),
            Map.entry("epilogue", "doc-epilogue"), Map.entry("errata", "doc-errata"), Map.entry("figure", "figure"),
            Map.entry("footnote", "doc-footnote"), Map.entry("foreword", "doc-foreword"),
            Map.entry("glossary", "doc-glossary"), Map.entry("glossdef", "definition"),
            Map.entry("glossref", "doc-glossref"), Map.entry("glossterm", "term"), Map.entry("help", "doc-tip"),
            Map.entry("index", "doc-index"), Map.entry("introduction", "doc-introduction"), Map.entry("list", "list"),
            Map.entry("list-item", "listitem"), Map.entry("noteref", "doc-noteref"), Map.entry("notice", "doc-notice"),
            Map.entry("page-list", "doc-pagelist"), Map.entry("pagebreak", "doc-pagebreak"), Map.entry("part", "doc-part"),
            Map.entry("preface", "doc-preface"), Map.entry("prologue", "doc-prologue"),
            Map.entry("pullquote", "doc-pullquote"), Map.entry("qna", "doc-qna"), Map.entry("referrer", "doc-backlink"),
            Map.entry("subtitle", "doc-subtitle"), Map.entry("table", "table"), Map.entry("table-cell", "cell"),
            Map.entry("table-row", "row"), Map.entry("tip", "doc-tip"), Map.entry("toc", "doc-toc"));

    /** Types whose role DPUB-ARIA 1.1 deprecated: the type stays, the role must not be used. */
    static final Set<String> DEPRECATED_ROLES = Set.of("doc-endnote", "doc-biblioentry");

    /** HTML elements whose implicit role satisfies a type's role without an explicit one. */
    private static final Map<String, String> IMPLICIT_ROLE = Map.of(
            "dt", "term", "dd", "definition", "ol", "list", "ul", "list", "li", "listitem",
            "table", "table", "td", "cell", "tr", "row", "figure", "figure");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ContentInspector() {
    }

    /**
     * @param documents   the content documents, the nav among them
     * @param language    the book's language
     * @param displayRoot how diagnostics name the EPUB's content folder, e.g. {@code build/book.epub/EPUB/}
     */
    public static ContentFacts inspect(List<ContentDocument> documents, String language, String displayRoot,
                                       Diagnostics diagnostics) {
        List<Counts> counts = documents.parallelStream()
                .map(d -> inspect(d, language, displayRoot + d.href(), diagnostics)).toList();
        Counts all = new Counts();
        counts.forEach(all::add);
        return new ContentFacts(all.images, all.imagesWithAlt, all.decorative, all.headings, all.tocEntries,
                all.landmarks, all.pageList, all.pageBreaks, all.math, all.tables, all.audio, all.video, all.notes,
                all.sectionTypes, all.otherLanguages, all.roles);
    }

    /**
     * One pass over the document's tags. The documents are the tool's own serialisation (well-formed XHTML,
     * attributes in double quotes, {@code <} only in markup), so a tag scanner does what an XML parser would at
     * a fraction of the cost on a big book; only the tags that matter have their attributes read.
     *
     * <p>The scanner reads the document's UTF-8 bytes as ISO-8859-1, one character a byte: the markup it looks for is
     * ASCII, and decoding tens of megabytes as UTF-8 (to UTF-16, for the curly quotes) was half of its time. What it
     * takes out of the text, attribute values and the column of a tag, it reads as UTF-8 again ({@link #utf8}).
     */
    private static Counts inspect(ContentDocument doc, String language, String file, Diagnostics diagnostics) {
        Counts c = new Counts();
        String bookLanguage = language.toLowerCase(Locale.ROOT);
        String x = new String(doc.utf8(), StandardCharsets.ISO_8859_1);
        Deque<String> navs = new ArrayDeque<>();
        boolean root = true;
        int at = x.indexOf('<');
        while (at >= 0 && at + 1 < x.length()) {
            char next = x.charAt(at + 1);
            if (next == '!' && x.startsWith("<!--", at)) {
                int close = x.indexOf("-->", at + 4);
                at = close < 0 ? -1 : x.indexOf('<', close + 3);
                continue;
            }
            int end = x.indexOf('>', at);
            if (end < 0) {
                break;
            }
            if (next == '/') {
                if (x.startsWith("nav", at + 2) && !navs.isEmpty()) {
                    navs.pop();
                }
                at = x.indexOf('<', end);
                continue;
            }
            if (next == '?' || next == '!') {
                at = x.indexOf('<', end);
                continue;
            }
            int nameEnd = at + 1;
            while (nameEnd < end && !Character.isWhitespace(x.charAt(nameEnd)) && x.charAt(nameEnd) != '/') {
                nameEnd++;
            }
            String name = x.substring(at + 1, nameEnd);
            String tag = x.substring(nameEnd, end);
            boolean selfClosing = tag.endsWith("/");
            String type = attr(tag, "epub:type");
            String role = attr(tag, "role");
            String nav = navs.isEmpty() ? "" : navs.peek();
            if ("nav".equals(name) && !selfClosing) {
                nav = type == null ? "" : type;
                navs.push(nav);
            }
            if (root) {
                root = false;
                String lang = attr(tag, "lang");
                String xmlLang = attr(tag, "xml:lang");
                if (lang == null || xmlLang == null || !lang.equals(xmlLang)) {
                    diagnostics.report(Code.A11Y_006, file, line(x, at), column(x, at),
                            "the document's <html> needs lang and xml:lang, both the same (has lang=" + quote(lang) + ", xml:lang=" + quote(xmlLang) + ")");
                }
            } else if (tag.contains("lang=\"")) {
                String marked = attr(tag, "lang") != null ? attr(tag, "lang") : attr(tag, "xml:lang");
                if (marked != null && !marked.isBlank() && !marked.toLowerCase(Locale.ROOT).equals(bookLanguage)) {
                    c.otherLanguages.add(marked);
                }
            }
            if (role != null) {
                c.roles++;
            }
            switch (name) {
                case "img" -> {
                    c.images++;
                    String alt = attr(tag, "alt");
                    if ("presentation".equals(role) || "none".equals(role) || "".equals(alt)) {
                        c.decorative++;
                    } else if (alt != null && !alt.isBlank()) {
                        c.imagesWithAlt++;
                    }
                }
                case "h1", "h2", "h3", "h4", "h5", "h6" -> c.headings++;
                case "math", "m:math", "mml:math" -> c.math = true;
                case "table" -> c.tables = true;
                case "audio" -> c.audio = true;
                case "video" -> c.video = true;
                case "a" -> {
                    if (nav.contains("toc")) {
                        c.tocEntries++;
                    } else if (nav.contains("landmarks")) {
                        c.landmarks++;
                    }
                }
                default -> {
                }
            }
            if (type != null) {
                types(c, name, type, role, nav, file, x, at, diagnostics);
            }
            at = x.indexOf('<', end);
        }
        return c;
    }

    /** The value of attribute {@code name} in a start tag's attribute text, unescaped; null when absent. */
    static String attr(String tag, String name) {
        int from = 0;
        while (true) {
            int i = tag.indexOf(name + "=\"", from);
            if (i < 0) {
                return null;
            }
            if (i == 0 || Character.isWhitespace(tag.charAt(i - 1))) {
                int start = i + name.length() + 2;
                int close = tag.indexOf('"', start);
                return close < 0 ? null : org.jsoup.parser.Parser.unescapeEntities(utf8(tag.substring(start, close)), true);
            }
            from = i + 1;
        }
    }

    private static int line(String x, int offset) {
        int line = 1;
        for (int i = x.indexOf('\n'); i >= 0 && i < offset; i = x.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    /** The 1-based column of the tag's {@code <}, in characters. */
    private static int column(String x, int at) {
        int lineStart = x.lastIndexOf('\n', at) + 1;
        return utf8(x.substring(lineStart, at)).length() + 1;
    }

    /** Text read as ISO-8859-1 from UTF-8 bytes, as the UTF-8 it was. */
    private static String utf8(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) >= 0x80) {
                return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return latin1;
    }

    private static void types(Counts c, String name, String type, String role, String nav, String file, String x,
                              int at, Diagnostics diagnostics) {
        List<String> types = Arrays.asList(SPACES.split(type.trim()));
        if (types.contains("page-list") && "nav".equals(name)) {
            c.pageList = true;
        }
        if (types.contains("pagebreak")) {
            c.pageBreaks++;
        }
        if (types.contains("footnote") || types.contains("endnote") || types.contains("rearnote")) {
            c.notes++;
        }
        if (Set.of("section", "aside", "nav", "div", "body").contains(name)) {
            c.sectionTypes.addAll(types);
        }
        if (role != null && DEPRECATED_ROLES.contains(role)) {
            diagnostics.report(Code.A11Y_005, file, line(x, at), column(x, at), "role '" + role + "' is deprecated (DPUB-ARIA 1.1): leave it out and keep epub:type='" + type + "'");
            return;
        }
        if (nav.contains("landmarks") && !"nav".equals(name)) {
            return; // landmarks links name their targets' types; they are not those things
        }
        for (String t : types) {
            String expected = ROLE_OF_TYPE.get(t);
            if (expected == null) {
                continue;
            }
            String actual = role != null ? SPACES.split(role.trim())[0] : IMPLICIT_ROLE.get(name);
            if (!expected.equals(actual)) {
                diagnostics.report(Code.A11Y_004, file, line(x, at), column(x, at),
                        "<" + name + " epub:type='" + type + "'> needs role='" + expected + "'" + (role == null ? "" : " (has role='" + role + "')"));
            }
            break; // the first type with a role decides, as in DAISY Ace
        }
    }

    private static String quote(String s) {
        return s == null ? "none" : "'" + s + "'";
    }

    /** Per-document tallies, summed in document order. */
    private static final class Counts {
        int images;
        int imagesWithAlt;
        int decorative;
        int headings;
        int tocEntries;
        int landmarks;
        boolean pageList;
        int pageBreaks;
        boolean math;
        boolean tables;
        boolean audio;
        boolean video;
        int notes;
        int roles;
        final TreeSet<String> sectionTypes = new TreeSet<>();
        final TreeSet<String> otherLanguages = new TreeSet<>();

        void add(Counts o) {
            images += o.images;
            imagesWithAlt += o.imagesWithAlt;
            decorative += o.decorative;
            headings += o.headings;
            tocEntries += o.tocEntries;
            landmarks += o.landmarks;
            pageList |= o.pageList;
            pageBreaks += o.pageBreaks;
            math |= o.math;
            tables |= o.tables;
            audio |= o.audio;
            video |= o.video;
            notes += o.notes;
            roles += o.roles;
            sectionTypes.addAll(o.sectionTypes);
            otherLanguages.addAll(o.otherLanguages);
        }
    }
}
