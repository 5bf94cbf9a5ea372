package org.bookbinder;

import org.bookbinder.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad books, each in a folder of {@code src/test/resources/bad/}, named {@code <CODE>-<what>} after the outcome:
 * <ul>
 *   <li>{@code in/} is the book directory;</li>
 *   <li>{@code expected.txt} lists every diagnostic the build must report, one printed line each
 *       ({@code file:line:col: error CODE: message}, the file relative to the book directory; {@code {book}} and
 *       {@code {out}} stand for the absolute paths of the book and output directories); blank lines are ignored;</li>
 *   <li>{@code bug.txt}, only while a known bug makes the tool print something else: what is wrong, then a line
 *       {@code --- prints today:} and the lines printed today. Such a fixture still has to fail the build without
 *       writing anything, and to print exactly those lines; it is then reported as skipped, with the bug.
 *       When the tool prints {@code expected.txt}, the test fails until {@code bug.txt} is deleted.</li>
 * </ul>
 * Each book is built as a user builds it, {@code bookbinder build in -o out --quiet}, and what it prints on its error
 * stream is compared: as in EPUBCheck's tests, each expected line is taken off what was printed, and then nothing else
 * may be left. A bad build must exit with status 1 and write no file at all in the output directory, not even a
 * temporary folder. A book whose expected diagnostics are all warnings must build (status 0, its EPUB passing
 * EPUBCheck), and fail with {@code --strict} without touching that output.
 */
public class BadInputTest {
    static final Path FIXTURES = resource("/bad");
    private static final String BOOK_PLACEHOLDER = "{book}";
    private static final String OUT_PLACEHOLDER = "{out}";
    private static final String TODAY = "--- prints today:";
    private static final Pattern FAILED = Pattern.compile("bookbinder: build failed \\(\\d+ errors?, \\d+ warnings?\\); previous output left as it was");

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            List<String> names = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).as("fixture folders in " + FIXTURES).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsTheExpectedDiagnosticsAndNothingElse(String name, @TempDir Path temp) throws IOException {
        Path fixture = FIXTURES.resolve(name);
        assertThat(fixture.resolve("in")).as("%s has an in/ folder", name).isDirectory();
        assertThat(name).as("a fixture is named <CODE>-<what>").matches("[A-Z][A-Z0-9]*-\\d{3}-[a-z0-9-]+");
        Path book = temp.resolve("in");
        copyTree(fixture.resolve("in"), book);
        Map<String, String> bookBefore = snapshot(book);
        Path out = Files.createDirectory(temp.resolve("out"));
        String bookPath = book.toAbsolutePath().normalize().toString();
        String outPath = out.toAbsolutePath().normalize().toString();
        List<String> expected = lines(fixture.resolve("expected.txt")).stream()
                .map(l -> l.replace(BOOK_PLACEHOLDER, bookPath).replace(OUT_PLACEHOLDER, outPath)).toList();
        assertThat(expected).as("%s/expected.txt lists at least one diagnostic", name).isNotEmpty();
        boolean builds = expected.stream().noneMatch(l -> l.contains(": error "));

        Build build = Build.run(book, out);

        List<String> reported = build.diagnostics();
        String context = describe(name, book, build.err());
        assertThat(build.err()).as("no stack trace, no internal error%n%s", context)
                .doesNotContain("\tat ").doesNotContain("internal error").doesNotContain("Exception");
        if (builds) {
            assertThat(build.status()).as("only warnings: the book builds (exit status 0)%n%s", context).isZero();
            Map<String, String> written = snapshot(out);
            assertThat(written.keySet()).as("the outputs, and nothing else%n%s", context)
                    .allMatch(f -> f.matches("[^/]+\\.(epub|html|marc\\.xml|opds\\.xml)")).anyMatch(f -> f.endsWith(".epub"));
            Build strict = Build.run(book, out, "--strict");
            assertThat(strict.status()).as("with --strict, warnings fail the build%n%s", context).isEqualTo(1);
            assertThat(strict.diagnostics()).as("with --strict, the same diagnostics%n%s", context).isEqualTo(reported);
            assertThat(snapshot(out)).as("a build that fails with --strict leaves the output as it was%n%s", context).isEqualTo(written);
        } else {
            assertThat(build.status()).as("the build fails with exit status 1%n%s", context).isEqualTo(1);
            assertThat(snapshot(out)).as("files written in the out dir%n%s", context).isEmpty();
        }
        assertThat(snapshot(book)).as("the book directory is left as it was%n%s", context).isEqualTo(bookBefore);

        List<String> left = new ArrayList<>(reported);
        List<String> missing = new ArrayList<>();
        for (String line : expected) {
            if (!left.remove(line)) {
                missing.add(line);
            }
        }

        Optional<KnownBug> bug = KnownBug.read(fixture.resolve("bug.txt"), bookPath);
        if (bug.isPresent()) {
            assertThat(missing.isEmpty() && left.isEmpty())
                    .as("the tool now prints expected.txt: the bug is fixed, delete %s/bug.txt%n%s", name, context)
                    .isFalse();
            assertThat(reported).as("known bug, but the output changed from what bug.txt pins%n%s", context)
                    .containsExactlyInAnyOrderElementsOf(bug.get().printedToday());
            Assumptions.abort("bug: " + bug.get().description());
        }
        assertThat(missing).as("expected, but not reported%n%s", context).isEmpty();
        assertThat(left).as("reported, and nothing else was expected%n%s", context).isEmpty();
    }

    /** {@code bookbinder build BOOK -o OUT --quiet [more]}, run in this JVM as from a shell: its exit status and error stream. */
    record Build(int status, String err) {
        static Build run(Path book, Path out, String... more) {
            List<String> args = new ArrayList<>(List.of("build", book.toString(), "-o", out.toString(), "--quiet"));
            args.addAll(List.of(more));
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int status = Main.run(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
            assertThat(stdout.toString()).as("--quiet prints nothing on the output stream").isEmpty();
            return new Build(status, stderr.toString());
        }

        /** The printed diagnostics: every line but the last of a failed build, which must say that it failed. */
        List<String> diagnostics() {
            List<String> lines = err.lines().toList();
            if (status == 0) {
                return lines;
            }
            assertThat(lines).as("a failed build ends by saying so:%n%s", err).isNotEmpty();
            assertThat(lines.get(lines.size() - 1)).as("the last line of%n%s", err).matches(FAILED);
            return lines.subList(0, lines.size() - 1);
        }
    }

    /**
     * Duplicate keys are not well-formed YAML (YAML 1.2, 3.2.1.1). YamlSource sets {@code setAllowDuplicateKeys(false)},
     * but snakeyaml-engine checks it only when constructing objects, never in the low-level {@code Compose} used
     * here; so the second {@code title} silently wins and the build succeeds.
     */
    @Test
    void duplicateKeyInBookYamlFailsTheBuild(@TempDir Path temp) throws IOException {
        Path book = temp.resolve("book");
        Files.createDirectories(book.resolve("chapters"));
        Files.writeString(book.resolve("chapters/01-one.md"), "# One\n\nText.\n");
        Files.writeString(book.resolve("book.yaml"), "id: duplicate\ntitle: A Book\nlanguage: en\ntitle: Another Book\n");
        Path out = Files.createDirectory(temp.resolve("out"));

        BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("BOOK-002");
            assertThat(d.file()).isEqualTo("book.yaml");
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.column()).isEqualTo(1);
            assertThat(d.message()).contains("duplicate").contains("title");
        });
        assertThat(snapshot(out)).isEmpty();
    }

    /** What bug.txt says: the bug, and the lines the tool prints today. */
    record KnownBug(String description, List<String> printedToday) {
        static Optional<KnownBug> read(Path file, String bookPath) throws IOException {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            int cut = all.indexOf(TODAY);
            assertThat(cut).as("%s has a line '%s'", file, TODAY).isPositive();
            String description = String.join(" ", all.subList(0, cut)).strip();
            List<String> today = all.subList(cut + 1, all.size()).stream()
                    .filter(l -> !l.isBlank()).map(l -> l.replace(BOOK_PLACEHOLDER, bookPath)).toList();
            return Optional.of(new KnownBug(description, today));
        }
    }

    static Path resource(String name) {
        URL url = BadInputTest.class.getResource(name);
        assertThat(url).as("test resource %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Every file and folder under {@code dir} (hidden ones too), by relative path, with its size and SHA-256. */
    static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.equals(dir)).toList()) {
                String key = dir.relativize(p).toString().replace('\\', '/');
                files.put(key, Files.isDirectory(p) ? "<dir>" : digest(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String digest(byte[] bytes) {
        try {
            return bytes.length + " bytes, sha-256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The input beside the output, for a failure message (a file that is not UTF-8 is shown as Latin-1). */
    private static String describe(String name, Path book, String printed) throws IOException {
        StringBuilder sb = new StringBuilder("fixture ").append(name).append('\n');
        try (Stream<Path> walk = Files.walk(book)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                    text = "(not UTF-8; as Latin-1:)\n" + new String(bytes, StandardCharsets.ISO_8859_1);
                }
                sb.append("--- in/").append(book.relativize(p).toString().replace('\\', '/')).append('\n').append(text);
            }
        }
        return sb.append("--- printed:\n").append(printed).toString();
    }
}
