package org.bookbinder.annotate.sanitise;

import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Severity;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A book of all 652 examples of the CommonMark spec (0.31.2, as commonmark-java's test artifact ships it), one example
 * per chapter, each written as the spec has it: any input that builds makes an EPUB that EPUBCheck passes with 0 errors
 * and 0 warnings. The book carries the two images the examples show by relative path ({@code moon.jpg},
 * {@code train.jpg}); an example that links to, or shows, what the book does not have is refused with our diagnostic
 * at its chapter and left out, and the rest, 534 examples, is built once and checked once. Left out are 118, each for
 * a link or an image that leads nowhere in a book, and for nothing else:
 * <ul>
 *   <li>LINK-001 (100 examples): a link to a path that is no chapter of the book, as the spec's links are to pages of a web site:
 *       {@code /url}, {@code /uri}, {@code foo(and(bar))}, {@code ./target.md};</li>
 *   <li>LINK-002 (1): a link to an anchor the chapter does not have, {@code #fragment};</li>
 *   <li>IMG-001 (3) and IMG-003 (14): an image the book does not carry, {@code /url}, {@code uri3}, {@code /path/to/train.jpg}.</li>
 * </ul>
 * Which examples these are is worked out from the spec's own HTML for each (an {@code <a href>} to a path or an
 * anchor, an {@code <img src>} other than the two images), and the refused examples must be exactly those.
 */
class CommonMarkSpecBookTest {
    private static final Set<String> OUR_CODES = Arrays.stream(Code.values()).filter(c -> c != Code.INTERNAL)
            .map(Code::id).collect(Collectors.toSet());
    /** Why an example may be refused: its link or image leads nowhere in the book. */
    private static final Set<String> NOWHERE = Set.of("LINK-001", "LINK-002", "IMG-001", "IMG-003");
    /** Images some examples show, given to the book so that those examples are built, not refused. */
    private static final List<String> IMAGES = List.of("moon.jpg", "train.jpg");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    @TempDir
    Path temp;

    @Test
    void everyExampleBuildsIntoAnEpubThatEpubCheckPassesOrIsRefusedWithADiagnostic() throws IOException {
        List<Example> examples = ExampleReader.readExamples(getClass().getResource("/spec.txt"));
        assertThat(examples).as("the CommonMark spec's examples").hasSize(652);
        Path book = temp.resolve("spec");
        Files.createDirectories(book.resolve("chapters"));
        Files.writeString(book.resolve("book.yaml"), """
                id: commonmark-spec
                title: The CommonMark Spec, Example by Example
                language: en-US
                identifier: urn:uuid:6f1c2a90-3d4e-4b7a-9c1e-2f5d8a7b6c40
                date: 2026-01-01
                """, StandardCharsets.UTF_8);
        for (String image : IMAGES) {
            BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            assertThat(ImageIO.write(pixel, "jpeg", book.resolve("chapters").resolve(image).toFile())).isTrue();
        }
        Set<Integer> leadNowhere = new TreeSet<>();
        for (int n = 1; n <= examples.size(); n++) {
            Files.writeString(chapter(book, n), "# Example " + n + "\n\n" + examples.get(n - 1).getSource(), StandardCharsets.UTF_8);
            if (leadsNowhere(examples.get(n - 1))) {
                leadNowhere.add(n);
            }
        }
        assertThat(leadNowhere).as("examples whose links or images lead nowhere in the book (see the javadoc)").hasSize(118);

        Map<Integer, Set<String>> refused = new TreeMap<>();
        BuildResult result = null;
        for (int round = 0; round < 5; round++) {
            result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(book.resolve("build")));
            List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
            if (errors.isEmpty()) {
                break;
            }
            for (Diagnostic e : errors) {
                assertThat(e.code()).as("a refusal is one of our diagnostics, at a chapter: %s", e).isIn(OUR_CODES);
                assertThat(e.file()).as("%s", e).matches("chapters/\\d{3}\\.md");
                assertThat(e.line()).as("%s", e).isPositive();
                int n = Integer.parseInt(e.file().substring("chapters/".length(), "chapters/".length() + 3));
                refused.computeIfAbsent(n, k -> new TreeSet<>()).add(e.code());
                Files.deleteIfExists(chapter(book, n));
            }
        }
        assertThat(result.succeeded()).as("built after leaving out the refused examples %s: %s", refused, result.diagnostics()).isTrue();
        assertThat(result.timings()).as("EPUBCheck ran").containsKey("check");
        List<Diagnostic> notOurs = result.diagnostics().stream().filter(d -> !OUR_CODES.contains(d.code())).toList();
        assertThat(notOurs).as("EPUBCheck's messages: none, neither errors nor warnings").isEmpty();
        assertThat(result.diagnostics()).as("what remains are our warnings").allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));

        Map<String, Long> byCode = refused.values().stream().flatMap(Set::stream)
                .collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
        int built = examples.size() - refused.size();
        System.out.printf(Locale.ROOT, "CommonMark spec book: %d of %d examples built; %d left out, by code (an example may have two): %s%n",
                built, examples.size(), refused.size(), byCode);
        assertThat(refused).as("the refused examples and why").allSatisfy((n, codes) ->
                assertThat(codes).as("example %d", n).isSubsetOf(NOWHERE));
        assertThat(byCode).as("examples refused under each code (see the javadoc)")
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("IMG-001", 3L, "IMG-003", 14L, "LINK-001", 100L, "LINK-002", 1L)));
        assertThat(refused.keySet()).as("refused: exactly the examples whose spec HTML links to a path or an anchor, or shows "
                + "an image, that the book does not have").containsExactlyElementsOf(leadNowhere);
        try (ZipFile zip = new ZipFile(book.resolve("build/commonmark-spec.epub").toFile())) {
            long chapters = zip.stream().filter(e -> e.getName().matches("EPUB/text/\\d{3}\\.xhtml")).count();
            assertThat(chapters).as("one document per example built").isEqualTo(built);
        }
    }

    /**
     * Whether the spec's HTML for the example links to a path or an anchor ({@code /url}, {@code #fragment},
     * {@code ./target.md}: none is a chapter or an id of this book), or shows an image the book does not carry.
     */
    private static boolean leadsNowhere(Example example) {
        Document html = Jsoup.parse(example.getHtml());
        boolean link = html.select("a[href]").stream().map(a -> a.attr("href"))
                .anyMatch(href -> !href.isEmpty() && !SCHEME.matcher(href).matches() && !href.startsWith("//"));
        boolean image = html.select("img[src]").stream().map(img -> img.attr("src")).anyMatch(src -> !IMAGES.contains(src));
        return link || image;
    }

    private static Path chapter(Path book, int n) {
        return book.resolve("chapters").resolve(String.format(Locale.ROOT, "%03d.md", n));
    }
}
