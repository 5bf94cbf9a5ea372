package org.bookbinder;

import org.bookbinder.diagnostics.Code;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's list of diagnostic codes is {@link Code}, no more and no less, each with its severity; and every
 * code has a case in the bad-input corpus (named after it, or expecting it) or a test that names it, but for those
 * {@link #NO_CASE} gives a reason for.
 */
class DiagnosticCodesTest {
    private static final Path README = Path.of("README.md");
    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern ROW = Pattern.compile("\\| `([A-Z0-9-]+)` \\| (error|warning) \\| (.+) \\|");

    /** Codes without a case, and why. A code that gets one must leave this list. */
    private static final Map<String, String> NO_CASE = Map.of(
            "LIMIT-003", "the build running out of memory: a test would have to fill the test JVM's heap");

    @Test
    void theReadmeListsEveryCodeOnceWithItsSeverityAndNothingElse() throws IOException {
        Map<String, String> listed = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        for (String line : section(Files.readString(README, StandardCharsets.UTF_8), "### Diagnostic codes")) {
            Matcher m = ROW.matcher(line);
            if (m.matches() && listed.put(m.group(1), m.group(2)) != null) {
                twice.add(m.group(1));
            }
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (Code c : Code.values()) {
            codes.put(c.id(), c.severity().name().toLowerCase(Locale.ROOT));
        }

        assertThat(twice).as("codes listed twice in the README").isEmpty();
        assertThat(listed).as("README.md, 'Diagnostic codes': code and severity of each row, in Code.java's order")
                .containsExactlyEntriesOf(codes);
    }

    @Test
    void everyCodeHasACaseInTheCorpusOrATestThatNamesIt() throws IOException {
        Map<String, List<String>> cases = new TreeMap<>();
        for (Code c : Code.values()) {
            List<String> where = new ArrayList<>(fixtures(c.id()));
            where.addAll(testsNaming(c));
            cases.put(c.id(), where);
        }
        List<String> without = cases.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();

        assertThat(without).as("codes with no case in src/test/resources/bad/ and no test naming them")
                .containsExactlyInAnyOrderElementsOf(NO_CASE.keySet());
    }

    /** The lines of the Markdown section that starts with {@code heading}, up to the next heading. */
    private static List<String> section(String markdown, String heading) {
        List<String> lines = markdown.lines().toList();
        int start = lines.indexOf(heading);
        assertThat(start).as("README.md has a section '%s'", heading).isNotNegative();
        List<String> body = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            body.add(line);
        }
        return body;
    }

    /** The corpus cases named after the code, or whose expected.txt has it. */
    private static List<String> fixtures(String id) {
        String[] names = BadInputTest.FIXTURES.toFile().list();
        assertThat(names).isNotNull();
        return Arrays.stream(names).filter(n -> n.startsWith(id + "-")
                        || read(BadInputTest.FIXTURES.resolve(n).resolve("expected.txt")).contains(" " + id + ": "))
                .sorted().toList();
    }

    /** The test sources (but this one) that name the code, by its id ({@code "OUT-001"}) or its constant ({@code Code.OUT_001}). */
    private static List<String> testsNaming(Code code) throws IOException {
        Path self = TESTS.resolve("org/bookbinder/DiagnosticCodesTest.java");
        Pattern named = Pattern.compile("\\b" + Pattern.quote(code.id()) + "\\b|\\bCode\\." + code.name() + "\\b");
        try (Stream<Path> walk = Files.walk(TESTS)) {
            return walk.filter(p -> p.toString().endsWith(".java") && !p.equals(self))
                    .filter(p -> named.matcher(read(p)).find())
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
