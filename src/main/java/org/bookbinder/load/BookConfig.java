package org.bookbinder.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings and metadata of one book, as read from book.yaml. Paths are relative to the book directory.
 *
 * @param id            output file stem: {@code build/<id>.epub}
 * @param identifier    a URN ({@code urn:uuid:…}, {@code urn:isbn:…}); a stable UUID from {@code id} when not given
 * @param date          publication date; also the default for {@code dcterms:modified}
 * @param chapters      the chapter files in reading order, when book.yaml lists them
 * @param citationStyle a style id from the CSL styles repository, or a path to a .csl file
 * @param nociteAll     {@code nocite: all}: the bibliography lists every entry, cited or not
 * @param url           where the EPUB is published, if known (the records' download link)
 * @param accessibility book.yaml's overrides of the accessibility metadata derived from the content
 * @param positions     where values were written in book.yaml, for diagnostics about them: keys such as
 *                      {@code glossary}, {@code chapters}, {@code chapters[0]}
 */
public record BookConfig(
        String id,
        String title,
        Optional<String> subtitle,
        List<Creator> creators,
        String language,
        String identifier,
        Optional<LocalDate> date,
        Optional<String> publisher,
        Optional<String> rights,
        Optional<String> description,
        List<Subject> subjects,
        Optional<List<String>> chapters,
        Optional<String> glossary,
        Optional<String> bibliography,
        String citationStyle,
        boolean nociteAll,
        Optional<String> edition,
        Optional<String> source,
        Optional<String> colophon,
        Optional<Series> series,
        NoteNumbering noteNumbering,
        PrintSettings print,
        Optional<String> url,
        Accessibility accessibility,
        Map<String, Position> positions) {

    public BookConfig {
        positions = Map.copyOf(positions);
    }

    /** A 1-based line and column in book.yaml. */
    public record Position(int line, int column) {
        public static final Position UNKNOWN = new Position(0, 0);
    }

    /** Where {@code key}'s value was written, or {@link Position#UNKNOWN}. */
    public Position position(String key) {
        return positions.getOrDefault(key, Position.UNKNOWN);
    }

    /** A series the book belongs to ({@code belongs-to-collection} in the OPF). */
    public record Series(String name, Optional<Integer> position) {
    }

    /**
     * A subject heading ({@code dc:subject}, MARC 650). {@code authority} and {@code term} come together: the
     * vocabulary ({@code lcsh}, {@code bisacsh}, …) and the heading's code or URI in it.
     */
    public record Subject(String heading, Optional<String> authority, Optional<String> term) {
        public static Subject of(String heading) {
            return new Subject(heading, Optional.empty(), Optional.empty());
        }
    }

    /**
     * The {@code accessibility:} key: each value, when given, replaces what the build derives from the content
     * (the build warns where it contradicts the content). {@code conformsTo} "none" makes no conformance claim.
     * {@code positions} are where the values were written, keyed {@code features}, {@code features[0]}, ….
     */
    public record Accessibility(Optional<List<String>> accessModes, Optional<List<String>> accessModesSufficient,
                                Optional<List<String>> features, Optional<List<String>> hazards,
                                Optional<String> summary, Optional<String> certifiedBy, Optional<String> conformsTo,
                                Map<String, Position> positions) {
        public static final Accessibility NONE = new Accessibility(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        public static final List<String> KEYS = List.of("access-mode", "access-mode-sufficient", "features", "hazards",
                "summary", "certified-by", "conforms-to");

        public Accessibility {
            positions = Map.copyOf(positions);
        }

        public Position position(String key) {
            return positions.getOrDefault(key, Position.UNKNOWN);
        }
    }

    /** Where note numbers restart. */
    public enum NoteNumbering { CHAPTER, BOOK }

    /** The print edition's page settings. */
    public record PrintSettings(String paper, boolean twoSided) {
        public static final List<String> PAPERS = List.of("a4", "letter", "a5");
    }

    /** The book.yaml keys this tool understands, in the order the documentation lists them. */
    public static final List<String> KEYS = List.of(
            "id", "title", "subtitle", "creators", "language", "identifier", "date", "publisher", "rights",
            "description", "subjects", "chapters", "glossary", "bibliography", "citation-style", "nocite",
            "edition", "source", "colophon", "series", "notes", "print", "url", "accessibility");
}
