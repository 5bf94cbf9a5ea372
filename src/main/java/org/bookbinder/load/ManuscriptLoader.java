package org.bookbinder.load;

import org.bookbinder.Background;
import org.bookbinder.annotate.glossary.Glossary;
import org.bookbinder.annotate.glossary.GlossaryReader;
import org.bookbinder.annotate.citations.Bibliography;
import org.bookbinder.annotate.citations.PreparedStyle;
import org.bookbinder.annotate.citations.BibliographyReader;
import org.bookbinder.diagnostics.BookbinderException;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.diagnostics.DidYouMean;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Stage 1: reads a book directory into a {@link Manuscript}. */
public final class ManuscriptLoader {
    private static final java.util.regex.Pattern FRONT_MATTER_KEY = java.util.regex.Pattern.compile("([A-Za-z0-9_-]+)\\s*:(?:\\s|$)");
    private ManuscriptLoader() {
    }

    /**
     * Loads the book in {@code bookDir}. Reports every problem it finds; throws {@link BookbinderException}
     * when the book cannot be loaded at all.
     */
    public static Manuscript load(Path bookDir, Diagnostics diagnostics) {
        Path yamlPath = bookDir.resolve(BookConfigReader.FILE);
        if (!Files.exists(yamlPath)) {
            diagnostics.error(Code.BOOK_001, display(bookDir, yamlPath), 0, 0,
                    "no book.yaml in " + bookDir.toAbsolutePath().normalize() + " (run 'bookbinder init' to start a book)");
            throw new BookbinderException("no book.yaml");
        }
        byte[] yamlData = BookFiles.read(bookDir, yamlPath, "the file", BookConfigReader.FILE, BookFiles.Place.of(BookConfigReader.FILE), diagnostics)
                .orElseThrow(() -> new BookbinderException("book.yaml cannot be read"));
        Utf8.Result yamlBytes = Utf8.decode(yamlData);
        if (yamlBytes instanceof Utf8.Malformed m) {
            diagnostics.error(Code.BOOK_002, BookConfigReader.FILE, m.line(), m.column(), "book.yaml is not valid UTF-8");
            throw new BookbinderException("book.yaml not UTF-8");
        }
        String yamlText = ((Utf8.Text) yamlBytes).text();
        BookConfig config = BookConfigReader.read(yamlText, diagnostics)
                .orElseThrow(() -> new BookbinderException("book.yaml has errors"));
        // the style's XML is parsed while the files are read: annotation needs it first thing
        Optional<PreparedStyle> citationStyle = config.bibliography().map(b -> PreparedStyle.start(bookDir, config));

        checkNamedFile(bookDir, config, config.glossary(), "glossary", diagnostics);
        checkNamedFile(bookDir, config, config.bibliography(), "bibliography", diagnostics);
        // The glossary and the bibliography are read while the chapters are (on a big book, tens of milliseconds this
        // thread would otherwise spend alone); the diagnostics are sorted, whichever thread reports first.
        CompletableFuture<Optional<Glossary>> glossaryRead = Background.start("bookbinder-glossary", () -> config.glossary()
                .filter(r -> namedFileInside(bookDir, config, r, "glossary", diagnostics))
                .flatMap(r -> readGlossary(bookDir, config, r, diagnostics)));
        CompletableFuture<Optional<Bibliography>> bibliographyRead = Background.start("bookbinder-bibliography", () -> config.bibliography()
                .filter(r -> namedFileInside(bookDir, config, r, "bibliography", diagnostics))
                .flatMap(r -> bibliography(bookDir, config, r, diagnostics)));

        List<Named> chapterFiles = chapterFiles(bookDir, config, diagnostics);
        List<Chapter> chapters = chapterFiles.parallelStream()
                .map(c -> readChapter(bookDir, c, diagnostics))
                .flatMap(Optional::stream)
                .toList();
        BookConfig.Position at = config.position("colophon");
        Optional<Colophon> colophon = config.colophon().map(md -> new Colophon(BookConfigReader.FILE,
                YamlMarkdown.parse(md, yamlText, at.line(), at.column())));
        List<ImageFiles.Use> imageUses = new ArrayList<>(
                chapters.parallelStream().flatMap(c -> ImageFiles.uses(c.file(), c.document()).stream()).toList());
        colophon.ifPresent(c -> imageUses.addAll(ImageFiles.uses(c.file(), c.document())));
        List<ImageFile> images = ImageFiles.read(bookDir, imageUses, diagnostics);
        String epubCss = stylesheet(bookDir, "epub.css", diagnostics);
        String printCss = stylesheet(bookDir, "print.css", diagnostics);
        Optional<Glossary> glossary = Background.join(glossaryRead);
        Optional<Bibliography> bibliography = Background.join(bibliographyRead);
        if (diagnostics.hasErrors()) {
            throw new BookbinderException("the manuscript has errors");
        }
        return new Manuscript(bookDir, config, chapters, epubCss, printCss, images, glossary, bibliography, colophon,
                citationStyle);
    }

    private static Optional<Glossary> readGlossary(Path bookDir, BookConfig config, String relative, Diagnostics diagnostics) {
        Named named = named(bookDir, config, "glossary", relative);
        return readUtf8(bookDir, named, Code.GLOSS_001, "the glossary", diagnostics)
                .flatMap(text -> GlossaryReader.read(display(bookDir, named.path()), text, diagnostics));
    }

    /** A file book.yaml names under {@code key} ({@code glossary}, {@code chapters[2]}): problems are reported there. */
    private static Named named(Path bookDir, BookConfig config, String key, String relative) {
        BookConfig.Position at = config.position(key);
        return new Named(bookDir.resolve(relative).normalize(), relative, new BookFiles.Place(BookConfigReader.FILE, at.line(), at.column()));
    }

    /** A file found in the book directory: problems are reported at the file. */
    private static Named found(Path bookDir, Path path) {
        String file = display(bookDir, path);
        return new Named(path, file, BookFiles.Place.of(file));
    }

    /** A file, as it was written ({@code chapters/01-one.md}), and where to report that it cannot be read. */
    private record Named(Path path, String written, BookFiles.Place at) {
    }

    /**
     * Whether the file book.yaml names under {@code key} exists and lies inside the book directory (BOOK-008 if not;
     * BOOK-006, that it does not exist, is reported by {@link #checkNamedFile}).
     */
    private static boolean namedFileInside(Path bookDir, BookConfig config, String relative, String key, Diagnostics diagnostics) {
        Named named = named(bookDir, config, key, relative);
        return Files.exists(named.path())
                && BookFiles.checkInside(bookDir, named.path(), "the " + key + " file", relative, named.at(), diagnostics);
    }

    /**
     * The text of a file that must be UTF-8; if it is not, {@code code} is reported at the first bad byte. Empty
     * (reported) when it lies outside the book directory or cannot be read.
     */
    private static Optional<String> readUtf8(Path bookDir, Named named, Code code, String what, Diagnostics diagnostics) {
        Optional<byte[]> bytes = BookFiles.read(bookDir, named.path(), what + " file", named.written(), named.at(), diagnostics);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        String file = display(bookDir, named.path());
        Utf8.Result decoded = Utf8.decode(bytes.get());
        if (decoded instanceof Utf8.Malformed m) {
            diagnostics.error(code, file, m.line(), m.column(), what + " is not valid UTF-8 (save it as UTF-8)");
            return Optional.empty();
        }
        return Optional.of(((Utf8.Text) decoded).text());
    }

    private static List<Named> chapterFiles(Path bookDir, BookConfig config, Diagnostics diagnostics) {
        if (config.chapters().isPresent()) {
            List<String> listed = config.chapters().get();
            List<Named> paths = new ArrayList<>();
            List<String> unlisted = listMarkdown(bookDir.resolve("chapters")).stream()
                    .map(p -> slashed(bookDir.relativize(p)))
                    .filter(p -> listed.stream().noneMatch(l -> bookDir.resolve(l).normalize().equals(bookDir.resolve(p).normalize())))
                    .toList();
            Map<String, Integer> bySlug = new java.util.HashMap<>();
            for (int i = 0; i < listed.size(); i++) {
                Named chapter = named(bookDir, config, "chapters[" + i + "]", listed.get(i));
                if (!Files.exists(chapter.path())) {
                    diagnostics.error(Code.CHAP_001, BookConfigReader.FILE, chapter.at().line(), chapter.at().column(),
                            "chapter file '" + listed.get(i) + "' does not exist" + fileHint(listed.get(i), unlisted));
                } else if (BookFiles.checkInside(bookDir, chapter.path(), "the chapter file", listed.get(i), chapter.at(), diagnostics)
                        && unique(bookDir, i, listed, bySlug, config, diagnostics)) {
                    paths.add(chapter);
                }
            }
            if (listed.isEmpty()) {
                BookConfig.Position at = config.position("chapters");
                diagnostics.error(Code.CHAP_002, BookConfigReader.FILE, at.line(), at.column(), "'chapters' lists no chapter");
            }
            return paths;
        }
        List<Path> found = listMarkdown(bookDir.resolve("chapters"));
        if (found.isEmpty()) {
            diagnostics.error(Code.CHAP_002, "chapters/", 0, 0, "the book has no chapters: add Markdown files (NN-slug.md) to chapters/");
        }
        return found.stream().map(p -> found(bookDir, p)).toList();
    }

    /**
     * Whether the chapter {@code listed[i]} is the first listed with its page name, {@code text/<slug>.xhtml}
     * ({@code bySlug} holds the index of each first); if not, CHAP-009 is reported where it is listed.
     */
    private static boolean unique(Path bookDir, int i, List<String> listed, Map<String, Integer> bySlug, BookConfig config,
                                  Diagnostics diagnostics) {
        Path p = bookDir.resolve(listed.get(i)).normalize();
        Integer first = bySlug.putIfAbsent(slug(p), i);
        if (first == null) {
            return true;
        }
        BookConfig.Position at = config.position("chapters[" + i + "]");
        int firstLine = config.position("chapters[" + first + "]").line();
        boolean sameFile = p.equals(bookDir.resolve(listed.get(first)).normalize());
        diagnostics.error(Code.CHAP_009, BookConfigReader.FILE, at.line(), at.column(), sameFile
                ? "the chapter '" + listed.get(i) + "' is listed twice (first on line " + firstLine + ")"
                : "the chapters '" + listed.get(first) + "' (line " + firstLine + ") and '" + listed.get(i)
                        + "' would both be the page text/" + slug(p) + ".xhtml: rename one of them");
        return false;
    }

    /** "did you mean" among the files not listed yet, comparing file names (the shared folder would match anything). */
    private static String fileHint(String missing, List<String> candidates) {
        String name = missing.substring(missing.lastIndexOf('/') + 1);
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String c : candidates) {
            byName.put(c.substring(c.lastIndexOf('/') + 1), c);
        }
        return DidYouMean.nearest(name, byName.keySet()).map(n -> " (did you mean '" + byName.get(n) + "'?)").orElse("");
    }

    private static List<Path> listMarkdown(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Chapter> readChapter(Path bookDir, Named chapter, Diagnostics diagnostics) {
        String file = display(bookDir, chapter.path());
        long size = size(chapter.path());
        if (size > Limits.MAX_CHAPTER_BYTES) {
            diagnostics.error(Code.LIMIT_002, file, 0, 0, "the chapter is " + (size >> 20) + " MiB; a chapter may be at most "
                    + (Limits.MAX_CHAPTER_BYTES >> 20) + " MiB: divide it into chapters");
            return Optional.empty();
        }
        Optional<String> read = readUtf8(bookDir, chapter, Code.CHAP_003, "the chapter", diagnostics);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        String text = read.get();
        Document document;
        try {
            document = MarkdownParser.parse(text);
        } catch (StackOverflowError e) {
            // commonmark merges the text of nested emphasis recursively: nesting by the hundred thousand overflows there
            tooDeep(file, diagnostics);
            return Optional.empty();
        }
        if (Limits.depth(document) > Limits.MAX_DEPTH) {
            tooDeep(file, diagnostics);
            return Optional.empty();
        }
        AttributeBlocks.check(file, text, document, diagnostics);
        FrontMatter frontMatter = frontMatter(file, text, document, diagnostics);
        return Optional.of(new Chapter(file, slug(chapter.path()), text, frontMatter, document));
    }

    private static void tooDeep(String file, Diagnostics diagnostics) {
        diagnostics.error(Code.LIMIT_001, file, 0, 0, "the chapter nests blocks, lists or emphasis more than " + Limits.MAX_DEPTH
                + " levels deep");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FrontMatter frontMatter(String file, String text, Document document, Diagnostics diagnostics) {
        if (document.getFirstChild() instanceof org.commonmark.ext.front.matter.YamlFrontMatterBlock) {
            checkFrontMatterLines(file, text, diagnostics);
        }
        YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
        document.accept(visitor);
        Map<String, List<String>> data = visitor.getData();
        if (data.isEmpty()) {
            return FrontMatter.DEFAULT;
        }
        FrontMatter.Matter matter = FrontMatter.Matter.BODY;
        String type = "chapter";
        boolean glossaryLinks = true;
        for (Map.Entry<String, List<String>> e : data.entrySet()) {
            int line = frontMatterLine(text, e.getKey());
            int valueColumn = e.getKey().length() + 3;
            String value = e.getValue().isEmpty() ? "" : e.getValue().get(0).strip();
            switch (e.getKey()) {
                case "matter" -> {
                    try {
                        matter = FrontMatter.Matter.valueOf(value.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException ex) {
                        diagnostics.error(Code.CHAP_005, file, line, valueColumn, "matter must be front, body or back, not '" + value + "'");
                    }
                }
                case "type" -> {
                    if (FrontMatter.TYPES.contains(value)) {
                        type = value;
                    } else {
                        diagnostics.error(Code.CHAP_005, file, line, valueColumn, "unknown type '" + value + "'"
                                + DidYouMean.hint(value, FrontMatter.TYPES) + "; one of " + String.join(", ", FrontMatter.TYPES));
                    }
                }
                case "glossary-links" -> {
                    if (value.equals("true") || value.equals("false")) {
                        glossaryLinks = value.equals("true");
                    } else {
                        diagnostics.error(Code.CHAP_005, file, line, valueColumn, "glossary-links must be true or false, not '" + value + "'");
                    }
                }
                default -> diagnostics.error(Code.CHAP_005, file, line, 1, "unknown front matter key '" + e.getKey() + "'"
                        + DidYouMean.hint(e.getKey(), FrontMatter.KEYS));
            }
        }
        return new FrontMatter(matter, type, glossaryLinks);
    }

    /**
     * CHAP-005 for what commonmark's front-matter reader passes over in silence: a line that is not {@code key: value}
     * (nor a list item, an indented continuation or a comment), and a key set twice.
     */
    private static void checkFrontMatterLines(String file, String text, Diagnostics diagnostics) {
        String[] lines = text.split("\r?\n", -1);
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 1; i < lines.length && !lines[i].matches("(---|\\.\\.\\.)\\s*"); i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith(" ") || line.startsWith("\t") || line.startsWith("#") || line.startsWith("- ")) {
                continue;
            }
            java.util.regex.Matcher m = FRONT_MATTER_KEY.matcher(line);
            if (!m.lookingAt()) {
                diagnostics.error(Code.CHAP_005, file, i + 1, 1, "front matter line '" + line.strip() + "' is not 'key: value'");
                continue;
            }
            Integer first = seen.putIfAbsent(m.group(1), i + 1);
            if (first != null) {
                diagnostics.error(Code.CHAP_005, file, i + 1, 1, "'" + m.group(1) + "' is set twice in the front matter (first on line "
                        + first + ")");
            }
        }
    }

    private static int frontMatterLine(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length && !lines[i].startsWith("---"); i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }

    private static void checkNamedFile(Path bookDir, BookConfig config, Optional<String> relative, String key, Diagnostics diagnostics) {
        relative.ifPresent(r -> {
            if (!Files.exists(bookDir.resolve(r))) {
                BookConfig.Position at = config.position(key);
                diagnostics.error(Code.BOOK_006, BookConfigReader.FILE, at.line(), at.column(),
                        "the " + key + " file '" + r + "' does not exist");
            }
        });
    }

    /** The bibliography file, read as CSL-JSON or BibTeX by its extension; empty (reported) when it cannot be read. */
    private static Optional<Bibliography> bibliography(Path bookDir, BookConfig config, String relative, Diagnostics diagnostics) {
        Optional<BibliographyReader.Format> format = BibliographyReader.format(relative);
        if (format.isEmpty()) {
            BookConfig.Position at = config.position("bibliography");
            diagnostics.error(Code.CITE_005, BookConfigReader.FILE, at.line(), at.column(), "the bibliography '" + relative
                    + "' must be CSL-JSON (.json) or BibTeX (.bib)");
            return Optional.empty();
        }
        Named named = named(bookDir, config, "bibliography", relative);
        return readUtf8(bookDir, named, Code.CITE_002, "the bibliography", diagnostics)
                .flatMap(text -> BibliographyReader.read(display(bookDir, named.path()), format.get(), text, diagnostics));
    }

    /** The book's {@code styles/<name>}, or the built-in one when the book has none (or it cannot be read: reported). */
    private static String stylesheet(Path bookDir, String name, Diagnostics diagnostics) {
        Path p = bookDir.resolve("styles").resolve(name);
        if (Files.exists(p)) {
            Named css = found(bookDir, p);
            return BookFiles.read(bookDir, p, "the stylesheet", css.written(), css.at(), diagnostics)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElseGet(() -> defaultStylesheet(name));
        }
        return defaultStylesheet(name);
    }

    /** The stylesheet Bookbinder uses when a book has none of its own (also what {@code init} writes). */
    public static String defaultStylesheet(String name) {
        try (InputStream in = ManuscriptLoader.class.getResourceAsStream("/org/bookbinder/defaults/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in stylesheet " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page name of a chapter file: {@code chapters/01-one.md} → {@code 01-one} ({@code text/01-one.xhtml}). */
    private static String slug(Path chapter) {
        String name = chapter.getFileName().toString();
        return name.endsWith(".md") ? name.substring(0, name.length() - ".md".length()) : name;
    }

    static String display(Path bookDir, Path p) {
        Path rel = p.toAbsolutePath().normalize().startsWith(bookDir.toAbsolutePath().normalize())
                ? bookDir.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize())
                : p;
        return slashed(rel);
    }

    private static String slashed(Path p) {
        return p.toString().replace('\\', '/');
    }
}
