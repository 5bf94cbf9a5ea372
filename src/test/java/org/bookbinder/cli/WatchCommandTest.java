package org.bookbinder.cli;

import org.bookbinder.BadInputTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bookbinder watch} on the command line: its options, its refusals, and how it stops. */
class WatchCommandTest {
    @TempDir
    Path temp;

    @Test
    void helpNamesTheOptions() {
        CliTest.Run run = CliTest.run("watch", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: bookbinder watch").contains("--port=PORT").contains("--host=HOST")
                .contains("default: 8000").contains("default: 127.0.0.1").contains("--no-check").contains("Ctrl-C");
    }

    @Test
    void aPortInUseIsAUsageErrorAndBuildsNothing() throws IOException {
        Path book = copyOfTheBasicBook();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliTest.Run run = CliTest.run("watch", book.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.status()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("cannot serve the preview on 127.0.0.1:" + taken.getLocalPort()).contains("--port");
            run.hasNoStackTrace();
        }
        assertThat(book.resolve("build")).doesNotExist();
    }

    @Test
    void aMissingBookOrABadPortIsAUsageError() {
        CliTest.Run missing = CliTest.run("watch", temp.resolve("nowhere").toString(), "--port", "0");
        assertThat(missing.status()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("no such book directory");
        CliTest.Run port = CliTest.run("watch", ".", "--port", "70000");
        assertThat(port.status()).isEqualTo(ExitCode.USAGE);
        assertThat(port.err()).contains("--port must be between 0 and 65535");
        missing.hasNoStackTrace();
        port.hasNoStackTrace();
    }

    /**
     * The command in a JVM of its own, told to stop (SIGTERM: the shutdown path Ctrl-C's SIGINT takes too) while its
     * first build runs: it waits for the build, leaves no staging folder, says it stopped, and prints no stack trace.
     */
    @Test
    void stopsCleanlyWhenToldToEvenDuringABuild() throws Exception {
        Path book = copyOfTheBasicBook();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process watch = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "watch", book.toString(), "--port", "0").redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            String first = firstLine(out, watch);
            Matcher at = Pattern.compile("bookbinder: preview of .* at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C to stop\\)").matcher(first);
            assertThat(at.matches()).as(first).isTrue();
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(at.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Bookbinder preview");

            watch.destroy();
            assertThat(watch.waitFor(2, TimeUnit.MINUTES)).as("stopped").isTrue();
        } finally {
            watch.destroyForcibly();
        }
        assertThat(Files.readAllLines(out)).last().isEqualTo("bookbinder: preview stopped");
        assertThat(Files.readString(err)).doesNotContain("Exception").doesNotContain("\tat ");
        if (Files.isDirectory(book.resolve("build"))) {
            try (Stream<Path> files = Files.list(book.resolve("build"))) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no staging folder").noneMatch(n -> n.startsWith("."));
            }
        }
    }

    private Path copyOfTheBasicBook() throws IOException {
        Path book = temp.resolve("book");
        BadInputTest.copyTree(Path.of("src/test/resources/books/basic"), book);
        return book;
    }

    /** The first line the process writes to {@code out}, waiting for it (a minute at most). */
    private static String firstLine(Path out, Process process) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < end && process.isAlive()) {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (text.contains("\n")) {
                return text.substring(0, text.indexOf('\n'));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line from bookbinder watch: " + Files.readString(out, StandardCharsets.UTF_8));
    }
}
