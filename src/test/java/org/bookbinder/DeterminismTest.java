package org.bookbinder;

import org.bookbinder.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The same book gives the same bytes, whatever the machine's time zone and locale; the package's modified time is fixed. */
class DeterminismTest {
    private static final String DATE = "2026-01-15";
    private static final Pattern MODIFIED = Pattern.compile("<meta property=\"dcterms:modified\">([^<]*)</meta>");

    /** A chapter with what varies most from machine to machine: front matter, notes, typography, a table, a span. */
    private static final String CHAPTER = """
            ---
            type: preface
            matter: front
            ---

            # Before We Begin {#before}

            "Quoted" text -- with dashes... and a note.[^a] An inline note.^[Inline.] A span [Ostlegionen]{lang=de}.

            ## Two Tables

            | A | B |
            |---|---|
            | 1 | 2 |

            [^a]: The note.
            """;

    @TempDir
    Path temp;

    @Test
    void aCheckedBuildHasNoErrorsAndNoWarnings() throws IOException {
        Path book = book("checked");

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(temp.resolve("out")));

        assertThat(result.timings()).as("EPUBCheck ran").containsKey("check");
        assertThat(result.count(Severity.ERROR)).isZero();
        assertThat(result.count(Severity.WARNING)).isZero();
        assertThat(result.diagnostics()).as("diagnostics").isEmpty();
        assertThat(result.outputs()).containsExactly(temp.resolve("out/checked.epub"), temp.resolve("out/checked.html"),
                temp.resolve("out/checked.marc.xml"), temp.resolve("out/checked.opds.xml"));
    }

    @Test
    void sameBytesInAnotherTimeZoneAndLocale() throws IOException {
        Path book = book("same");
        assertSameBytesInKiritimatiAndTurkish(book, "same");
    }

    /**
     * commonmark's heading-anchor {@code IdGenerator} lower-cases with {@code String.toLowerCase()}, in the default
     * locale: in Turkish, "Istanbul" becomes the id "ıstanbul", in the chapter, the nav and the NCX alike.
     */
    @Test
    void sameHeadingIdsInTurkish() throws IOException {
        Path book = book("turkish");
        Files.writeString(book.resolve("chapters/02-index.md"), "# INDEX OF ITEMS\n\n## Istanbul Idioms\n\nText.\n");
        assertSameBytesInKiritimatiAndTurkish(book, "turkish");
    }

    /**
     * The glossary's ids, its case folding ("INTERNEES" for the entry "internees") and the page's alphabetical order
     * come from the book, not the machine: in Turkish, "I" lower-cases to a dotless "ı".
     */
    @Test
    void sameGlossaryInTurkish() throws IOException {
        Path book = book("glossed");
        Files.writeString(book.resolve("glossary.yaml"), "- term: Izmir\n  definition: A city.\n"
                + "- term: internees\n  definition: People held in custody.\n- term: Istanbul\n  definition: Another city.\n");
        Files.writeString(book.resolve("chapters/02-cities.md"), "# Cities\n\nINTERNEES in Istanbul and Izmir.\n");
        String yaml = Files.readString(book.resolve("book.yaml"), StandardCharsets.UTF_8);
        Files.writeString(book.resolve("book.yaml"), yaml + (yaml.endsWith("\n") ? "" : "\n") + "glossary: glossary.yaml\n");
        assertSameBytesInKiritimatiAndTurkish(book, "glossed");
        String page = new String(entry(temp.resolve("usual/glossed.epub"), "EPUB/text/glossary.xhtml"), StandardCharsets.UTF_8);
        assertThat(page).containsSubsequence("id=\"term-internees\"", "id=\"term-istanbul\"", "id=\"term-izmir\"");
        String chapter = new String(entry(temp.resolve("usual/glossed.epub"), "EPUB/text/02-cities.xhtml"), StandardCharsets.UTF_8);
        assertThat(chapter).contains(">INTERNEES</a>");
    }

    /**
     * Some defaults are read once, when a class is loaded (the default locale of a formatter, a collator): only a fresh
     * JVM started in another locale or time zone shows them. The busy book builds in JVMs of their own, in Turkish,
     * German and Arabic (Egypt, with its own digits) and at UTC+14, byte for byte as this JVM builds it.
     */
    @Test
    void sameBytesFromJvmsStartedInOtherLocalesAndTimeZones() throws IOException, InterruptedException {
        Path book = book("fresh");
        Files.writeString(book.resolve("chapters/02-index.md"), "# INDEX OF ITEMS\n\n## Istanbul Idioms\n\nText, 1,234.5 and 10%.\n");
        Path usual = temp.resolve("fresh-usual");
        BuildResult first = Bookbinder.build(book, BuildOptions.defaults().withOutDir(usual).withCheck(false));
        assertThat(first.succeeded()).as("%s", first.diagnostics()).isTrue();
        List<List<String>> settings = List.of(
                List.of("-Duser.language=tr", "-Duser.country=TR"),
                List.of("-Duser.timezone=Pacific/Kiritimati"),
                List.of("-Duser.language=de", "-Duser.country=DE", "-Duser.timezone=Europe/Berlin"),
                List.of("-Duser.language=ar", "-Duser.country=EG", "-Duser.timezone=Africa/Cairo"));
        for (List<String> options : settings) {
            Path out = temp.resolve("fresh-" + String.join("", options).replaceAll("[^A-Za-z]", ""));
            int status = ChildJvm.run(options, temp.resolve(out.getFileName() + ".log"), "build", book.toString(), "-o", out.toString(),
                    "--no-check", "--quiet");
            assertThat(status).as("%s: %s", options, Files.readString(temp.resolve(out.getFileName() + ".log"))).isZero();
            for (String name : List.of("fresh.epub", "fresh.html", "fresh.marc.xml", "fresh.opds.xml")) {
                assertThat(out.resolve(name)).as(options + ": " + name).exists().hasBinaryContent(bytes(usual.resolve(name)));
            }
        }
    }

    private static byte[] entry(Path epub, String name) throws IOException {
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    /** citeproc-java sorts, formats dates and reads BibTeX months; none of it may follow the machine's locale. */
    @Test
    void sameBytesForABookWithCitations() throws IOException {
        Path book = CitationsBookTest.copy(temp.resolve("citations"), "chicago-notes", "chapters/references.bib");
        assertSameBytesInKiritimatiAndTurkish(book, CitationsBookTest.ID);
    }

    @Test
    void sourceDateEpochIsThePackagesModifiedTime() throws IOException {
        Path book = book("epoch");
        long epoch = 1_700_000_000L; // 2023-11-14T22:13:20Z

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(temp.resolve("out")).withCheck(false)
                .withSourceDateEpoch(Optional.of(epoch)));

        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        assertThat(modified(temp.resolve("out/epoch.epub"))).isEqualTo("2023-11-14T22:13:20Z");
    }

    @Test
    void withoutSourceDateEpochTheModifiedTimeIsTheBooksDateAtMidnightUtc() throws IOException {
        Path book = book("dated");

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(temp.resolve("out")).withCheck(false));

        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        assertThat(modified(temp.resolve("out/dated.epub"))).isEqualTo(DATE + "T00:00:00Z");
    }

    /** Builds {@code book} as it is and again under Pacific/Kiritimati (UTC+14) and tr-TR, and compares the bytes. */
    private void assertSameBytesInKiritimatiAndTurkish(Path book, String id) {
        Path usual = temp.resolve("usual");
        Path elsewhere = temp.resolve("elsewhere");
        BuildResult first = Bookbinder.build(book, BuildOptions.defaults().withOutDir(usual).withCheck(false));
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        BuildResult second;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(new Locale("tr", "TR"));
            second = Bookbinder.build(book, BuildOptions.defaults().withOutDir(elsewhere).withCheck(false));
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        assertThat(first.succeeded()).as("%s", first.diagnostics()).isTrue();
        assertThat(second.succeeded()).as("%s", second.diagnostics()).isTrue();
        for (String name : List.of(id + ".epub", id + ".html", id + ".marc.xml", id + ".opds.xml")) {
            assertThat(elsewhere.resolve(name)).as(name).exists().hasBinaryContent(bytes(usual.resolve(name)));
        }
    }

    /** The init template with a fixed date and a second, busier chapter. */
    private Path book(String id) throws IOException {
        Path book = temp.resolve(id);
        BookTemplate.write(book);
        Path yaml = book.resolve("book.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        assertThat(text).as("the template has a date line").containsPattern("(?m)^date: .*$");
        Files.writeString(yaml, text.replaceAll("(?m)^date: .*$", "date: " + DATE), StandardCharsets.UTF_8);
        Files.writeString(book.resolve("chapters/00-before.md"), CHAPTER, StandardCharsets.UTF_8);
        return book;
    }

    private static String modified(Path epub) throws IOException {
        try (ZipFile zip = new ZipFile(epub.toFile())) {
            ZipEntry opf = zip.getEntry("EPUB/package.opf");
            assertThat(opf).as("EPUB/package.opf in %s", epub).isNotNull();
            String xml = new String(zip.getInputStream(opf).readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = MODIFIED.matcher(xml);
            assertThat(m.find()).as("dcterms:modified in%n%s", xml).isTrue();
            String value = m.group(1);
            assertThat(m.find()).as("only one dcterms:modified").isFalse();
            return value;
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
