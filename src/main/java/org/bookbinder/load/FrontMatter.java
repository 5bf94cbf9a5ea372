package org.bookbinder.load;

import java.util.List;

/**
 * A chapter's YAML front matter.
 *
 * @param matter which part of the book the chapter belongs to
 * @param type   its EPUB structural semantic ({@code chapter}, {@code preface}, {@code introduction}, …)
 */
public record FrontMatter(Matter matter, String type) {

    public enum Matter { FRONT, BODY, BACK }

    public static final FrontMatter DEFAULT = new FrontMatter(Matter.BODY, "chapter");

    /** The keys a chapter's front matter may have. */
    public static final List<String> KEYS = List.of("matter", "type");

    /** The section types a chapter may declare; each has an ARIA {@code doc-*} role of the same name. */
    public static final List<String> TYPES = List.of(
            "chapter", "preface", "introduction", "foreword", "prologue", "epilogue", "afterword",
            "appendix", "acknowledgments", "conclusion", "part");
}
