package org.bookbinder.preview;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate between a request path and a file: what passes, and everything that must not. */
class ServedPathTest {
    @TempDir
    Path temp;

    @Test
    void plainNamesAreDecodedOnceSegmentBySegment() {
        assertThat(ServedPath.decode("book.epub")).contains("book.epub");
        assertThat(ServedPath.decode("vendor/foliate-js/view.js")).contains("vendor/foliate-js/view.js");
        assertThat(ServedPath.decode("camps%20plan.svg")).contains("camps plan.svg");
        assertThat(ServedPath.decode("a+b.html")).as("a plus sign is a plus sign in a path").contains("a+b.html");
        assertThat(ServedPath.decode("%C3%A9t%C3%A9.html")).contains("été.html");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "", "/etc/passwd", "..", "../book.yaml", "a/../../book.yaml", "./book.epub", "a//b",
            "%2e%2e/book.yaml", "%2E%2E/book.yaml", ".%2e/book.yaml", "%2e./book.yaml",
            "..%2fbook.yaml", "..%2Fbook.yaml", "%2e%2e%2fbook.yaml", "%2fetc%2fpasswd",
            "%252e%252e/book.yaml", "%252e%252e%252fbook.yaml", "%25%32%65%25%32%65/book.yaml",
            "..%5cbook.yaml", "%5c..%5cbook.yaml", "..\\book.yaml", "a\\b",
            "C:/Windows/win.ini", "C%3a%5cWindows", "book.epub%00.html", "book%0a.epub",
            ".bookbinder-123/soviet-pows.epub", ".git/config", "%2ebookbinder-1/x.epub",
            "%", "%2", "%zz", "%c0%ae%c0%ae/book.yaml", "%ff.html", "book.epub/",
            "\u00e9t\u00e9.html"})
    void everythingButAPlainRelativeNameIsRefused(String raw) {
        assertThat(ServedPath.decode(raw)).as("decode(%s)", raw).isEmpty();
    }

    @Test
    void aFileResolvesOnlyInsideItsRootAndNotThroughALink() throws IOException {
        Path root = Files.createDirectories(temp.resolve("out"));
        Files.writeString(root.resolve("book.html"), "<p>book</p>");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dir"), temp);

        assertThat(ServedPath.resolve(root, "book.html")).contains(root.resolve("book.html").toRealPath());
        assertThat(ServedPath.resolve(root, "sub")).as("a folder").isEmpty();
        assertThat(ServedPath.resolve(root, "missing.html")).isEmpty();
        assertThat(ServedPath.resolve(root, "link.txt")).as("a link out of the root").isEmpty();
        assertThat(ServedPath.resolve(root, "dir/secret.txt")).as("through a linked folder").isEmpty();
        assertThat(ServedPath.resolve(root, "%2e%2e/secret.txt")).isEmpty();
    }

    @Test
    void encodingIsTheInverseOfDecoding() {
        for (String name : new String[] {"camps plan.svg", "été.html", "a+b#c?.epub", "x/y z.png"}) {
            assertThat(ServedPath.decode(ServedPath.encode(name))).as(name).contains(name);
        }
        assertThat(ServedPath.encode("camps plan.svg")).isEqualTo("camps%20plan.svg");
    }
}
