package org.bookbinder.accessibility;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.render.Rendition.ContentDocument;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the rendered content documents once (a streaming XML pass, in parallel) and reports what they contain
 * ({@link ContentFacts}) and what a screen reader would trip over: an {@code epub:type} without its ARIA role
 * (A11Y-004), a deprecated DPUB-ARIA role (A11Y-005), a document without {@code lang} and {@code xml:lang} (A11Y-006).
 * It inspects whatever the features wrote (notes, glossary, bibliography, raw HTML), so the claims follow the content.
 */
public final class ContentInspector {
    static final String OPS = "http://www.idpf.org/2007/ops";
    static final String XML = "http://www.w3.org/XML/1998/namespace";

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

    private static final XMLInputFactory FACTORY = factory();

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

    private static Counts inspect(ContentDocument doc, String language, String file, Diagnostics diagnostics) {
        Counts c = new Counts();
        String bookLanguage = language.toLowerCase(Locale.ROOT);
        // the nav type of each open element, so links know whether they sit in the toc or the landmarks
        Deque<String> navs = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(doc.xhtml()));
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    names.pop();
                    navs.pop();
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                String type = attr(r, OPS, "type");
                String role = attr(r, null, "role");
                String lang = attr(r, null, "lang");
                String xmlLang = attr(r, XML, "lang");
                int line = r.getLocation().getLineNumber();
                int column = r.getLocation().getColumnNumber();
                String nav = "nav".equals(name) && type != null ? type : navs.isEmpty() ? "" : navs.peek();
                names.push(name);
                navs.push(nav);
                if (root) {
                    root = false;
                    if (lang == null || xmlLang == null || !lang.equals(xmlLang)) {
                        diagnostics.report(Code.A11Y_006, file, line, column,
                                "the document's <html> needs lang and xml:lang, both the same (has lang=" + quote(lang) + ", xml:lang=" + quote(xmlLang) + ")");
                    }
                }
                String marked = lang != null ? lang : xmlLang;
                if (marked != null && !marked.isBlank() && !marked.toLowerCase(Locale.ROOT).equals(bookLanguage)) {
                    c.otherLanguages.add(marked);
                }
                if (role != null) {
                    c.roles++;
                }
                switch (name) {
                    case "img" -> {
                        c.images++;
                        String alt = attr(r, null, "alt");
                        if ("presentation".equals(role) || "none".equals(role) || "".equals(alt)) {
                            c.decorative++;
                        } else if (alt != null && !alt.isBlank()) {
                            c.imagesWithAlt++;
                        }
                    }
                    case "h1", "h2", "h3", "h4", "h5", "h6" -> c.headings++;
                    case "math" -> c.math = true;
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
                    types(c, name, type, role, nav, file, line, column, diagnostics);
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a rendered document is not well-formed XML: " + doc.href(), e);
        }
        return c;
    }

    private static void types(Counts c, String name, String type, String role, String nav, String file, int line,
                              int column, Diagnostics diagnostics) {
        List<String> types = Arrays.asList(type.trim().split("\\s+"));
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
            diagnostics.report(Code.A11Y_005, file, line, column, "role '" + role + "' is deprecated (DPUB-ARIA 1.1): leave it out and keep epub:type='" + type + "'");
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
            String actual = role != null ? role.trim().split("\\s+")[0] : IMPLICIT_ROLE.get(name);
            if (!expected.equals(actual)) {
                diagnostics.report(Code.A11Y_004, file, line, column,
                        "<" + name + " epub:type='" + type + "'> needs role='" + expected + "'" + (role == null ? "" : " (has role='" + role + "')"));
            }
            break; // the first type with a role decides, as in DAISY Ace
        }
    }

    private static String attr(XMLStreamReader r, String namespace, String local) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            boolean sameNs = namespace == null ? ns == null || ns.isEmpty() : namespace.equals(ns);
            if (sameNs && local.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String quote(String s) {
        return s == null ? "none" : "'" + s + "'";
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
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
