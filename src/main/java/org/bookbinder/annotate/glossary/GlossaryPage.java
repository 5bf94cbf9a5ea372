package org.bookbinder.annotate.glossary;

import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.render.ChapterHtml;
import org.bookbinder.render.GeneratedPage;
import org.bookbinder.render.Markup;
import org.bookbinder.render.links.ChapterLinks;
import org.bookbinder.render.Rendition;
import org.bookbinder.render.Templates;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The glossary page, as EPUB 3 Dictionaries and Glossaries 1.0 describes it: {@code text/glossary.xhtml}, a
 * {@code <dl class="glossary-list">} of {@code <dt epub:type="glossterm"><dfn id="term-…">} and
 * {@code <dd epub:type="glossdef" id="def-…">} in the alphabetical order of the book's language, each definition
 * ending with backlinks to the term's first use in each chapter (in the first {@value #MAX_BACKLINKS} chapters that use
 * it, then "and N more chapters", unlinked); manifest property {@code glossary}; and a search key
 * map ({@code glossary-search-key-map.xml}, properties {@code search-key-map glossary}) listing every term and alias.
 * The renderer wraps the page ({@code epub:type="glossary" role="doc-glossary"}) and puts it in the spine, the
 * contents, the landmarks and the print edition. In the print edition each glossary link also carries its
 * definition as plain text, {@code data-definition}, which the print stylesheet shows on hover or focus.
 */
public final class GlossaryPage {
    /** The page's output name: {@code text/glossary.xhtml}. */
    public static final String SLUG = "glossary";
    static final String TITLE = "Glossary";
    static final String TITLE_ID = "glossary-title";
    static final String SEARCH_KEY_MAP = "glossary-search-key-map.xml";
    static final String SEARCH_KEY_MAP_TYPE = "application/vnd.epub.search-key-map+xml";
    /**
     * The most backlinks an entry lists: a term used in every chapter of a big book would otherwise list hundreds,
     * of no use to a reader (and megabytes of page).
     */
    static final int MAX_BACKLINKS = 10;

    private final GeneratedPage page;
    private final Map<String, String> plainDefinitions;

    private GlossaryPage(GeneratedPage page, Map<String, String> plainDefinitions) {
        this.page = page;
        this.plainDefinitions = plainDefinitions;
    }

    /**
     * Renders the page of {@code glossary} for a book in {@code language} (a BCP 47 tag). Raw HTML in a definition is
     * sanitised as a chapter's is, each change reported at the glossary file's line.
     */
    public static GlossaryPage of(AnnotatedGlossary glossary, String language, Diagnostics diagnostics) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag(language));
        List<AnnotatedGlossary.Entry> sorted = glossary.entries().stream()
                .sorted(Comparator.comparing((AnnotatedGlossary.Entry e) -> e.entry().term(), collator)).toList();
        List<Map<String, Object>> entries = new ArrayList<>();
        List<Map<String, Object>> keys = new ArrayList<>();
        Map<String, String> plain = new HashMap<>();
        Set<String> pageIds = pageIds(glossary);
        for (AnnotatedGlossary.Entry e : sorted) {
            GlossaryEntry entry = e.entry();
            Element definition = ChapterHtml.body(entry.definition(), glossary.file(), pageIds, diagnostics).element();
            ChapterLinks.linkForEpub(definition);
            plain.put(entry.definitionId(), definition.text());
            List<Map<String, Object>> uses = new ArrayList<>();
            for (AnnotatedGlossary.Use u : e.uses().subList(0, Math.min(MAX_BACKLINKS, e.uses().size()))) {
                uses.add(Map.of("href", u.chapterSlug() + ".xhtml#" + u.linkId(), "title", u.chapterTitle(),
                        "label", u.chapterTitle() + " (first use of " + entry.term() + ")"));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("term", entry.term());
            m.put("termId", entry.termId());
            m.put("definitionId", entry.definitionId());
            m.put("definition", Markup.xhtml(definition));
            m.put("uses", uses);
            m.put("more", more(e.uses().size() - uses.size()));
            entries.add(m);
            keys.add(Map.of("href", "text/" + SLUG + ".xhtml#" + entry.termId(), "term", entry.term(), "aliases", entry.aliases()));
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("title", TITLE);
        vars.put("titleId", TITLE_ID);
        vars.put("entries", entries);
        String body = Templates.epub("glossary.xhtml", vars);

        Map<String, Object> keyVars = new HashMap<>();
        keyVars.put("lang", language);
        keyVars.put("entries", keys);
        byte[] searchKeyMap = Templates.epub(SEARCH_KEY_MAP, keyVars).getBytes(StandardCharsets.UTF_8);
        Rendition.PackageResource resource = new Rendition.PackageResource("glossary-search-key-map", SEARCH_KEY_MAP,
                SEARCH_KEY_MAP_TYPE, searchKeyMap, Set.of("search-key-map", "glossary"));
        return new GlossaryPage(new GeneratedPage(SLUG, TITLE_ID, TITLE, "glossary", body, Set.of("glossary"), List.of(resource)),
                Map.copyOf(plain));
    }

    /** The ids the page has besides the definitions' own: its title's, and each entry's term's and definition's. */
    public static Set<String> pageIds(AnnotatedGlossary glossary) {
        Set<String> ids = new HashSet<>(Set.of(TITLE_ID));
        for (AnnotatedGlossary.Entry e : glossary.entries()) {
            ids.add(e.entry().termId());
            ids.add(e.entry().definitionId());
        }
        return ids;
    }

    /** The words after the backlinks for the chapters not listed: "and 3 more chapters"; null when all are listed. */
    static String more(int unlisted) {
        return unlisted == 0 ? null : "and " + unlisted + " more " + (unlisted == 1 ? "chapter" : "chapters");
    }

    /**
     * The definitions as plain text, for {@link PrintDefinitions#addTo}: what the chapters' print bodies need of the
     * glossary, without the page (the page is made while the chapters render).
     */
    public static PrintDefinitions printDefinitions(AnnotatedGlossary glossary) {
        Map<String, String> plain = new HashMap<>();
        for (AnnotatedGlossary.Entry e : glossary.entries()) {
            // sanitised as on the page, which reports what sanitising changed: not reported twice
            Element definition = ChapterHtml.body(e.entry().definition(), glossary.file(), new HashSet<>(), new Diagnostics()).element();
            plain.put(e.entry().definitionId(), definition.text());
        }
        return new PrintDefinitions(Map.copyOf(plain));
    }

    /** Each definition's plain text by its id, for the print edition's glossary links. */
    public static final class PrintDefinitions {
        /** Each definition's plain text by the href of the links to it, {@code glossary.xhtml#def-…}. */
        private final Map<String, String> byHref = new HashMap<>();

        private PrintDefinitions(Map<String, String> plainDefinitions) {
            plainDefinitions.forEach((id, text) -> byHref.put(SLUG + ".xhtml#" + id, text));
        }

        /**
         * Gives each glossary link of a chapter's print body its definition as plain text ({@code data-definition}),
         * for the print edition on screen; the e-book does not need it (readers pop the definition up). The links are
         * the elements {@code a.glossref[href]} selects, found by a walk that asks a link for its class only when its
         * href is a definition's (jsoup's {@code hasClass} reads a system property each time it is asked).
         */
        public void addTo(Element chapterBody) {
            addToLinksIn(chapterBody);
        }

        private void addToLinksIn(Element e) {
            if (e.normalName().equals("a")) {
                String definition = byHref.get(e.attr("href"));     // "" when it has none
                if (definition != null && isGlossref(e)) {
                    e.attributes().put("data-definition", definition);
                }
            }
            for (int i = 0, n = e.childNodeSize(); i < n; i++) {
                if (e.childNode(i) instanceof Element child) {
                    addToLinksIn(child);
                }
            }
        }

        /** Whether {@code a} has the class {@code glossref}: as a glossary link writes it, or among others. */
        private static boolean isGlossref(Element a) {
            return "glossref".equals(a.attributes().get("class")) || a.hasClass("glossref");
        }
    }

    /** The page, for the renderer's list of generated pages. */
    public GeneratedPage page() {
        return page;
    }

    /** {@link PrintDefinitions#addTo}, with this page's definitions. */
    public void addDefinitionsForPrint(Element chapterBody) {
        new PrintDefinitions(plainDefinitions).addTo(chapterBody);
    }
}
