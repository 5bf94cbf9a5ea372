package org.bookbinder.annotate.citations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLItemDataBuilder;
import de.undercouch.citeproc.csl.CSLName;
import de.undercouch.citeproc.csl.CSLType;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.diagnostics.DidYouMean;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.ObjectResolutionException;
import org.jbibtex.ParseException;
import org.jbibtex.Token;
import org.jbibtex.TokenMgrException;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bibliography file into a {@link Bibliography}: CSL-JSON ({@code .json}, read with Jackson so every entry
 * and field keeps its line) or BibTeX ({@code .bib}, parsed by jbibtex and converted by citeproc-java, and its
 * {@code shorttitle} taken as the short title, as pandoc does). Problems
 * are diagnostics with the file's line and column: malformed JSON or BibTeX (CITE-002), a duplicate id (CITE-003),
 * an entry without what citeproc needs to format it — an id, a known type — or with a field of the wrong form
 * (CITE-004); an entry without a title is a warning (CITE-010).
 */
public final class BibliographyReader {
    /** The formats, by file extension. */
    public enum Format { CSL_JSON, BIBTEX }

    /** Types that are cited without a title. */
    private static final List<String> UNTITLED_TYPES = List.of("interview", "personal_communication");
    private static final List<String> BIBTEX_TYPES = List.of("article", "book", "booklet", "conference", "electronic",
            "inbook", "incollection", "inproceedings", "manual", "mastersthesis", "misc", "online", "patent",
            "periodical", "phdthesis", "proceedings", "standard", "techreport", "unpublished", "www");
    private static final List<String> BIBTEX_NON_ENTRIES = List.of("string", "preamble", "comment");
    /** {@code @type{key,} at the start of an entry (BibTeX also allows parentheses). */
    private static final Pattern BIBTEX_ENTRY = Pattern.compile("@\\s*([A-Za-z]+)\\s*[{(]\\s*([^,\\s{}()]*)");
    private static final List<String> CSL_TYPES = Arrays.stream(CSLType.values()).map(CSLType::toString).sorted().toList();
    private static final Pattern LEXICAL = Pattern.compile("line (\\d+), column (\\d+)");
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    private BibliographyReader() {
    }

    /** The format a file name asks for, by its extension. */
    public static Optional<Format> format(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return Optional.of(Format.CSL_JSON);
        }
        if (lower.endsWith(".bib")) {
            return Optional.of(Format.BIBTEX);
        }
        return Optional.empty();
    }

    /**
     * Reads {@code text}, the contents of {@code file}; reports every problem and returns empty when there was any.
     */
    public static Optional<Bibliography> read(String file, Format format, String text, Diagnostics diagnostics) {
        Reading reading = new Reading(file, diagnostics);
        List<Bibliography.Entry> entries = format == Format.CSL_JSON ? reading.json(text) : reading.bibtex(text);
        return reading.failed ? Optional.empty() : Optional.of(new Bibliography(file, entries));
    }

    /** The state of reading one file. */
    private static final class Reading {
        private final String file;
        private final Diagnostics diagnostics;
        private final Map<String, Integer> seen = new LinkedHashMap<>();
        private boolean failed;

        Reading(String file, Diagnostics diagnostics) {
            this.file = file;
            this.diagnostics = diagnostics;
        }

        private void error(Code code, int line, int column, String message) {
            diagnostics.error(code, file, line, column, message);
            failed = true;
        }

        /** Whether {@code id} is new; reports it when it is not. */
        private boolean firstUse(String id, int line, int column) {
            Integer first = seen.putIfAbsent(id, line);
            if (first != null) {
                error(Code.CITE_003, line, column, "the id '" + id + "' is used by two entries (first on line " + first + ")");
                return false;
            }
            return true;
        }

        List<Bibliography.Entry> json(String text) {
            List<Bibliography.Entry> entries = new ArrayList<>();
            try (JsonParser p = JSON.createParser(text)) {
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    JsonLocation at = p.currentTokenLocation();
                    error(Code.CITE_002, first == null ? 1 : at.getLineNr(), first == null ? 1 : at.getColumnNr(),
                            "a CSL-JSON bibliography must be a JSON array of entries: [ {\"id\": …, \"type\": …}, … ]");
                    return entries;
                }
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    JsonLocation start = p.currentTokenLocation();
                    if (t != JsonToken.START_OBJECT) {
                        error(Code.CITE_002, start.getLineNr(), start.getColumnNr(), "each entry must be a JSON object { … }");
                        p.skipChildren();
                        continue;
                    }
                    jsonEntry(p, start).ifPresent(entries::add);
                }
                if (p.nextToken() != null) {
                    JsonLocation at = p.currentTokenLocation();
                    error(Code.CITE_002, at.getLineNr(), at.getColumnNr(), "malformed JSON: text after the closing ']'");
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                error(Code.CITE_002, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                        "malformed JSON: " + oneLine(e.getOriginalMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return entries;
        }

        /** One entry, the parser on its '{'; fields are read one by one to keep their lines. */
        private Optional<Bibliography.Entry> jsonEntry(JsonParser p, JsonLocation start) throws IOException {
            Map<String, Object> fields = new LinkedHashMap<>();
            Map<String, JsonLocation> where = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                where.put(name, p.currentTokenLocation());
                p.nextToken();
                JsonNode value = MAPPER.readTree(p);
                fields.put(name, MAPPER.convertValue(value, Object.class));
            }
            int line = start.getLineNr();
            int column = start.getColumnNr();
            Object id = fields.get("id");
            if (!(id instanceof String || id instanceof Number) || id.toString().isBlank()) {
                JsonLocation at = where.getOrDefault("id", start);
                error(Code.CITE_004, at.getLineNr(), at.getColumnNr(), id == null
                        ? "an entry has no \"id\": give it the key its citations use, e.g. \"id\": \"nimmo1988\""
                        : "an entry's \"id\" must be a non-empty string");
                return Optional.empty();
            }
            String key = id.toString();
            JsonLocation idAt = where.get("id");
            if (!firstUse(key, idAt.getLineNr(), idAt.getColumnNr())) {
                return Optional.empty();
            }
            Object type = fields.get("type");
            if (!(type instanceof String typeName) || typeName.isBlank()) {
                error(Code.CITE_004, line, column, "entry '" + key + "' has no \"type\" (book, article-journal, chapter, …)");
                return Optional.empty();
            }
            if (!CSL_TYPES.contains(typeName)) {
                JsonLocation at = where.get("type");
                error(Code.CITE_004, at.getLineNr(), at.getColumnNr(), "entry '" + key + "' has the unknown type '" + typeName
                        + "'" + DidYouMean.hint(typeName, CSL_TYPES));
                return Optional.empty();
            }
            if (!UNTITLED_TYPES.contains(typeName) && !(fields.get("title") instanceof String t && !t.isBlank())) {
                diagnostics.warning(Code.CITE_010, file, line, column, "entry '" + key + "' has no \"title\": its citations will name only its author and imprint");
            }
            try {
                return Optional.of(new Bibliography.Entry(key, CSLItemData.fromJson(fields), line));
            } catch (IllegalArgumentException | ClassCastException e) {
                error(Code.CITE_004, line, column, "entry '" + key + "': " + citeprocMessage(e));
                return Optional.empty();
            }
        }

        List<Bibliography.Entry> bibtex(String text) {
            List<Bibliography.Entry> entries = new ArrayList<>();
            List<int[]> positions = new ArrayList<>();   // line, column of each entry, in file order
            List<String> keys = new ArrayList<>();
            List<String> types = new ArrayList<>();
            Matcher m = BIBTEX_ENTRY.matcher(text);
            while (m.find()) {
                String type = m.group(1).toLowerCase(Locale.ROOT);
                if (BIBTEX_NON_ENTRIES.contains(type)) {
                    continue;
                }
                keys.add(m.group(2));
                types.add(type);
                positions.add(lineColumn(text, m.start()));
            }
            BibTeXDatabase database;
            try {
                database = new BibTeXParser().parse(new StringReader(text));
            } catch (ParseException e) {
                Token next = e.currentToken == null ? null : e.currentToken.next;
                if (next == null || next.kind == 0) {
                    int[] last = positions.isEmpty() ? new int[]{1, 1} : positions.get(positions.size() - 1);
                    error(Code.CITE_002, last[0], last[1], "malformed BibTeX: the file ends inside this entry (a missing '}' or '\"'?)");
                } else {
                    error(Code.CITE_002, next.beginLine, next.beginColumn, "malformed BibTeX: unexpected '" + next.image + "'"
                            + expected(e));
                }
                return entries;
            } catch (TokenMgrException e) {
                Matcher at = LEXICAL.matcher(String.valueOf(e.getMessage()));
                boolean located = at.find();
                error(Code.CITE_002, located ? Integer.parseInt(at.group(1)) : 0, located ? Integer.parseInt(at.group(2)) : 0,
                        "malformed BibTeX: a character that cannot start a field or value");
                return entries;
            } catch (ObjectResolutionException e) {
                String name = String.valueOf(e.getMessage());
                Matcher use = Pattern.compile("=\\s*(" + Pattern.quote(name) + ")\\b", Pattern.CASE_INSENSITIVE).matcher(text);
                int[] at = use.find() ? lineColumn(text, use.start(1)) : new int[]{0, 0};
                error(Code.CITE_002, at[0], at[1], "malformed BibTeX: '" + name
                        + "' is not defined: put a value in braces ({…}) or define it with @string");
                return entries;
            }
            BibTeXConverter converter = new BibTeXConverter();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                int line = positions.get(i)[0];
                int column = positions.get(i)[1];
                if (key.isEmpty()) {
                    error(Code.CITE_004, line, column, "an entry has no key: write @" + types.get(i) + "{key, …}");
                    continue;
                }
                if (!firstUse(key, line, column)) {
                    continue;
                }
                if (!BIBTEX_TYPES.contains(types.get(i))) {
                    error(Code.CITE_004, line, column, "entry '" + key + "' has the unknown type @" + types.get(i)
                            + DidYouMean.hint(types.get(i), BIBTEX_TYPES));
                    continue;
                }
                BibTeXEntry entry = database.resolveEntry(new Key(key));
                if (entry == null) {
                    continue;                                      // not an entry jbibtex reads: reported above if at all
                }
                if (entry.getField(BibTeXEntry.KEY_TITLE) == null) {
                    diagnostics.warning(Code.CITE_010, file, line, column, "entry '" + key + "' has no title field: its citations will name only its author and imprint");
                }
                try {
                    CSLItemData item = corrected(converter.toItemData(entry));
                    org.jbibtex.Value shortTitle = entry.getField(new Key("shorttitle"));
                    if (shortTitle != null && item.getTitleShort() == null) {
                        item = new CSLItemDataBuilder(item).titleShort(latex(shortTitle.toUserString())).build();
                    }
                    entries.add(new Bibliography.Entry(key, item, line));
                } catch (IllegalArgumentException e) {
                    error(Code.CITE_004, line, column, "entry '" + key + "': " + citeprocMessage(e));
                }
            }
            return entries;
        }
    }

    /**
     * Undoes what citeproc-java's BibTeX converter maps too widely, which Chicago would print: the year and address
     * also become an event's date and place (on a book: "Stalingrad, 1998, London"), the editors also series editors,
     * and an article's {@code number} (BibTeX's issue) an article number.
     */
    private static CSLItemData corrected(CSLItemData item) {
        CSLItemDataBuilder b = new CSLItemDataBuilder(item);
        if (item.getType() != CSLType.PAPER_CONFERENCE && item.getType() != CSLType.SPEECH) {
            b.eventDate(null).eventPlace(null);
        }
        b.collectionEditor((CSLName[]) null);
        boolean article = item.getType() == CSLType.ARTICLE_JOURNAL || item.getType() == CSLType.ARTICLE_MAGAZINE
                || item.getType() == CSLType.ARTICLE_NEWSPAPER;
        if (article && item.getIssue() == null && item.getNumber() != null) {
            b.issue(item.getNumber()).number(null);
        }
        return b.build();
    }

    /** A BibTeX value as text, its LaTeX (braces, accents, dashes) converted as citeproc-java converts the others. */
    private static String latex(String value) {
        try {
            return new org.jbibtex.LaTeXPrinter().print(new org.jbibtex.LaTeXParser().parse(new StringReader(value)))
                    .replaceAll("\\s+", " ").strip();
        } catch (ParseException | TokenMgrException e) {
            return value.replace("{", "").replace("}", "").strip();
        }
    }

    /** " ; expected ',' or '}'" from jbibtex's list of expected tokens. */
    private static String expected(ParseException e) {
        if (e.expectedTokenSequences == null || e.tokenImage == null) {
            return "";
        }
        List<String> images = new ArrayList<>();
        for (int[] sequence : e.expectedTokenSequences) {
            if (sequence.length > 0) {
                String image = e.tokenImage[sequence[0]];
                if (image.startsWith("\"") && !images.contains(image.replace('"', '\''))) {
                    images.add(image.replace('"', '\''));
                }
            }
        }
        return images.isEmpty() ? "" : " (expected " + String.join(" or ", images) + ")";
    }

    /** citeproc-java's messages quote with {@code `field'}; ours with {@code 'field'}. */
    private static String citeprocMessage(RuntimeException e) {
        String message = e.getMessage() == null ? "a field has the wrong form" : e.getMessage();
        return oneLine(message.replace('`', '\''));
    }

    private static int[] lineColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[]{line, offset - lineStart + 1};
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
