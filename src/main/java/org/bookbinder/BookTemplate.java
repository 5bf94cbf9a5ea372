package org.bookbinder;

import org.bookbinder.load.ManuscriptLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The minimal new book that {@code bookbinder init} writes: book.yaml, one chapter, the default styles. */
public final class BookTemplate {
    private BookTemplate() {
    }

    /** Writes the new book into {@code dir}; the book's id comes from the directory's name. */
    public static List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("chapters"));
        Files.createDirectories(dir.resolve("styles"));
        String name = dir.toAbsolutePath().normalize().getFileName() == null ? "book" : dir.toAbsolutePath().normalize().getFileName().toString();
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (id.isEmpty()) {
            id = "book";
        }
        String yaml = resource("book.yaml")
                .replace("@ID@", id)
                .replace("@UUID@", UUID.randomUUID().toString())
                .replace("@DATE@", LocalDate.now().toString());
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve("book.yaml"), yaml));
        written.add(write(dir.resolve("chapters/01-first-chapter.md"), resource("01-first-chapter.md")));
        written.add(write(dir.resolve("styles/epub.css"), ManuscriptLoader.defaultStylesheet("epub.css")));
        written.add(write(dir.resolve("styles/print.css"), ManuscriptLoader.defaultStylesheet("print.css")));
        written.add(write(dir.resolve(".gitignore"), "build/\n"));
        return written;
    }

    private static Path write(Path p, String text) throws IOException {
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = BookTemplate.class.getResourceAsStream("/org/bookbinder/init/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
