package org.bookbinder.render.print;

import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.bookbinder.load.BookConfig.PrintSettings;
import org.bookbinder.diagnostics.Diagnostic;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.bookbinder.render.print.PrintedEditionTest.letters;
import static org.bookbinder.render.print.PrintedEditionTest.run;
import static org.bookbinder.render.print.PrintedEditionTest.words;

/**
 * {@code bookbinder build --pdf} on a small two-sided US Letter book (two Chromium runs: the first print and the
 * one with page numbers): the PDF has the book's page, mirrored margins, chapters opening on right-hand pages
 * with blank pages before them where needed, and the contents' page numbers are where the entries are.
 */
class PdfEditionTest {
    static final Path BOOK = Path.of("src/test/resources/books/two-sided");
    private static final double PT = 72 / 25.4;

    @TempDir
    static Path out;
    static PrintedEditionTest.Printed book;

    @BeforeAll
    static void build() throws Exception {
        book = PrintedEditionTest.Printed.build(BOOK, "two-sided", out.resolve("pdf"), BuildOptions.defaults().withPdf(true),
                PrintedEditionTest.requireTools());
    }

    @Test
    void everyPageIsLetterAndChaptersOpenOnRightHandPagesAfterABlankOneIfNeeded() {
        assertThat(book.pageSizes).allSatisfy(size -> {
            assertThat(size[0]).isCloseTo(612, offset(1.0));
            assertThat(size[1]).isCloseTo(792, offset(1.0));
        });
        int blanks = 0;
        for (Element h1 : book.html.select("section.chapter > h1")) {
            int page = book.pageStartingWith(letters(h1.text()), 2);
            assertThat((page + 1) % 2).as("'" + h1.text() + "' opens on page " + (page + 1) + ", a right-hand page").isEqualTo(1);
            if (book.pages.get(page - 1).isBlank()) {
                blanks++;
                assertThat(book.tops.get(page - 1).strip()).as("the blank page " + page + " has no running head or number").isEmpty();
            }
        }
        assertThat(blanks).as("blank pages put before chapters that would open on the left").isPositive();
    }

    @Test
    void marginsMirrorAndFoliosStandAtTheOuterCorners() {
        PageGeometry g = PageGeometry.of(new PrintSettings("letter", true));
        int checked = 0;
        for (int p = 2; p < book.pages.size(); p++) {
            if (book.leftEdges.get(p) == null || letters(book.pages.get(p)).startsWith("colophon")) {
                continue;                                  // blank, or the centred colophon
            }
            boolean right = (p + 1) % 2 == 1;
            assertThat(book.leftEdges.get(p)).as("left edge of the text on page " + (p + 1))
                    .isCloseTo((right ? g.inner() : g.outer()) * PT, offset(2.0));
            List<String> top = words(book.tops.get(p));
            assertThat(right ? top.get(top.size() - 1) : top.get(0)).as("folio of page " + (p + 1) + " at its outer corner")
                    .isEqualTo(String.valueOf(p + 1));
            checked++;
        }
        assertThat(checked).isGreaterThan(3);
    }

    @Test
    void theContentsGiveThePageOfEveryEntry() throws Exception {
        List<String> lines = List.of(run("pdftotext", "-layout", "-enc", "UTF-8", "-f", "2", "-l", "2", book.pdf.toString(), "-").split("\n"));
        int checked = 0;
        for (Element a : book.html.select("nav.toc a[href^=#]")) {
            Element target = book.html.getElementById(a.attr("href").substring(1));
            String title = letters(target.text());
            int page = target.is("h1, footer h2") ? book.pageStartingWith(title, 2) : book.pageOf(title, 2) ;
            String expected = String.valueOf(page + 1);
            assertThat(lines).as("a line of the contents gives '" + a.text() + "' and its page, " + expected)
                    .anyMatch(l -> letters(l).equals(letters(a.text())) && l.strip().endsWith(" " + expected));
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void thePdfIsDatedByTheBookNotTheClock() throws Exception {
        assertThat(run("pdfinfo", "-isodates", book.pdf.toString())).contains("2026-02-01T00:00:00");
    }

    @Test
    void withoutChromiumTheBuildFailsWithPrint001AndWritesNothing() throws Exception {
        Diagnostic d = failedPdfBuild(out.resolve("no-chromium"), out.resolve("no-such-chromium"));
        assertThat(d.code()).isEqualTo("PRINT-001");
        assertThat(d.message()).contains("no Chromium found").contains("apt-get install chromium");
    }

    @Test
    void whenChromiumFailsTheBuildFailsWithPrint002AndWritesNothing() throws Exception {
        Path fails = Path.of("/bin/false");
        assertThat(fails).as("a program that exits 1 and prints nothing").isExecutable();
        Diagnostic d = failedPdfBuild(out.resolve("chromium-fails"), fails);
        assertThat(d.code()).isEqualTo("PRINT-002");
        assertThat(d.message()).contains("cannot make the PDF with " + fails).contains("Chromium wrote no PDF (exit 1)");
    }

    /** Builds the book with --pdf and {@code chromium} as the Chromium; the build must fail with one diagnostic and write nothing. */
    private static Diagnostic failedPdfBuild(Path dir, Path chromium) throws IOException {
        String previous = System.getProperty("bookbinder.chromium");
        System.setProperty("bookbinder.chromium", chromium.toString());
        try {
            BuildResult result = Bookbinder.build(BOOK, BuildOptions.defaults().withOutDir(dir).withCheck(false).withPdf(true));
            assertThat(result.succeeded()).isFalse();
            assertThat(result.diagnostics()).hasSize(1);
            try (var files = Files.list(dir)) {
                assertThat(files.toList()).as("a failed build writes nothing").isEmpty();
            }
            return result.diagnostics().get(0);
        } finally {
            if (previous == null) {
                System.clearProperty("bookbinder.chromium");
            } else {
                System.setProperty("bookbinder.chromium", previous);
            }
        }
    }
}
