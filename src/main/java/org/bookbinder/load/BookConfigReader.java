package org.bookbinder.load;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.BookConfig.NoteNumbering;
import org.bookbinder.load.BookConfig.PrintSettings;
import org.bookbinder.load.BookConfig.Series;
import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads and validates book.yaml. Every problem becomes a diagnostic with the line and column of the value. */
final class BookConfigReader {
    static final String FILE = "book.yaml";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern RELATOR = Pattern.compile("[a-z]{3}");
    private static final Pattern URN = Pattern.compile("urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\\S+");
    private static final List<String> CREATOR_KEYS = List.of("name", "role", "file-as");
    private static final List<String> SERIES_KEYS = List.of("name", "position");
    private static final List<String> NOTES_KEYS = List.of("numbering");
    private static final List<String> PRINT_KEYS = List.of("paper", "two-sided");
    private static final List<String> SUBJECT_KEYS = List.of("heading", "authority", "term");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private BookConfigReader() {
    }

    /** The configuration, or empty when book.yaml has errors (all of them reported). */
    static Optional<BookConfig> read(String text, Diagnostics diagnostics) {
        Optional<YamlSource.Root> root = YamlSource.parse(FILE, text, diagnostics, Code.BOOK_002, Code.BOOK_005);
        if (root.isEmpty()) {
            if (!diagnostics.hasErrors()) {
                diagnostics.error(Code.BOOK_004, FILE, 1, 1, "book.yaml is empty: it needs at least id, title and language");
            }
            return Optional.empty();
        }
        YamlSource yaml = root.get().source();
        Node top = root.get().node();
        Optional<Map<String, YamlSource.Entry>> entries = yaml.mapping(top, "book.yaml", BookConfig.KEYS, Code.BOOK_003);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Map<String, YamlSource.Entry> e = entries.get();
        int errorsBefore = countErrors(diagnostics);

        for (String required : List.of("id", "title", "language")) {
            if (!e.containsKey(required)) {
                yaml.error(Code.BOOK_004, top, "missing required key '" + required + "'");
            }
        }
        String id = opt(e, "id").flatMap(yaml::string).filter(v -> {
            if (ID.matcher(v).matches()) {
                return true;
            }
            yaml.error(e.get("id").value(), "id '" + v + "' must be a file-name stem: letters, digits, '.', '_' and '-'");
            return false;
        }).orElse(null);
        String title = opt(e, "title").flatMap(yaml::string).orElse(null);
        String language = opt(e, "language").flatMap(yaml::string).filter(v -> validLanguage(yaml, e.get("language"), v)).orElse(null);
        Optional<String> identifier = opt(e, "identifier").flatMap(yaml::string).filter(v -> {
            if (URN.matcher(v).matches()) {
                return true;
            }
            yaml.error(e.get("identifier").value(), "identifier '" + v + "' must be a URN such as urn:uuid:… or urn:isbn:…");
            return false;
        });
        Optional<LocalDate> date = opt(e, "date").flatMap(yaml::string).flatMap(v -> {
            try {
                return Optional.of(LocalDate.parse(v));
            } catch (DateTimeParseException ex) {
                yaml.error(e.get("date").value(), "date '" + v + "' must be a date in the form YYYY-MM-DD");
                return Optional.empty();
            }
        });
        List<Creator> creators = opt(e, "creators").map(c -> creators(yaml, c)).orElse(List.of());
        // a list, even of one: a single 'chapters: chapters/*.md' would be read as one file name
        Optional<List<String>> chapters = opt(e, "chapters").flatMap(c -> yaml.strings(c, false));
        String citationStyle = opt(e, "citation-style").flatMap(yaml::string).orElse("chicago-notes");
        boolean nociteAll = opt(e, "nocite").flatMap(yaml::string).map(v -> {
            if (!"all".equals(v)) {
                yaml.error(e.get("nocite").value(), "nocite must be 'all' (list every bibliography entry) or left out");
            }
            return "all".equals(v);
        }).orElse(false);
        Optional<Series> series = opt(e, "series").flatMap(s -> series(yaml, s));
        NoteNumbering numbering = opt(e, "notes").flatMap(n -> notes(yaml, n)).orElse(NoteNumbering.CHAPTER);
        PrintSettings print = opt(e, "print").flatMap(p -> print(yaml, p)).orElse(new PrintSettings("a4", false));
        List<BookConfig.Subject> subjects = opt(e, "subjects").map(s -> subjects(yaml, s)).orElse(List.of());
        Optional<String> url = opt(e, "url").flatMap(yaml::string).filter(v -> {
            if (URL.matcher(v).matches()) {
                return true;
            }
            yaml.error(e.get("url").value(), "url '" + v + "' must be a web address starting with https:// or http://");
            return false;
        });
        BookConfig.Accessibility accessibility = opt(e, "accessibility").map(a -> accessibility(yaml, a)).orElse(BookConfig.Accessibility.NONE);
        // Read before the check below, so that a wrong type in any of them is reported together with the other errors.
        Map<String, Optional<String>> texts = new java.util.HashMap<>();
        for (String key : List.of("subtitle", "publisher", "rights", "description", "glossary", "bibliography", "edition", "source", "colophon")) {
            texts.put(key, opt(e, key).flatMap(yaml::string));
        }

        if (countErrors(diagnostics) > errorsBefore || id == null || title == null || language == null) {
            return Optional.empty();
        }
        return Optional.of(new BookConfig(
                id, title,
                texts.get("subtitle"),
                creators, language,
                identifier.orElseGet(() -> stableUuid(id)),
                date,
                texts.get("publisher"),
                texts.get("rights"),
                texts.get("description"),
                subjects,
                chapters,
                texts.get("glossary"),
                texts.get("bibliography"),
                citationStyle, nociteAll,
                texts.get("edition"),
                texts.get("source"),
                texts.get("colophon"),
                series, numbering, print, url, accessibility, positions(e)));
    }

    private static Map<String, BookConfig.Position> positions(Map<String, YamlSource.Entry> entries) {
        Map<String, BookConfig.Position> positions = new java.util.HashMap<>();
        entries.forEach((key, entry) -> {
            positions.put(key, position(entry.value()));
            if (entry.value() instanceof org.snakeyaml.engine.v2.nodes.SequenceNode seq) {
                for (int i = 0; i < seq.getValue().size(); i++) {
                    positions.put(key + "[" + i + "]", position(seq.getValue().get(i)));
                }
            }
        });
        return positions;
    }

    private static BookConfig.Position position(Node node) {
        return new BookConfig.Position(YamlSource.line(node), YamlSource.column(node));
    }

    /** A name-based UUID, so a book without an identifier keeps the same one from build to build. */
    static String stableUuid(String id) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("bookbinder:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static int countErrors(Diagnostics diagnostics) {
        return (int) diagnostics.list().stream().filter(d -> d.isError()).count();
    }

    private static Optional<YamlSource.Entry> opt(Map<String, YamlSource.Entry> entries, String key) {
        return Optional.ofNullable(entries.get(key));
    }

    private static boolean validLanguage(YamlSource yaml, YamlSource.Entry entry, String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String language = locale.getLanguage();
            boolean known = language.length() == 3 || (language.length() == 2 && java.util.Arrays.asList(Locale.getISOLanguages()).contains(language));
            if (!known) {
                throw new IllformedLocaleException("unknown language subtag");
            }
            return true;
        } catch (IllformedLocaleException ex) {
            yaml.error(entry.value(), "language '" + tag + "' is not a BCP 47 language tag such as en-US or de");
            return false;
        }
    }

    private static List<Creator> creators(YamlSource yaml, YamlSource.Entry entry) {
        List<Creator> out = new ArrayList<>();
        for (Node item : yaml.list(entry, false).orElse(List.of())) {
            yaml.mapping(item, "a creator", CREATOR_KEYS, Code.BOOK_003).ifPresent(m -> {
                Optional<String> name = Optional.ofNullable(m.get("name")).flatMap(yaml::string);
                if (m.get("name") == null) {
                    yaml.error(Code.BOOK_004, item, "a creator needs a 'name'");
                }
                String role = Optional.ofNullable(m.get("role")).flatMap(yaml::string).orElse("aut");
                if (!RELATOR.matcher(role).matches()) {
                    yaml.error(m.get("role").value(), "role '" + role + "' must be a MARC relator code such as aut, edt, ann or trl");
                }
                Optional<String> fileAs = Optional.ofNullable(m.get("file-as")).flatMap(yaml::string);
                name.ifPresent(n -> out.add(new Creator(n, role, fileAs)));
            });
        }
        return List.copyOf(out);
    }

    private static Optional<Series> series(YamlSource yaml, YamlSource.Entry entry) {
        return yaml.mapping(entry.value(), "series", SERIES_KEYS, Code.BOOK_003).flatMap(m -> {
            if (m.get("name") == null) {
                yaml.error(Code.BOOK_004, entry.value(), "series needs a 'name'");
                return Optional.empty();
            }
            Optional<Integer> position = Optional.ofNullable(m.get("position")).flatMap(yaml::string).flatMap(p -> {
                try {
                    return Optional.of(Integer.parseInt(p));
                } catch (NumberFormatException ex) {
                    yaml.error(m.get("position").value(), "series position must be a whole number");
                    return Optional.empty();
                }
            });
            return yaml.string(m.get("name")).map(n -> new Series(n, position));
        });
    }

    /** Each subject is a heading, or a mapping {@code { heading, authority, term }}; authority and term come together. */
    private static List<BookConfig.Subject> subjects(YamlSource yaml, YamlSource.Entry entry) {
        List<BookConfig.Subject> out = new ArrayList<>();
        for (Node item : yaml.list(entry, true).orElse(List.of())) {
            if (item instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
                if (s.getValue().isBlank()) {
                    yaml.error(item, "each item of 'subjects' must be a non-empty text or a mapping { heading, authority, term }");
                } else {
                    out.add(BookConfig.Subject.of(s.getValue().strip()));
                }
                continue;
            }
            yaml.mapping(item, "a subject", SUBJECT_KEYS, Code.BOOK_003).ifPresent(m -> {
                if (m.get("heading") == null) {
                    yaml.error(Code.BOOK_004, item, "a subject needs a 'heading'");
                    return;
                }
                Optional<String> heading = yaml.string(m.get("heading"));
                Optional<String> authority = Optional.ofNullable(m.get("authority")).flatMap(yaml::string);
                Optional<String> term = Optional.ofNullable(m.get("term")).flatMap(yaml::string);
                if (authority.isPresent() != term.isPresent()) {
                    yaml.error(item, "a subject's 'authority' (the vocabulary, e.g. lcsh) and 'term' (the heading's code in it) go together: give both or neither");
                    return;
                }
                heading.ifPresent(h -> out.add(new BookConfig.Subject(h, authority, term)));
            });
        }
        return List.copyOf(out);
    }

    /** The {@code accessibility:} overrides; the values' vocabulary is checked where the metadata is derived. */
    private static BookConfig.Accessibility accessibility(YamlSource yaml, YamlSource.Entry entry) {
        return yaml.mapping(entry.value(), "accessibility", BookConfig.Accessibility.KEYS, Code.BOOK_003).map(m -> {
            return new BookConfig.Accessibility(
                    Optional.ofNullable(m.get("access-mode")).flatMap(yaml::strings),
                    Optional.ofNullable(m.get("access-mode-sufficient")).flatMap(yaml::strings),
                    Optional.ofNullable(m.get("features")).flatMap(yaml::strings),
                    Optional.ofNullable(m.get("hazards")).flatMap(yaml::strings),
                    Optional.ofNullable(m.get("summary")).flatMap(yaml::string),
                    Optional.ofNullable(m.get("certified-by")).flatMap(yaml::string),
                    Optional.ofNullable(m.get("conforms-to")).flatMap(yaml::string),
                    positions(m));
        }).orElse(BookConfig.Accessibility.NONE);
    }

    private static Optional<NoteNumbering> notes(YamlSource yaml, YamlSource.Entry entry) {
        return yaml.mapping(entry.value(), "notes", NOTES_KEYS, Code.BOOK_003)
                .flatMap(m -> Optional.ofNullable(m.get("numbering")))
                .flatMap(n -> yaml.string(n).flatMap(v -> switch (v) {
                    case "chapter" -> Optional.of(NoteNumbering.CHAPTER);
                    case "book" -> Optional.of(NoteNumbering.BOOK);
                    default -> {
                        yaml.error(n.value(), "notes numbering must be 'chapter' or 'book', not '" + v + "'");
                        yield Optional.empty();
                    }
                }));
    }

    private static Optional<PrintSettings> print(YamlSource yaml, YamlSource.Entry entry) {
        return yaml.mapping(entry.value(), "print", PRINT_KEYS, Code.BOOK_003).map(m -> {
            String paper = Optional.ofNullable(m.get("paper")).flatMap(yaml::string).map(p -> p.toLowerCase(Locale.ROOT)).orElse("a4");
            if (!PrintSettings.PAPERS.contains(paper)) {
                yaml.error(m.get("paper").value(), "paper '" + paper + "' must be one of " + String.join(", ", PrintSettings.PAPERS));
            }
            boolean twoSided = Optional.ofNullable(m.get("two-sided")).flatMap(yaml::bool).orElse(false);
            return new PrintSettings(paper, twoSided);
        });
    }
}
