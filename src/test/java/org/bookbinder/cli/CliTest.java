package org.bookbinder.cli;

import org.bookbinder.BookTemplate;
import org.bookbinder.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line through {@link Main#run}: exit statuses, what goes to out and err, and no stack traces. */
class CliTest {
    /** A printed diagnostic: {@code file[:line[:col]]: severity CODE: message}. */
    private static final String DIAGNOSTIC = "^.+?(:\\d+(:\\d+)?)?: (error|warning) [A-Z]+-\\d{3}: \\S.*$";

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
        void hasNoStackTrace() {
            assertThat(out + err).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private static String[] args(String command, String... rest) {
        List<String> all = new ArrayList<>();
        if (!command.isEmpty()) {
            all.add(command);
        }
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest(name = "bookbinder {0} --help")
    @ValueSource(strings = {"", "build", "check", "init"})
    void helpPrintsUsageAndExits0(String command) {
        Run r = run(args(command, "--help"));

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Usage: bookbinder" + (command.isEmpty() ? " " : " " + command + " "));
        assertThat(r.out()).contains("--help").contains("--version");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void topHelpListsTheCommands() {
        assertThat(run("--help").out()).contains("build").contains("check").contains("init");
    }

    @ParameterizedTest(name = "bookbinder {0} --version")
    @ValueSource(strings = {"", "build", "check", "init"})
    void versionPrintsVersionsAndExits0(String command) {
        Run r = run(args(command, "--version"));

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.OK);
        assertThat(r.out().lines().toList()).containsExactly("bookbinder " + Version.VERSION,
                "EPUBCheck " + org.bookbinder.check.EpubChecker.version());
        assertThat(Version.VERSION).isNotBlank();
        assertThat(r.err()).isEmpty();
    }

    /** With the commands' required parameters given, so that the unknown option is the only mistake. */
    @ParameterizedTest(name = "bookbinder {0} --frobnicate")
    @ValueSource(strings = {"", "build", "check some.epub", "init some-dir"})
    void anUnknownOptionIsAUsageError(String command) {
        List<String> words = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        words.add("--frobnicate");
        Run r = run(words.toArray(String[]::new));

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Unknown option: '--frobnicate'").contains("--help");
        assertThat(r.out()).isEmpty();
        r.hasNoStackTrace();
    }

    @Test
    void aMissingCommandIsAUsageError() {
        Run r = run();

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("a command is required").contains("bookbinder --help");
        assertThat(r.out()).isEmpty();
        r.hasNoStackTrace();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run r = run("bind", temp.toString());

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'bind'");
        r.hasNoStackTrace();
    }

    @Test
    void buildOfAGoodBookExits0AndNamesTheFiles() throws IOException {
        Path book = temp.resolve("good");
        BookTemplate.write(book);
        Path out = temp.resolve("out");

        Run r = run("build", book.toString(), "-o", out.toString(), "--no-check");

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains(out.resolve("good.epub").toString()).contains(out.resolve("good.html").toString());
        assertThat(r.err()).isEmpty();
        assertThat(out.resolve("good.epub")).isNotEmptyFile();
        assertThat(out.resolve("good.html")).isNotEmptyFile();
    }

    @Test
    void buildOfABrokenBookExits1WithTheDiagnosticAndNoStackTrace() throws IOException {
        Path book = temp.resolve("broken");
        BookTemplate.write(book);
        Files.write(book.resolve("chapters/02-latin1.md"), "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path out = temp.resolve("out");

        Run r = run("build", book.toString(), "-o", out.toString());

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.DIAGNOSTICS);
        assertThat(r.err().lines().toList())
                .contains("chapters/02-latin1.md:1:6: error CHAP-003: the chapter is not valid UTF-8 (save it as UTF-8)");
        assertThat(r.err()).contains("build failed");
        assertThat(r.out()).isEmpty();
        r.hasNoStackTrace();
        if (Files.exists(out)) {
            assertThat(tree(out)).as("nothing written in the out dir").isEmpty();
        }
    }

    @Test
    void checkOfAGoodEpubExits0() throws IOException {
        Path book = temp.resolve("good");
        BookTemplate.write(book);
        Path out = temp.resolve("out");
        assertThat(run("build", book.toString(), "-o", out.toString(), "--no-check").status()).isZero();
        Path epub = out.resolve("good.epub");

        Run r = run("check", epub.toString());

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains(epub + ": 0 errors, 0 warnings");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void checkOfABrokenEpubExits1WithEpubCheckCodesInOurFormat() throws IOException {
        Path epub = temp.resolve("broken.epub");
        writeEpubWithWrongMimetype(epub);

        Run r = run("check", epub.toString());

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.DIAGNOSTICS);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).isNotEmpty().allMatch(l -> l.matches(DIAGNOSTIC), "each line is a diagnostic: " + DIAGNOSTIC);
        assertThat(lines).anyMatch(l -> l.startsWith(epub + ": error PKG-007: "));
        assertThat(lines).allMatch(l -> l.startsWith(epub.toString()), "each diagnostic names the checked file");
        r.hasNoStackTrace();
    }

    @Test
    void checkOfAMissingFileExits1() {
        Path epub = temp.resolve("nowhere.epub");

        Run r = run("check", epub.toString());

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.DIAGNOSTICS);
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith(epub + ": error OUT-002: ");
        r.hasNoStackTrace();
    }

    /** The one checked build of this class: a new book must be valid as it comes. */
    @Test
    void initThenBuildWorksAndPassesEpubCheck() {
        Path book = temp.resolve("new-book");

        Run init = run("init", book.toString());
        assertThat(init.status()).as("%s", init).isEqualTo(ExitCode.OK);
        assertThat(book.resolve("book.yaml")).isRegularFile();

        Run build = run("build", book.toString());
        assertThat(build.status()).as("%s", build).isEqualTo(ExitCode.OK);
        assertThat(build.out()).contains("(checked with EPUBCheck; 0 errors, 0 warnings)");
        assertThat(build.err()).isEmpty();
        assertThat(book.resolve("build/new-book.epub")).isNotEmptyFile();
        assertThat(book.resolve("build/new-book.html")).isNotEmptyFile();
    }

    @Test
    void initOnAnExistingBookExits1AndOverwritesNothing() throws IOException {
        Path book = temp.resolve("mine");
        BookTemplate.write(book);
        Files.writeString(book.resolve("book.yaml"), "id: mine\ntitle: My Own Words\nlanguage: en\n");
        Files.writeString(book.resolve("chapters/01-first-chapter.md"), "# Mine\n\nDo not overwrite me.\n");
        Files.delete(book.resolve("styles/epub.css"));
        Map<String, String> before = tree(book);

        Run r = run("init", book.toString());

        assertThat(r.status()).as("%s", r).isEqualTo(ExitCode.DIAGNOSTICS);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .matches(DIAGNOSTIC).startsWith(book.resolve("book.yaml") + ": error INIT-001: ");
        assertThat(r.out()).isEmpty();
        assertThat(tree(book)).as("the book is left as it was, nothing added").isEqualTo(before);
        r.hasNoStackTrace();
    }

    /** A zip that claims to be an EPUB but whose mimetype is wrong and whose package document is missing. */
    private static void writeEpubWithWrongMimetype(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            byte[] mimetype = "application/zip".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
            zip.write(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                      <rootfiles>
                        <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
                      </rootfiles>
                    </container>
                    """).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.equals(dir)).toList()) {
                files.put(dir.relativize(p).toString(),
                        Files.isDirectory(p) ? "<dir>" : Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
