package org.bookbinder.packaging.accessibility;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the rendered content documents contain, as far as the accessibility metadata and the library records
 * depend on it. Made by {@link ContentInspector}; nothing here is taken from book.yaml.
 *
 * @param images          {@code img} elements
 * @param imagesWithAlt   images with a non-empty {@code alt}
 * @param decorative      images marked decorative: {@code alt=""} (or {@code role="presentation"/"none"})
 * @param headings        {@code h1}–{@code h6} elements
 * @param tocEntries      links in the nav's {@code toc}
 * @param landmarks       links in the nav's {@code landmarks}
 * @param pageList        the nav has a {@code page-list}
 * @param pageBreaks      {@code pagebreak} markers
 * @param notes           footnotes and endnotes
 * @param sectionTypes    every {@code epub:type} of a section or aside in the content (glossary, bibliography, …)
 * @param otherLanguages  languages marked on parts of the text that differ from the book's language
 * @param ariaRoles       elements with a {@code role}
 */
public record ContentFacts(int images, int imagesWithAlt, int decorative, int headings, int tocEntries, int landmarks,
                           boolean pageList, int pageBreaks, boolean math, boolean tables, boolean audio, boolean video,
                           int notes, SortedSet<String> sectionTypes, SortedSet<String> otherLanguages, int ariaRoles) {
    public ContentFacts {
        sectionTypes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(sectionTypes));
        otherLanguages = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(otherLanguages));
    }

    /** Images that carry information (not decorative). */
    public int informativeImages() {
        return images - decorative;
    }

    /** Every informative image has a text alternative (true when there are none). */
    public boolean everyImageDescribed() {
        return imagesWithAlt >= informativeImages();
    }

    public boolean has(String sectionType) {
        return sectionTypes.contains(sectionType);
    }

    /** The structural semantics found, in a fixed order, for sentences such as "a glossary, a bibliography". */
    static final List<String> NAMED_SECTIONS = List.of("glossary", "bibliography", "index");
}
