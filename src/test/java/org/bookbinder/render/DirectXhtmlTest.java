package org.bookbinder.render;

import org.bookbinder.annotate.AnnotatedBook;
import org.bookbinder.annotate.AnnotatedChapter;
import org.bookbinder.annotate.Annotator;
import org.bookbinder.bench.SyntheticBook;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.ManuscriptLoader;
import org.bookbinder.load.MarkdownParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chapter that {@link DirectXhtml} lets skip jsoup gets the very XHTML the jsoup path writes: checked on every
 * chapter of the flagship, the test books and a small synthetic book, and on the cases it must send to jsoup.
 */
class DirectXhtmlTest {
    @TempDir
    static Path temp;

    static List<Path> books() throws IOException {
        return books(temp);
    }

    /** The flagship, the test books and a small synthetic book written into {@code temp}. */
    static List<Path> books(Path temp) throws IOException {
        List<Path> books = new ArrayList<>(List.of(Path.of(".")));
        try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/books"))) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("book.yaml"))).sorted().forEach(books::add);
        }
        Path synthetic = temp.resolve("synthetic");
        SyntheticBook.write(synthetic, 6, 42L);
        books.add(synthetic);
        return books;
    }

    @Test
    void everyChapterThatSkipsJsoupGetsTheSameBytes() throws IOException {
        int direct = 0;
        int viaJsoup = 0;
        for (Path book : books()) {
            Diagnostics diagnostics = new Diagnostics();
            AnnotatedBook annotated = Annotator.annotate(ManuscriptLoader.load(book, diagnostics), Optional.empty(), diagnostics);
            for (AnnotatedChapter chapter : annotated.chapters()) {
                String html = ChapterHtml.render(chapter.document());
                if (DirectXhtml.applies(chapter.document(), html)) {
                    assertThat(html).as("%s: %s", book, chapter.file()).isEqualTo(Markup.xhtml(Markup.parseFragment(html)));
                    direct++;
                } else {
                    viaJsoup++;
                }
            }
        }
        assertThat(direct).as("chapters written directly").isGreaterThan(10);
        assertThat(viaJsoup).as("chapters that need jsoup (raw HTML, images, chapter links, languages)").isGreaterThan(0);
    }

    @Test
    void whatJsoupWouldChangeGoesToJsoup() {
        for (String markdown : List.of("A <b>raw</b> tag.", "<div>A block</div>", "![A map](map.png)", "[See](02-next.md#x)",
                "[Ostlegionen]{lang=de}", "`say \"hi\"`", "No\u00A0break.", "A bell\u0007.")) {
            var document = MarkdownParser.parse(markdown);
            String html = ChapterHtml.render(document);
            assertThat(DirectXhtml.applies(document, html)).as(markdown).isFalse();
        }
        var plain = MarkdownParser.parse("Plain *text* & a [link](https://example.org \"T\"), `code < 3`.\n\n> Quoted.");
        String html = ChapterHtml.render(plain);
        assertThat(DirectXhtml.applies(plain, html)).isTrue();
        assertThat(html).isEqualTo(Markup.xhtml(Markup.parseFragment(html)));
    }
}
