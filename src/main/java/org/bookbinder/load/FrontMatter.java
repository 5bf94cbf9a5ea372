package org.bookbinder.load;

import java.util.List;

/**
 * A chapter's YAML front matter.
 *
 * @param matter which part of the book the chapter belongs to
 * @param type   its EPUB structural semantic ({@code chapter}, {@code preface}, {@code introduction}, …)
 * @param glossaryLinks whether glossary terms are linked in the chapter ({@code glossary-links: false} turns it
 *                      off, e.g. for a note on the text whose tables and quotations are not the place for links)
 */
public record FrontMatter(Matter matter, String type, boolean glossaryLinks) {

    public enum Matter { FRONT, BODY, BACK }

    public static final FrontMatter DEFAULT = new FrontMatter(Matter.BODY, "chapter", true);

    /** The keys a chapter's front matter may have. */
    public static final List<String> KEYS = List.of("matter", "type", "glossary-links");

    /** The section types a chapter may declare; each has an ARIA {@code doc-*} role of the same name. */
    public static final List<String> TYPES = List.of(
            "chapter", "preface", "introduction", "foreword", "prologue", "epilogue", "afterword",
            "appendix", "acknowledgments", "conclusion", "part");
}
