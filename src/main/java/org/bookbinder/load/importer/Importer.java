package org.bookbinder.load.importer;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.ManuscriptLoader;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code bookbinder import SOURCE -o BOOK_DIR}: reads a scraped page (plain text, or HTML by its extension or
 * content) and writes a buildable first draft of a book: {@code chapters/NN-slug.md} split at the section
 * headings, {@code chapters/references.json} from the page's sources list, {@code book.yaml}, the styles.
 */
public final class Importer {
    private Importer() {
    }

    /** What the import wrote and what it left out. */
    public record Result(List<Path> written, List<String> dropped, Optional<String> created, Optional<String> updated) {
    }

    /** Imports {@code source} into {@code bookDir}; empty (with diagnostics) when it cannot. */
    public static Optional<Result> importPage(Path source, Path bookDir, Diagnostics diagnostics) throws IOException {
        if (!Files.isRegularFile(source)) {
            diagnostics.error(Code.IMPORT_001, source.toString(), 0, 0, "no such file to import");
            return Optional.empty();
        }
        if (Files.exists(bookDir.resolve("book.yaml"))) {
            diagnostics.error(Code.IMPORT_002, bookDir.resolve("book.yaml").toString(), 0, 0,
                    "a book already exists here; import into a new directory (-o DIR)");
            return Optional.empty();
        }
        String text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")
                || text.stripLeading().toLowerCase(Locale.ROOT).startsWith("<!doctype html") || text.stripLeading().startsWith("<html");
        SourcePage page = html ? HtmlPageReader.read(text) : TextPageReader.read(text);
        if (page.sections().isEmpty()) {
            diagnostics.error(Code.IMPORT_003, source.toString(), 0, 0, "found no text to import");
            return Optional.empty();
        }
        List<SourceReference> references = SourceReference.uniqueKeys(
                page.sources().stream().map(SourceReference::parse).flatMap(Optional::stream).toList());
        return Optional.of(write(page, references, html, source.getFileName().toString(), bookDir));
    }

    private static Result write(SourcePage page, List<SourceReference> references, boolean html, String sourceName, Path bookDir) throws IOException {
        List<Path> written = new ArrayList<>();
        Path chapters = Files.createDirectories(bookDir.resolve("chapters"));
        Path styles = Files.createDirectories(bookDir.resolve("styles"));
        int n = 1;
        for (SourcePage.Section section : page.sections()) {
            String heading = section.heading().isEmpty() ? "Introduction" : section.heading();
            StringBuilder md = new StringBuilder("# ").append(heading).append("\n");
            for (String block : section.blocks()) {
                String b = html ? block : escapeText(block);
                md.append('\n').append(BracketCitations.convert(b, references)).append('\n');
            }
            Path file = chapters.resolve(String.format(Locale.ROOT, "%02d-%s.md", n++, slug(heading)));
            written.add(Files.writeString(file, md.toString(), StandardCharsets.UTF_8));
        }
        if (!references.isEmpty()) {
            written.add(Files.writeString(chapters.resolve("references.json"), json(references), StandardCharsets.UTF_8));
        }
        written.add(Files.writeString(bookDir.resolve("book.yaml"), bookYaml(page, references, sourceName), StandardCharsets.UTF_8));
        written.add(Files.writeString(styles.resolve("epub.css"), ManuscriptLoader.defaultStylesheet("epub.css"), StandardCharsets.UTF_8));
        written.add(Files.writeString(styles.resolve("print.css"), ManuscriptLoader.defaultStylesheet("print.css"), StandardCharsets.UTF_8));
        return new Result(written, page.dropped(), page.created(), page.updated());
    }

    private static String bookYaml(SourcePage page, List<SourceReference> references, String sourceName) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        String id = slug(page.title());
        yaml.put("id", id.isEmpty() ? "imported-book" : id);
        yaml.put("title", page.title());
        yaml.put("language", "en-US");
        yaml.put("identifier", "urn:uuid:" + UUID.nameUUIDFromBytes(("bookbinder-import:" + page.title()).getBytes(StandardCharsets.UTF_8)));
        yaml.put("date", LocalDate.now().toString());
        StringBuilder source = new StringBuilder("Imported from ").append(sourceName);
        page.created().ifPresent(c -> source.append("; page created ").append(c));
        page.updated().ifPresent(u -> source.append("; last updated ").append(u));
        yaml.put("source", source.toString());
        if (!references.isEmpty()) {
            yaml.put("bibliography", "chapters/references.json");
        }
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(120).build();
        return "# Imported by 'bookbinder import': check every value, then add creators, publisher, rights…\n"
                + new Dump(settings).dumpToString(yaml);
    }

    private static String json(List<SourceReference> references) throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        for (SourceReference r : references) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", r.key());
            item.put("type", "book");
            item.put("author", List.of(name(r.family(), r.given())));
            r.translator().ifPresent(t -> {
                int space = t.lastIndexOf(' ');
                item.put("translator", List.of(space < 0 ? Map.of("family", t) : name(t.substring(space + 1), t.substring(0, space))));
            });
            r.title().ifPresent(t -> item.put("title", t));
            r.publisher().ifPresent(p -> item.put("publisher", p));
            r.place().ifPresent(p -> item.put("publisher-place", p));
            r.year().ifPresent(y -> item.put("issued", Map.of("date-parts", List.of(List.of(y)))));
            r.pages().ifPresent(p -> item.put("number-of-pages", p));
            item.put("note", "Imported from the source's list: " + r.original());
            items.add(item);
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        return mapper.writer(printer).writeValueAsString(items) + "\n";
    }

    private static Map<String, Object> name(String family, String given) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", family);
        if (!given.isBlank()) {
            m.put("given", given);
        }
        return m;
    }

    /** Plain text read as Markdown: escape inline syntax and block markers at a paragraph's start. */
    static String escapeText(String block) {
        String escaped = Markdown.escape(block);
        if (escaped.matches("^(#|>|[-+*] |\\d+[.)] ).*")) {
            escaped = "\\" + escaped;
        }
        return escaped;
    }

    static String slug(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-[^-]*$", "");
        }
        return slug;
    }
}
