package org.bookbinder.packaging.library;

import org.bookbinder.packaging.accessibility.AccessibilityMetadata;
import org.bookbinder.load.BookConfig;
import org.bookbinder.load.Creator;
import org.bookbinder.render.Templates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The book as an OPDS 1.2 catalogue entry (an Atom entry document), from the {@code library/opds-entry.xml}
 * template: what a library's catalogue server needs to list the book and to offer the EPUB for download.
 */
public final class OpdsEntry {
    /** Where known vocabularies live, for {@code category/@scheme}. */
    static final Map<String, String> SCHEMES = Map.of(
            "lcsh", "http://id.loc.gov/authorities/subjects",
            "bisacsh", "https://www.bisg.org/complete-bisac-subject-headings-list",
            "fast", "http://id.worldcat.org/fast");

    private OpdsEntry() {
    }

    /**
     * @param modified the package's {@code dcterms:modified}, which is also the entry's {@code updated}
     * @param epubHref the acquisition link: the published URL when book.yaml gives one, else the EPUB's file name
     *                 (the entry is written beside it)
     */
    public static byte[] xml(BookConfig c, String modified, String epubHref, AccessibilityMetadata accessibility) {
        Map<String, Object> v = new HashMap<>();
        v.put("lang", c.language());
        v.put("identifier", c.identifier());
        v.put("title", c.subtitle().map(s -> c.title() + ": " + s).orElse(c.title()));
        v.put("modified", modified);
        v.put("issued", c.date().map(Object::toString).orElse(null));
        List<String> authors = new ArrayList<>();
        List<String> contributors = new ArrayList<>();
        boolean hasAuthor = c.creators().stream().anyMatch(cr -> cr.role().equals("aut"));
        for (Creator cr : c.creators()) {
            (!hasAuthor || cr.role().equals("aut") ? authors : contributors).add(cr.name());
        }
        if (authors.isEmpty()) {
            // Atom requires an author; a book without creators is its publisher's
            authors.add(c.publisher().orElse(c.title()));
        }
        v.put("authors", authors);
        v.put("contributors", contributors);
        v.put("publisher", c.publisher().orElse(null));
        v.put("rights", c.rights().orElse(null));
        v.put("description", c.description().orElse(null));
        v.put("content", c.description().map(d -> d + "\n\n").orElse("") + "Accessibility: " + accessibility.summary());
        List<Map<String, Object>> subjects = new ArrayList<>();
        for (BookConfig.Subject s : c.subjects()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scheme", s.authority().map(a -> SCHEMES.getOrDefault(a.toLowerCase(Locale.ROOT), a)).orElse(null));
            m.put("term", s.term().orElse(s.heading()));
            m.put("label", s.heading());
            subjects.add(m);
        }
        v.put("subjects", subjects);
        v.put("epubHref", epubHref);
        return Templates.library("opds-entry.xml", v).getBytes(StandardCharsets.UTF_8);
    }
}
