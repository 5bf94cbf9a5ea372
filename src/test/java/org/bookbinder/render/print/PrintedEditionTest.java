package org.bookbinder.render.print;

import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Prints the flagship's print edition (one-sided A4, the default) with headless Chromium, once, as a teacher's
 * browser would print the HTML, and reads the PDF back with poppler's {@code pdfinfo} and {@code pdftotext}.
 * Fails, loudly, when Chromium or poppler-utils is missing ({@code .ci/run} installs both).
 */
class PrintedEditionTest {
    /** Points per millimetre. */
    private static final double PT = 72 / 25.4;

    @TempDir
    static Path out;
    static Printed flagship;

    @BeforeAll
    static void print() throws Exception {
        ChromiumPrinter chromium = requireTools();
        flagship = Printed.build(Path.of(""), "soviet-pows", out.resolve("flagship"), BuildOptions.defaults(), chromium);
    }

    /** The Chromium to print with; fails when it or poppler-utils is missing. */
    static ChromiumPrinter requireTools() {
        ChromiumPrinter chromium = ChromiumPrinter.find().orElseGet(() -> fail(ChromiumPrinter.missingMessage()
                + " -- the print edition's tests print with it (.ci/run installs it)"));
        for (String tool : List.of("pdfinfo", "pdftotext")) {
            if (!onPath(tool)) {
                fail(tool + " is not installed -- the print edition's tests read the PDF with poppler-utils "
                        + "(apt-get install poppler-utils; .ci/run installs it)");
            }
        }
        return chromium;
    }

    // ---------------------------------------------------------------- the flagship, one-sided A4

    @Test
    void everyPageIsA4() {
        assertThat(flagship.pageSizes).isNotEmpty().allSatisfy(size -> {
            assertThat(size[0]).as("width").isCloseTo(210 * PT, org.assertj.core.data.Offset.offset(1.5));
            assertThat(size[1]).as("height").isCloseTo(297 * PT, org.assertj.core.data.Offset.offset(1.5));
        });
        assertThat(flagship.pages.size()).as("pages").isGreaterThan(10);
    }

    @Test
    void theTitlePageHasNoNumberAndEveryLaterPageHasItsNumberInTheTopMargin() {
        assertThat(flagship.tops.get(0).strip()).as("the title page's top margin").isEmpty();
        for (int i = 1; i < flagship.pages.size(); i++) {
            assertThat(words(flagship.tops.get(i))).as("top margin of page " + (i + 1)).contains(String.valueOf(i + 1));
        }
    }

    @Test
    void leftPagesCarryTheBookTitleAndRightPagesTheCurrentChapterTitle() {
        String bookTitle = letters(flagship.html.selectFirst("header.titlepage h1").text());
        List<Element> chapters = flagship.html.select("section.chapter");
        int[] startPage = new int[chapters.size()];
        for (int c = 0; c < chapters.size(); c++) {
            String title = letters(chapters.get(c).selectFirst("h1").text());
            startPage[c] = flagship.pageStartingWith(title, c == 0 ? 2 : startPage[c - 1]);
            assertThat(startPage[c]).as("page where '" + title + "' opens").isGreaterThan(1);
            assertThat(letters(flagship.pages.get(startPage[c])).indexOf(title))
                    .as("chapter '" + title + "' opens its page: its title is the first text on it").isZero();
        }
        int checkedRight = 0;
        for (int c = 0; c < chapters.size(); c++) {
            int last = c + 1 < chapters.size() ? startPage[c + 1] - 1 : flagship.pageStartingWith(letters("Colophon"), startPage[c]) - 1;
            String title = letters(chapters.get(c).selectFirst("h1").text());
            for (int p = startPage[c]; p <= last; p++) {
                String head = letters(flagship.tops.get(p));
                if ((p + 1) % 2 == 1) {
                    assertThat(head).as("running head of right-hand page " + (p + 1)).contains(title);
                    checkedRight++;
                } else {
                    assertThat(head).as("running head of left-hand page " + (p + 1)).contains(bookTitle);
                }
            }
        }
        assertThat(checkedRight).as("right-hand chapter pages checked").isGreaterThan(3);
    }

    @Test
    void everyNoteStartsOnThePageOfItsReference() {
        List<Element> refs = flagship.html.select("a.noteref");
        assertThat(refs).hasSizeGreaterThan(30);
        int cursor = 1;
        for (Element ref : refs) {
            Element note = flagship.html.getElementById(ref.attr("href").substring(1));
            assertThat(note).as("the note of reference " + ref.id()).isNotNull();
            String before = textBefore(ref);
            int refPage = flagship.pageOfEnd(before, cursor);
            String start = letters(note.text().replaceFirst("^\\s*\\d+\\.\\s*", ""));
            start = start.substring(0, Math.min(40, start.length()));
            int notePage = flagship.pageOf(start, refPage);
            assertThat(notePage).as("page of note " + note.id() + " ('" + start + "…'), whose reference follows '…"
                    + before.substring(Math.max(0, before.length() - 30)) + "' on page " + (refPage + 1)).isEqualTo(refPage);
            cursor = refPage;
        }
    }

    @Test
    void notesAreNumberedAsInTheEpub() {
        List<String> print = flagship.html.select("a.noteref").eachText();
        List<String> epub = new ArrayList<>();
        for (String xhtml : flagship.epubChapters) {
            Document d = Jsoup.parse(xhtml, "", Parser.xmlParser());
            epub.addAll(d.select("a[role=doc-noteref]").eachText());
        }
        assertThat(print).isNotEmpty().isEqualTo(epub);
        for (Element ref : flagship.html.select("a.noteref")) {
            Element note = flagship.html.getElementById(ref.attr("href").substring(1));
            assertThat(note.selectFirst("a.backlink").text()).isEqualTo(ref.text() + ".");
        }
    }

    @Test
    void noPageEndsWithAHeading() {
        int cursor = 2;
        int checked = 0;
        for (Element h : flagship.html.select("section.chapter h2, section.chapter h3")) {
            Element next = h.nextElementSibling();
            if (next == null) {
                continue;
            }
            String following = letters(ownText(next));
            String together = letters(h.text()) + following.substring(0, Math.min(25, following.length()));
            // the heading and the start of what follows it, read on one page, in one run
            cursor = flagship.pageOf(together, cursor);
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void linesEndInHyphensWhereTheBuildPutSoftHyphens() {
        Set<String> softBreaks = new HashSet<>();
        Matcher w = Pattern.compile("[\\p{L}\\u00AD]+").matcher(flagship.html.body().wholeText());
        while (w.find()) {
            String word = w.group();
            for (int i = word.indexOf('\u00AD'); i >= 0; i = word.indexOf('\u00AD', i + 1)) {
                softBreaks.add(word.substring(0, i).replace("\u00AD", "") + "|" + word.substring(i + 1).replace("\u00AD", ""));
            }
        }
        assertThat(softBreaks).as("soft hyphens in the print HTML").hasSizeGreaterThan(500);
        int hyphenated = 0;
        // Chromium draws the hyphen of a soft hyphen that breaks a line as U+2010 and keeps the other soft hyphens
        Pattern lineEnd = Pattern.compile("(\\p{L}+)[-\u2010]\\n(\\p{L}+)");
        for (String page : flagship.pages) {
            Matcher m = lineEnd.matcher(page.replace("\u00AD", ""));
            while (m.find()) {
                if (softBreaks.contains(m.group(1) + "|" + m.group(2))) {
                    hyphenated++;
                }
            }
        }
        assertThat(hyphenated).as("lines ending in a hyphen at a soft hyphen").isGreaterThan(20);
        for (Element h : flagship.html.select("h1, h2, h3")) {
            assertThat(h.text()).as("a heading is never hyphenated").doesNotContain("\u00AD");
        }
    }

    @Test
    void softHyphensStayOutOfTheEpub() {
        assertThat(flagship.epubChapters).isNotEmpty().allSatisfy(x -> assertThat(x).doesNotContain("\u00AD").doesNotContain("&#xad;"));
    }

    @Test
    void theEditionIsOneSelfContainedFileThatValidatesAsHtml5() throws Exception {
        assertThat(flagship.html.select("link[href], script, img[src]:not([src^=data:]), iframe, object, embed"))
                .as("nothing is fetched from outside the file, and no script").isEmpty();
        assertThat(flagship.html.select("style").html()).as("the fonts are embedded")
                .contains("font-family: \"EB Garamond\"").contains("data:font/woff2;base64,");
        Path vnu = vnuJar();
        String report = run(javaExecutable(), "-jar", vnu.toString(), "--errors-only", "--format", "text", flagship.file.toString());
        assertThat(report.strip()).as("Nu HTML Checker").isEmpty();
    }

    /** The Nu HTML Checker: {@code $VNU_JAR}, or the npm package {@code vnu-jar} that .ci/run installs. */
    private static Path vnuJar() throws Exception {
        String env = System.getenv("VNU_JAR");
        Path jar = env != null && !env.isBlank() ? Path.of(env) : Path.of("target/vnu/node_modules/vnu-jar/build/dist/vnu.jar");
        if (!Files.isRegularFile(jar) && (env == null || env.isBlank()) && onPath("npm")) {
            run("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", "target/vnu", "vnu-jar@26.9.27");
        }
        if (!Files.isRegularFile(jar)) {
            fail("the Nu HTML Checker is missing (" + jar + "): run 'npm install --prefix target/vnu vnu-jar@26.9.27' "
                    + "or set VNU_JAR (.ci/run does the first)");
        }
        return jar;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ---------------------------------------------------------------- helpers

    /** A book built into {@code dir} and printed: its print HTML, its EPUB's chapters, and the PDF read back. */
    static final class Printed {
        Path file;
        Path pdf;
        Document html;
        List<String> epubChapters = new ArrayList<>();
        List<String> pages;
        List<String> tops;
        List<double[]> pageSizes = new ArrayList<>();
        /** Per page, the smallest x of a word below the top margin, or null for a page without text. */
        List<Double> leftEdges = new ArrayList<>();

        /**
         * Builds {@code book} into {@code dir} and reads its PDF: the one {@code --pdf} made when the options ask
         * for it, else the print edition printed here as a browser would.
         */
        static Printed build(Path book, String id, Path dir, BuildOptions options, ChromiumPrinter chromium) throws Exception {
            BuildResult result = Bookbinder.build(book, options.withOutDir(dir).withCheck(false));
            assertThat(result.succeeded()).as("build of " + book + ": " + result.diagnostics()).isTrue();
            Printed p = new Printed();
            Path htmlFile = dir.resolve(id + ".html");
            p.file = htmlFile;
            p.html = Jsoup.parse(Files.readString(htmlFile, StandardCharsets.UTF_8));
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(dir.resolve(id + ".epub")))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().startsWith("EPUB/text/")) {
                        p.epubChapters.add(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            Path pdf = dir.resolve(id + ".pdf");
            if (!options.pdf()) {
                chromium.print(htmlFile, pdf);
            }
            p.pdf = pdf;
            // the page area (below the top margin), and the top margin with its running head and folio
            p.pages = splitPages(run("pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "50", "-W", "700", "-H", "1000", pdf.toString(), "-"));
            p.tops = splitPages(run("pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "0", "-W", "700", "-H", "50", pdf.toString(), "-"));
            Matcher size = Pattern.compile("Page +\\d+ size: +([\\d.]+) x ([\\d.]+)").matcher(run("pdfinfo", "-f", "1", "-l", "9999", pdf.toString()));
            while (size.find()) {
                p.pageSizes.add(new double[] {Double.parseDouble(size.group(1)), Double.parseDouble(size.group(2))});
            }
            Document bbox = Jsoup.parse(run("pdftotext", "-enc", "UTF-8", "-bbox", pdf.toString(), "-"), "", Parser.xmlParser());
            for (Element page : bbox.select("page")) {
                Double min = null;
                for (Element word : page.select("word")) {
                    if (Double.parseDouble(word.attr("yMin")) > 50) {
                        double x = Double.parseDouble(word.attr("xMin"));
                        min = min == null ? x : Math.min(min, x);
                    }
                }
                p.leftEdges.add(min);
            }
            assertThat(p.tops.size()).as("pages read in the top margin").isEqualTo(p.pages.size());
            assertThat(p.pageSizes.size()).as("page sizes").isEqualTo(p.pages.size());
            return p;
        }

        /** The first page, from {@code from} on, whose text holds {@code letters}; fails if none does. */
        int pageOf(String letters, int from) {
            for (int i = Math.max(0, from); i < pages.size(); i++) {
                if (letters(pages.get(i)).contains(letters)) {
                    return i;
                }
            }
            return fail("'" + letters + "' is on no page from " + (from + 1));
        }

        /** The first page, from {@code from} on, whose text begins with {@code letters}. */
        int pageStartingWith(String letters, int from) {
            for (int i = Math.max(0, from); i < pages.size(); i++) {
                if (letters(pages.get(i)).startsWith(letters)) {
                    return i;
                }
            }
            return fail("no page from " + (from + 1) + " begins with '" + letters + "'");
        }

        /** The page where the text {@code before} ends: the longest tail of it found whole on one page. */
        int pageOfEnd(String before, int from) {
            String l = letters(before);
            for (int n : new int[] {40, 25, 14}) {
                String tail = l.substring(Math.max(0, l.length() - n));
                for (int i = Math.max(0, from); i < pages.size(); i++) {
                    if (letters(pages.get(i)).contains(tail)) {
                        return i;
                    }
                }
            }
            return fail("the text before a note reference ('" + before + "') is on no page from " + (from + 1));
        }
    }

    /** The text of {@code ref}'s block before it, leaving out the notes set inside that block. */
    static String textBefore(Element ref) {
        Element block = ref.parent();
        while (block != null && !block.is("p, li, td, dd, blockquote, div, section")) {
            block = block.parent();
        }
        StringBuilder sb = new StringBuilder();
        boolean[] done = {false};
        NodeTraversor.traverse((node, depth) -> {
            if (node == ref) {
                done[0] = true;
            }
            if (!done[0] && node instanceof TextNode t && !insideNote(t)) {
                sb.append(t.getWholeText());
            }
        }, block);
        return sb.toString().replace("\u00AD", "");
    }

    static String ownText(Element e) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && !insideNote(t)) {
                sb.append(t.getWholeText());
            }
        }, e);
        return sb.toString();
    }

    private static boolean insideNote(Node n) {
        for (Node p = n.parent(); p != null; p = p.parent()) {
            if (p instanceof Element e && (e.hasClass("note") || e.hasClass("noteref"))) {
                return true;
            }
        }
        return false;
    }

    /** Letters only, lower case: what survives line breaks, hyphenation, small capitals and ligatures alike. */
    static String letters(String s) {
        return s.replace("\u00AD", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }

    static List<String> words(String s) {
        return List.of(s.strip().split("\\s+"));
    }

    static List<String> splitPages(String text) {
        List<String> pages = new ArrayList<>(List.of(text.split("\f", -1)));
        if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);
        }
        return pages;
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] stdout;
        try (InputStream in = p.getInputStream()) {
            stdout = in.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new String(stdout, StandardCharsets.UTF_8);
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
