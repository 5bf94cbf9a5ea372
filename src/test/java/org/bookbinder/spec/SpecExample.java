package org.bookbinder.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One example of a spec file, in commonmark's spec format extended for whole books (see
 * {@code src/test/resources/spec/README.md}): input Markdown, a line {@code .}, then the expected XHTML and
 * diagnostics.
 *
 * @param chapters  chapter file → Markdown, in reading order
 * @param bookYaml  lines added to the example book's book.yaml ({@code %%} lines); one for a key the example book
 *                  already has ({@code language}, {@code id} …) replaces that key's line
 * @param documents the documents to compare, by their path in the EPUB's content folder
 * @param diagnostics every diagnostic the build must report, formatted, in order
 */
record SpecExample(String file, int line, String section, int number, Map<String, String> chapters,
                   List<String> bookYaml, List<Expected> documents, List<String> diagnostics) {
    static final String FENCE = "````````````````````````````````";
    static final String BOOK_ID = "spec";
    static final String CHAPTER_PREFIX = "01-spec";
    static final String FIRST_CHAPTER = "chapters/" + CHAPTER_PREFIX + ".md";
    static final String FIRST_DOCUMENT = "text/" + CHAPTER_PREFIX + ".xhtml";
    static final Path FIXTURES = SpecTest.SPECS.resolve("fixtures");

    /** One document's expected markup. */
    record Expected(String href, String markup) {
    }

    /** Whether {@code href} (in the EPUB's content folder) is the document of one of the example's chapters. */
    boolean isChapter(String href) {
        return chapters.keySet().stream().anyMatch(f -> href.equals("text/" + f.substring(f.lastIndexOf('/') + 1).replaceFirst("\\.md$", ".xhtml")));
    }

    String displayName() {
        return section + " (" + number + ")";
    }

    String location() {
        return file + ":" + line;
    }

    String slug() {
        return (file.replace(".spec.md", "") + "-" + line).replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(Locale.ROOT);
    }

    /** The example's input as written, for failure messages. */
    String inputText() {
        StringBuilder s = new StringBuilder();
        bookYaml.forEach(l -> s.append("%% ").append(l).append('\n'));
        chapters.forEach((f, md) -> s.append("=== ").append(f).append('\n').append(md));
        return s.toString();
    }

    /** Writes the example as a book: book.yaml, its chapters and the fixtures (bibliographies, glossaries). */
    void writeBook(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("chapters"));
        List<String> yaml = new ArrayList<>(List.of(
                "id: " + BOOK_ID,
                "title: Spec",
                "language: en-US",
                "identifier: urn:uuid:00000000-0000-4000-8000-000000000000",
                "date: 2026-01-01"));
        for (String line : bookYaml) {
            // a line for a key the example book already has replaces it: "%% language: en-GB"
            String key = line.contains(":") ? line.substring(0, line.indexOf(':')).strip() : line;
            int same = -1;
            for (int i = 0; i < yaml.size(); i++) {
                if (yaml.get(i).startsWith(key + ":")) {
                    same = i;
                }
            }
            if (same >= 0) {
                yaml.set(same, line);
            } else {
                yaml.add(line);
            }
        }
        Files.writeString(dir.resolve("book.yaml"), String.join("\n", yaml) + "\n", StandardCharsets.UTF_8);
        for (Map.Entry<String, String> c : chapters.entrySet()) {
            Path p = dir.resolve(c.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, c.getValue(), StandardCharsets.UTF_8);
        }
        if (Files.isDirectory(FIXTURES)) {
            try (Stream<Path> fixtures = Files.list(FIXTURES)) {
                for (Path f : fixtures.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName().toString()));
                }
            }
        }
    }

    /** Reads every example of a spec file. */
    static List<SpecExample> read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = path.getFileName().toString();
        List<SpecExample> examples = new ArrayList<>();
        String section = name;
        int numberInSection = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#") && l.matches("#{1,6} .*")) {
                section = l.replaceFirst("#+ ", "").strip();
                numberInSection = 0;
            } else if (l.equals(FENCE + " example")) {
                int start = i + 1;
                int end = start;
                while (end < lines.size() && !lines.get(end).equals(FENCE)) {
                    end++;
                }
                if (end == lines.size()) {
                    throw new IllegalStateException(name + ":" + (i + 1) + ": example is not closed");
                }
                examples.add(parse(name, i + 1, section, ++numberInSection, lines.subList(start, end)));
                i = end;
            }
        }
        return examples;
    }

    private static SpecExample parse(String file, int line, String section, int number, List<String> body) {
        int dot = body.indexOf(".");
        if (dot < 0) {
            throw new IllegalStateException(file + ":" + line + ": example has no '.' line");
        }
        List<String> yaml = new ArrayList<>();
        Map<String, String> chapters = new LinkedHashMap<>();
        String current = FIRST_CHAPTER;
        StringBuilder text = new StringBuilder();
        for (String l : body.subList(0, dot)) {
            if (l.startsWith("%% ") && chapters.isEmpty() && text.isEmpty()) {
                yaml.add(l.substring(3));
            } else if (l.startsWith("=== ")) {
                if (!text.isEmpty() || current.equals(FIRST_CHAPTER)) {
                    chapters.put(current, text.toString());
                }
                current = l.substring(4).strip();
                text.setLength(0);
            } else {
                text.append(visible(l)).append('\n');
            }
        }
        chapters.put(current, text.toString());
        chapters.entrySet().removeIf(e -> e.getKey().equals(FIRST_CHAPTER) && e.getValue().isBlank() && chapters.size() > 1);

        List<Expected> documents = new ArrayList<>();
        List<String> diagnostics = new ArrayList<>();
        String href = FIRST_DOCUMENT;
        StringBuilder markup = new StringBuilder();
        for (String l : body.subList(dot + 1, body.size())) {
            if (l.startsWith("! ")) {
                diagnostics.add(l.substring(2));
            } else if (l.startsWith("=== ")) {
                if (!markup.toString().isBlank()) {
                    documents.add(new Expected(href, markup.toString()));
                }
                href = l.substring(4).strip();
                markup.setLength(0);
            } else {
                markup.append(visible(l)).append('\n');
            }
        }
        if (!markup.toString().isBlank()) {
            documents.add(new Expected(href, markup.toString()));
        }
        return new SpecExample(file, line, section, number, chapters, yaml, documents, diagnostics);
    }

    /** As in commonmark's spec, {@code →} stands for a tab. */
    private static String visible(String l) {
        return l.replace('\u2192', '\t');
    }
}
