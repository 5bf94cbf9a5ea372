package org.bookbinder;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random manuscripts — Markdown with notes (some never defined), citations (some of unknown keys), glossary terms and
 * raw HTML, pasted or hostile — either build into an EPUB that EPUBCheck passes with 0 errors and 0 warnings, or fail
 * with our own error diagnostics; never an exception. The seed is fixed so that CI is repeatable; jqwik prints it and
 * a shrunk manuscript when a try fails.
 */
class RandomManuscriptProperties {
    private static final Set<String> OUR_CODES = Arrays.stream(Code.values()).filter(c -> c != Code.INTERNAL)
            .map(Code::id).collect(Collectors.toSet());
    private static final Path FIXTURES = Path.of("src/test/resources/spec/fixtures");

    @Property(tries = 30, seed = "20261201")
    void everyManuscriptBuildsCleanOrIsRefusedWithDiagnostics(@ForAll("manuscripts") List<String> chapters) throws IOException {
        Path book = Files.createTempDirectory("bookbinder-property");
        try {
            write(book, chapters);
            BuildResult result = Bookbinder.build(book, BuildOptions.defaults().withOutDir(book.resolve("build")));
            net.jqwik.api.statistics.Statistics.label("outcome").collect(result.succeeded() ? "built and checked" : "refused");
            String shown = String.join("\n=== next chapter ===\n", chapters) + "\n--- diagnostics ---\n" + result.diagnostics();
            assertThat(result.diagnostics()).as("only our codes and EPUBCheck's, no internal error%n%s", shown)
                    .noneMatch(d -> d.code().equals(Code.INTERNAL.id()));
            if (result.succeeded()) {
                assertThat(result.timings()).containsKey("check");
                assertThat(result.diagnostics()).as("EPUBCheck: 0 errors, 0 warnings%n%s", shown)
                        .allSatisfy(d -> assertThat(d.code()).isIn(OUR_CODES));
                assertThat(Files.size(book.resolve("build/random.epub"))).isPositive();
            } else {
                List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
                assertThat(errors).as("a failed build says why%n%s", shown).isNotEmpty()
                        .allSatisfy(d -> assertThat(d.code()).as("%s", shown).isIn(OUR_CODES));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(book)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<String>> manuscripts() {
        return chapter().list().ofMinSize(1).ofMaxSize(3);
    }

    private Arbitrary<String> chapter() {
        Arbitrary<String> title = words(1, 4).map(t -> "# " + t + "\n\n");
        return Combinators.combine(title, block().list().ofMinSize(1).ofMaxSize(8))
                .as((t, blocks) -> t + String.join("\n\n", blocks) + "\n");
    }

    private Arbitrary<String> block() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, paragraph()),
                net.jqwik.api.Tuple.of(1, words(1, 4).map(w -> "## " + w)),
                net.jqwik.api.Tuple.of(1, paragraph().map(p -> "> " + p)),
                net.jqwik.api.Tuple.of(1, paragraph().list().ofMinSize(1).ofMaxSize(3).map(items -> "- " + String.join("\n- ", items))),
                net.jqwik.api.Tuple.of(1, words(1, 6).map(w -> "```\n" + w + " <script>x</script>\n```")),
                net.jqwik.api.Tuple.of(2, rawHtml()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("a", "b", "c").map(l -> "[^" + l + "]: A note, with *emphasis* and a term: Gulag.")));
    }

    private Arbitrary<String> paragraph() {
        return inline().list().ofMinSize(1).ofMaxSize(10).map(parts -> String.join(" ", parts) + ".");
    }

    private Arbitrary<String> inline() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, words(1, 5)),
                net.jqwik.api.Tuple.of(2, words(1, 3).map(w -> "*" + w + "*")),
                net.jqwik.api.Tuple.of(1, words(1, 3).map(w -> "**" + w + "**")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("NKVD", "Gulag", "Gulags", "the NKVD's camps")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("[^a]", "[^b]", "[^c]", "^[An inline note with Gulag in it.]")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("[@nimmo1988]", "[@beevor1998, p. 84]", "[@nimmo1988; @biess2005, chap. 3]",
                        "@solzhenitsyn1973", "[-@cienciala2007]", "[@nokey2000]")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("[a link](https://example.com/a b)", "<https://example.com/>",
                        "[bad](javascript:alert(1))", "[odd](irc://x)", "`code <b>`", "\"quoted\" -- dash...", "[span]{lang=de}",
                        "[span]{onclick=x()}", "a & b < c")),
                net.jqwik.api.Tuple.of(2, inlineHtml()));
    }

    private Arbitrary<String> inlineHtml() {
        return Arbitraries.of("<em>em</em>", "<span class=\"x\" onclick=\"steal()\">span</span>", "<b>unclosed", "</i>",
                "<a href=\"javascript:x()\">js</a>", "<a href=\"https://example.com/\" target=\"_blank\">web</a>", "<br>",
                "<img src=\"https://example.com/x.png\" alt=\"remote\">", "<script>alert(1)</script>", "<foo-bar>custom</foo-bar>",
                "<font color=red>font</font>", "<q cite=\"javascript:x\">quote</q>", "<sup>2</sup>", "<abbr title=\"t\">T</abbr>",
                "<span style=\"color: red\">red</span>", "<span style=\"background:url(x)\">bg</span>", "<!-- a -- comment -->",
                "<input type=\"text\">", "<kbd>K</kbd>", "<time datetime=\"yesterday\">then</time>", "<p>p in a paragraph</p>");
    }

    private Arbitrary<String> rawHtml() {
        return Arbitraries.of("<div class=\"box\">\n<p>A box.</p>\n</div>", "<table><tr><td>cell</td><td>\n\n*md*\n\n</td></tr></table>",
                "<iframe src=\"https://example.com/\"></iframe>", "<style>p { color: red }</style>", "<ul>\n<li>one\n<li>two\n</ul>",
                "<div><li>loose item</li></div>", "<pre>\npre text\n\n<p>para</p>\n</pre>", "<video src=\"v.mp4\">video</video>",
                "<form><label>Name <input></label></form>", "<svg><circle r=\"1\"/></svg>", "<dl><dt>T</dt>stray<dd>D</dd></dl>",
                "<section id=\"s1\"><h2>Raw heading</h2></section>", "<div id=\"1bad\" lang=\"??\" dir=\"sideways\">bad values</div>",
                "<blockquote cite=\"https://example.com/\">\n\nQuoted *Markdown*.\n\n</blockquote>", "<center>centred</center>",
                "<math><mi>x</mi></math>", "<noscript>no</noscript>", "<object data=\"x\"></object>", "<hr>", "<details><summary>S</summary>D</details>");
    }

    private static Arbitrary<String> words(int min, int max) {
        return Arbitraries.of("prisoners", "camps", "war", "the", "of", "Soviet", "returned", "labour", "in", "1945", "Poland",
                "über", "naïve", "“curly”", "O’Brien", "—", "x_y", "a*b", "#hash", "<angle>", "&amp;", "\\*").list()
                .ofMinSize(min).ofMaxSize(max).map(w -> String.join(" ", w));
    }

    private static void write(Path book, List<String> chapters) throws IOException {
        Files.createDirectories(book.resolve("chapters"));
        Files.writeString(book.resolve("book.yaml"), """
                id: random
                title: A Random Manuscript
                language: en-GB
                identifier: urn:uuid:8a2b4c6d-1e3f-4a5b-9c7d-0e1f2a3b4c5d
                date: 2026-01-01
                bibliography: references.json
                glossary: glossary.yaml
                citation-style: chicago-notes
                """, StandardCharsets.UTF_8);
        Files.copy(FIXTURES.resolve("references.json"), book.resolve("references.json"));
        Files.copy(FIXTURES.resolve("glossary.yaml"), book.resolve("glossary.yaml"));
        for (int i = 0; i < chapters.size(); i++) {
            Files.writeString(book.resolve(String.format(java.util.Locale.ROOT, "chapters/%02d-chapter.md", i + 1)), chapters.get(i),
                    StandardCharsets.UTF_8);
        }
    }
}
