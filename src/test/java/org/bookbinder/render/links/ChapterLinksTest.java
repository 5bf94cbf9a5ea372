package org.bookbinder.render.links;

import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links that go somewhere: to other chapters by their Markdown files (one with a name beyond ASCII), to headings, spans,
 * notes and raw-HTML ids, from chapters and from glossary definitions. They pass the check, become links to the pages in the e-book, and the
 * EPUB passes EPUBCheck (which would report a link to a missing file or id). The corpus has the links that go nowhere
 * ({@code src/test/resources/bad/LINK-*}).
 */
class ChapterLinksTest {
    @TempDir
    static Path temp;
    static BuildResult result;
    static Path epub;

    @BeforeAll
    static void build() throws IOException {
        Path book = temp.resolve("book");
        Files.createDirectories(book.resolve("chapters"));
        Files.writeString(book.resolve("book.yaml"), "id: links\ntitle: A Book\nlanguage: en\nglossary: chapters/glossary.yaml\n");
        Files.writeString(book.resolve("chapters/01-one.md"), """
                # Chapter One

                See [the camps](02-camps.md), [their lists](02-camps.md#camps-list), [the NKVD](chapters/02-camps.md#nkvd),
                [its note](./02-camps.md#note-1), [the table](02-camps.md#figures), [the summer](03-été.md#un-été) and
                [this chapter's end](#the-end).
                The Gulag held them. <a href="02-camps.md#camps-list">A raw link</a>.

                ## The End
                """);
        Files.writeString(book.resolve("chapters/02-camps.md"), """
                # The Camps

                ## Camps List

                The [NKVD]{#nkvd} ran them.[^a]

                <table id="figures"><tr><td>1</td></tr></table>

                [^a]: A note.
                """);
        Files.writeString(book.resolve("chapters/03-été.md"), "# L'été\n\n## Un été\n");
        Files.writeString(book.resolve("chapters/glossary.yaml"),
                "- term: Gulag\n  definition: The camps; see [their lists](02-camps.md#camps-list).\n");
        result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(temp.resolve("out")));
        epub = temp.resolve("out/links.epub");
    }

    @Test
    void everyLinkPassesTheCheckAndEpubCheck() {
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void linksToChapterFilesGoToTheirPages() throws IOException {
        assertThat(hrefs("EPUB/text/01-one.xhtml")).containsExactly("02-camps.xhtml", "02-camps.xhtml#camps-list", "02-camps.xhtml#nkvd",
                "02-camps.xhtml#note-1", "02-camps.xhtml#figures", "03-%C3%A9t%C3%A9.xhtml#un-%C3%A9t%C3%A9", "#the-end", "glossary.xhtml#def-gulag", "02-camps.xhtml#camps-list");
        assertThat(hrefs("EPUB/text/glossary.xhtml")).contains("02-camps.xhtml#camps-list");
    }

    private static List<String> hrefs(String entry) throws IOException {
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            String xhtml = new String(zip.getInputStream(zip.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
            return Jsoup.parse(xhtml, "", Parser.xmlParser()).select("body a[href]").stream().map(a -> a.attr("href")).toList();
        }
    }
}
