package org.bookbinder.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bookbinder.BadInputTest;
import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bookbinder watch} without a browser: a preview of a copy of the basic test book on a free loopback port,
 * asked over raw HTTP. What it serves and with which media type, every path it refuses, and the loop: a save
 * rebuilds the book, a failed build keeps the last good book served beside its diagnostics, the fix brings the
 * book back.
 */
class PreviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BUILD = Duration.ofMinutes(2);

    @TempDir
    static Path temp;
    static Path book;
    static Preview preview;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        book = temp.resolve("book");
        BadInputTest.copyTree(Path.of("src/test/resources/books/basic"), book);
        Files.writeString(temp.resolve("secret.txt"), "the secret beside the book");
        preview = Preview.start(book, BuildOptions.defaults(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Silent.LISTENER);
        port = preview.uri().getPort();
        PreviewState first = preview.awaitBuild(1, BUILD);
        assertThat(first.succeeded()).as("first build: %s", first.diagnostics()).isTrue();
        assertThat(first.diagnostics()).as("EPUBCheck and ours").isEmpty();
    }

    @AfterAll
    static void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    @Test
    void servesOnTheLoopbackInterfaceOnly() {
        assertThat(preview.uri()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/"));
    }

    @Test
    void thePageTheEnginesTheBookAndTheStateEachWithItsMediaType() throws IOException {
        RawHttp.Response page = RawHttp.get(port, "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("connect-src 'self'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.text()).contains("<script type=\"module\" src=\"/preview/preview.js\">");

        assertMediaType("/preview/preview.js", "text/javascript; charset=utf-8", "new EventSource('/events')");
        assertMediaType("/preview/preview.css", "text/css; charset=utf-8", "[role=\"tab\"]");
        assertMediaType("/preview/print.html", "text/html; charset=utf-8", "paged.min.js");
        assertMediaType("/preview/vendor/foliate-js/view.js", "text/javascript; charset=utf-8", "export class View");
        assertMediaType("/preview/vendor/pagedjs/paged.min.js", "text/javascript; charset=utf-8", "Paged.js v0.4.3");
        assertMediaType("/preview/vendor/VERSIONS.txt", "text/plain; charset=utf-8", "foliate-js 1.0.1, MIT License");
        assertMediaType("/preview/vendor/foliate-js/vendor/zip.js.LICENSE.txt", "text/plain; charset=utf-8", "BSD 3-Clause License");

        RawHttp.Response epub = RawHttp.get(port, "/book/basic-test.epub?build=1");
        assertThat(epub.status()).isEqualTo(200);
        assertThat(epub.header("Content-Type")).isEqualTo("application/epub+zip");
        assertThat(epub.header("Cache-Control")).isEqualTo("no-store");
        assertThat(epub.body()).isEqualTo(Files.readAllBytes(book.resolve("build/basic-test.epub")));
        RawHttp.Response html = RawHttp.get(port, "/book/basic-test.html");
        assertThat(html.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(html.header("Content-Security-Policy")).contains("script-src 'none'");
        assertThat(html.body()).isEqualTo(Files.readAllBytes(book.resolve("build/basic-test.html")));
        assertThat(RawHttp.get(port, "/book/basic-test.opds.xml").header("Content-Type")).startsWith("application/atom+xml");

        RawHttp.Response state = RawHttp.get(port, "/api/state");
        assertThat(state.header("Content-Type")).isEqualTo("application/json");
        JsonNode s = JSON.readTree(state.body());
        assertThat(s.path("succeeded").asBoolean()).isTrue();
        assertThat(s.path("book").path("epub").asText()).matches("/book/basic-test\\.epub\\?build=\\d+");

        RawHttp.Response events = RawHttp.get(port, "/events");
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.header("Content-Type")).isEqualTo("text/event-stream; charset=utf-8");
        String stream = events.text();
        assertThat(stream).startsWith("retry: ").contains("event: state\ndata: {\"build\":");
        JsonNode first = JSON.readTree(stream.substring(stream.indexOf("data: ") + 6, stream.indexOf("\n\n", stream.indexOf("data: "))));
        assertThat(first.path("build").asInt()).isPositive();
    }

    private static void assertMediaType(String path, String type, String content) throws IOException {
        RawHttp.Response r = RawHttp.get(port, path);
        assertThat(r.status()).as(path).isEqualTo(200);
        assertThat(r.header("Content-Type")).as(path).isEqualTo(type);
        assertThat(r.text()).as(path).contains(content);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/book/../book.yaml", "/book/../../secret.txt", "/book/%2e%2e/book.yaml", "/book/%2E%2E/%2E%2E/secret.txt",
            "/book/..%2fbook.yaml", "/book/%2e%2e%2f%2e%2e%2fsecret.txt", "/book/%252e%252e/book.yaml",
            "/book/%252e%252e%252fbook.yaml", "/book/..%5cbook.yaml", "/book/%5c..%5c..%5csecret.txt",
            "/book/..\\book.yaml", "/book//etc/passwd", "/book/%2fetc%2fpasswd", "/book/C:%5cWindows%5cwin.ini",
            "/book/.", "/book/", "/book/basic-test.epub%00.html", "/book/%c0%ae%c0%ae/book.yaml",
            "/preview/../book.yaml", "/preview/%2e%2e/PreviewServer.class", "/preview/../../../org/bookbinder/preview/Preview.class",
            "/preview/vendor", "/preview/vendor/", "/preview/", "/../book.yaml", "/%2e%2e/book.yaml",
            "/api/source?file=book.yaml&line=1", "/api/source?file=../secret.txt&line=1",
            "/api/source?file=build/basic-test.html&line=1", "/book.yaml", "/chapters/01-beginning.md"})
    void refusesEveryPathOutsideTheOutputAndThePage(String path) throws IOException {
        RawHttp.Response r = RawHttp.get(port, path);
        assertThat(r.status()).as("%s answered %s", path, r.status()).isIn(400, 404);
        assertThat(r.text()).doesNotContain("secret").doesNotContain("id: basic-test").doesNotContain("The Beginning")
                .doesNotContain("class PreviewServer");
    }

    @Test
    void onlyGetAndHeadAndOnlyForALoopbackHost() throws IOException {
        RawHttp.Response head = RawHttp.request(port, "HEAD", "/book/basic-test.epub", "127.0.0.1:" + port);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo("application/epub+zip");
        assertThat(RawHttp.request(port, "POST", "/api/state", "127.0.0.1:" + port).status()).isEqualTo(405);
        assertThat(RawHttp.request(port, "DELETE", "/book/basic-test.epub", "localhost:" + port).status()).isEqualTo(405);
        assertThat(RawHttp.request(port, "GET", "/", "localhost:" + port).status()).isEqualTo(200);
        RawHttp.Response rebinding = RawHttp.request(port, "GET", "/api/state", "attacker.example:" + port);
        assertThat(rebinding.status()).as("a page elsewhere resolving its name to 127.0.0.1").isEqualTo(403);
        assertThat(rebinding.text()).doesNotContain("diagnostics");
        assertThat(Files.exists(book.resolve("build/basic-test.epub"))).as("nothing was deleted").isTrue();
    }

    @Test
    void aSaveRebuildsAFailedBuildKeepsTheLastGoodBookAndTheFixBringsItBack() throws Exception {
        Path chapter = book.resolve("chapters/01-beginning.md");
        String original = Files.readString(chapter, StandardCharsets.UTF_8);
        int before = preview.state().build();

        Files.writeString(chapter, original.replace("or so they said", "or so the almanac said"), StandardCharsets.UTF_8);
        PreviewState edited = preview.awaitBuild(before + 1, BUILD);
        assertThat(edited.succeeded()).as("%s", edited.diagnostics()).isTrue();
        assertThat(edited.diagnostics()).isEmpty();
        assertThat(edited.book().orElseThrow().build()).isEqualTo(edited.build());
        assertThat(printText()).contains("or so the almanac said");
        byte[] good = RawHttp.get(port, "/book/basic-test.epub").body();

        Files.writeString(chapter, original.replace("or so they said", "or so the almanac said[^nope]"), StandardCharsets.UTF_8);
        PreviewState failed = preview.awaitBuild(edited.build() + 1, BUILD);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.book().orElseThrow().build()).as("the last good book is still shown").isEqualTo(edited.build());
        assertThat(RawHttp.get(port, "/book/basic-test.epub").body()).as("and served, unchanged").isEqualTo(good);
        JsonNode state = JSON.readTree(RawHttp.get(port, "/api/state").body());
        assertThat(state.path("succeeded").asBoolean()).isFalse();
        assertThat(state.path("book").path("build").asInt()).isEqualTo(edited.build());
        JsonNode d = state.path("diagnostics").get(0);
        assertThat(d.path("code").asText()).isEqualTo("NOTE-001");
        assertThat(d.path("file").asText()).isEqualTo("chapters/01-beginning.md");
        assertThat(d.path("line").asInt()).isEqualTo(3);
        assertThat(d.path("source").asBoolean()).isTrue();
        assertThat(state.path("diagnostics")).hasSize(1);

        JsonNode excerpt = JSON.readTree(RawHttp.get(port, "/api/source?file=chapters%2F01-beginning.md&line=3").body());
        assertThat(excerpt.path("line").asInt()).isEqualTo(3);
        int at = 3 - excerpt.path("first").asInt();
        assertThat(excerpt.path("lines").get(at).asText()).contains("almanac said[^nope]");
        assertThat(excerpt.path("lines").get(0).asText()).isEqualTo("# The Beginning {#start}");
        assertThat(RawHttp.get(port, "/api/source?file=chapters%2F02-middle.md&line=1").status())
                .as("a chapter no diagnostic names").isEqualTo(404);

        Files.writeString(chapter, original, StandardCharsets.UTF_8);
        PreviewState fixed = preview.awaitBuild(failed.build() + 1, BUILD);
        assertThat(fixed.succeeded()).as("%s", fixed.diagnostics()).isTrue();
        assertThat(fixed.book().orElseThrow().build()).isEqualTo(fixed.build());
        assertThat(printText()).contains("or so they said").doesNotContain("almanac");
        try (Stream<Path> out = Files.list(book.resolve("build"))) {
            assertThat(out.map(p -> p.getFileName().toString())).as("no staging folder left behind")
                    .noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void savesOutsideTheBooksFilesDoNotRebuild() throws Exception {
        int before = preview.state().build();
        Files.writeString(book.resolve("notes-to-self.txt"), "not part of the book");
        Files.writeString(book.resolve("chapters/.01-beginning.md.swp"), "an editor's swap file");
        Files.writeString(book.resolve("build/stray.txt"), "in the output");
        PreviewState after = preview.awaitBuild(before + 1, Duration.ofSeconds(2));
        assertThat(after.build()).as("builds after saves to other files").isEqualTo(before);
        assertThat(after.building()).isFalse();
    }

    /** The print edition as served, without the soft hyphens it is set with. */
    private static String printText() throws IOException {
        return RawHttp.get(port, "/book/basic-test.html").text().replace("\u00AD", "");
    }

    /** A listener that prints nothing (the command line's printing is the CLI test's). */
    enum Silent implements Preview.Listener {
        LISTENER;

        @Override
        public void serving(URI address) {
        }

        @Override
        public void building(int build) {
        }

        @Override
        public void built(BuildResult result, PreviewState state) {
        }
    }
}
