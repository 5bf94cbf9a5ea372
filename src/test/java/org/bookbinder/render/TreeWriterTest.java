package org.bookbinder.render;

import org.bookbinder.annotate.AnnotatedBook;
import org.bookbinder.annotate.AnnotatedChapter;
import org.bookbinder.annotate.Annotator;
import org.bookbinder.annotate.sanitise.RawHtmlSpans;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.ManuscriptLoader;
import org.bookbinder.load.MarkdownParser;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree {@link TreeWriter} builds while a chapter is written is the tree jsoup parses from the chapter's HTML,
 * node for node (the same markup written back): on every chapter of the flagship, the test books, a synthetic book and
 * a book of odd nestings, and on the CommonMark spec's examples; and it gives up where the parser would mend markup.
 */
class TreeWriterTest {
    @TempDir
    static Path temp;

    @Test
    void everyChapterGetsTheTreeJsoupWouldParse() throws IOException {
        List<Path> books = new java.util.ArrayList<>(DirectXhtmlTest.books(temp));
        books.add(oddNestings());
        int built = 0;
        int parsed = 0;
        for (Path book : books) {
            Diagnostics diagnostics = new Diagnostics();
            AnnotatedBook annotated = Annotator.annotate(ManuscriptLoader.load(book, diagnostics), Optional.empty(), diagnostics);
            for (AnnotatedChapter chapter : annotated.chapters()) {
                if (builtAsParsed(ChapterHtml.rendered(chapter.document()), book + ": " + chapter.file())) {
                    built++;
                } else {
                    parsed++;
                }
            }
        }
        assertThat(built).as("chapters whose tree is built as they are written").isGreaterThanOrEqualTo(20);
        assertThat(parsed).as("chapters with raw HTML, parsed").isGreaterThan(0);
    }

    @Test
    void theSpecExamplesGetTheTreeJsoupWouldParse() {
        int built = 0;
        int parsed = 0;
        for (Example example : ExampleReader.readExamples(getClass().getResource("/spec.txt"))) {
            if (builtAsParsed(ChapterHtml.rendered(MarkdownParser.parse(example.getSource())),
                    "example " + example.getSection() + ": " + example.getSource())) {
                built++;
            } else {
                parsed++;
            }
        }
        assertThat(built).as("examples built as written").isGreaterThan(550);
        assertThat(parsed).as("examples with raw HTML or what the parser mends").isGreaterThan(50);
    }

    /** Whether the tree was built as the HTML was written; if it was, it must be the tree jsoup parses from the HTML. */
    private static boolean builtAsParsed(ChapterHtml.Rendered rendered, String what) {
        if (rendered.tree().isEmpty()) {
            return false;
        }
        assertThat(rendered.tree().get().html()).as(what).isEqualTo(Markup.parseFragment(rendered.html()).html());
        return true;
    }

    /**
     * Each of these writes markup that jsoup's parse does not keep as written (shown by the parse itself): the writer
     * must give up on it.
     */
    @Test
    void givesUpWhereTheParserWouldMendTheMarkup() {
        Map<String, Consumer<TreeWriter>> mended = Map.of(
                "a paragraph in a paragraph", w -> {
                    w.tag("p");
                    w.tag("p");
                    w.text("x");
                    w.tag("/p");
                    w.tag("/p");
                },
                "a link in a link", w -> {
                    w.tag("a", Map.of("href", "#a"));
                    w.tag("a", Map.of("href", "#b"));
                    w.text("x");
                    w.tag("/a");
                    w.tag("/a");
                },
                "a heading in a heading", w -> {
                    w.tag("h2");
                    w.tag("h3");
                    w.text("x");
                    w.tag("/h3");
                    w.tag("/h2");
                },
                "a list item in a list item", w -> {
                    w.tag("ul");
                    w.tag("li");
                    w.text("x");
                    w.tag("li");
                    w.text("y");
                    w.tag("/li");
                    w.tag("/li");
                    w.tag("/ul");
                },
                "text in a table row", w -> {
                    w.tag("table");
                    w.tag("tbody");
                    w.tag("tr");
                    w.text("x");
                    w.tag("/tr");
                    w.tag("/tbody");
                    w.tag("/table");
                },
                "a NUL character", w -> w.text("a\u0000b"),
                "a self-closed span", w -> w.tag("span", Map.of(), true),
                "a tag left open", w -> w.tag("em"));
        mended.forEach((what, writing) -> {
            StringBuilder out = new StringBuilder();
            Element naive = Markup.emptyBody();
            TreeWriter writer = new TreeWriter(out, naive, new RawHtmlSpans());
            writing.accept(writer);
            assertThat(writer.tree()).as(what).isEmpty();
            assertThat(Markup.parseFragment(out.toString()).html()).as("the parser mends " + what).isNotEqualTo(out.toString());
        });
    }

    @Test
    void buildsWhatTheParserKeeps() {
        StringBuilder out = new StringBuilder();
        TreeWriter writer = new TreeWriter(out, Markup.emptyBody(), new RawHtmlSpans());
        writer.tag("p", Map.of("CLASS", "x"));
        writer.text("a & b < c ");
        writer.tag("em");
        writer.text("d");
        writer.tag("/em");
        writer.raw(" <i>e</i> &amp; f");
        writer.tag("br", Map.of(), true);
        writer.tag("/p");
        writer.line();
        assertThat(writer.tree()).isPresent();
        assertThat(writer.tree().get().html()).isEqualTo(Markup.parseFragment(out.toString()).html())
                .isEqualTo("<p class=\"x\">a &amp; b &lt; c <em>d</em> <i>e</i> &amp; f<br></p>\n");
    }

    /** Notes, citations and glossary terms inside links, emphasis, headings with attributes, tables, lists and quotations. */
    private static Path oddNestings() throws IOException {
        Path book = temp.resolve("odd-nestings");
        Path chapters = book.resolve("chapters");
        Files.createDirectories(chapters);
        Path glossary = Path.of("src/test/resources/books/glossary");
        Files.copy(glossary.resolve("chapters/glossary.yaml"), chapters.resolve("glossary.yaml"));
        Files.copy(Path.of("src/test/resources/books/citations/chapters/references.json"), chapters.resolve("references.json"));
        Files.writeString(book.resolve("book.yaml"), Files.readString(glossary.resolve("book.yaml"))
                .replace("glossary: chapters/glossary.yaml", "glossary: chapters/glossary.yaml\nbibliography: chapters/references.json"));
        String terms = "the NKVD, the Gulags and internees";
        Files.writeString(chapters.resolve("01-odd.md"), """
                # Odd {#odd .title data-Level=1}

                [A link with a note^[An inline *note* with [a link](https://example.org).] and %s](https://example.org/x)
                and *emphasis with a citation [@nimmo1988, p. 84] and a note.[^n]* **Strong [@beevor1998]**.

                > A quotation with %s and a note.[^n]
                >
                > - a list in it [@nimmo1988, 90]
                > - and [a span]{.x lang=de} with a [link](https://example.org "T")

                | Term | Source |
                |---|---|
                | %s | [@beevor2012] |

                1. One^[Inline.]

                   Two paragraphs.
                2. `code` and a hard\\
                   line break

                ## Heading with [@nimmo1988] and a note[^n]

                [^n]: A note with %s, and [@cienciala2007, 29], in a list:

                    - one
                    - two
                """.formatted(terms, terms, terms, terms));
        return book;
    }
}
