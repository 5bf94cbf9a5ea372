package org.bookbinder.load;

import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the files a book is made of, and only from inside its directory. A path that leads out of it — with
 * {@code ../}, as an absolute path, or through a symbolic link anywhere on the way — is refused before anything is
 * read (BOOK-008): the real paths are compared, after every link is followed. A file that is there but cannot be
 * read (no permission, a folder where a file should be) is BOOK-007, never an exception.
 */
public final class BookFiles {
    private BookFiles() {
    }

    /** Where a diagnostic about a file goes: the file itself, or the place in book.yaml that names it. */
    public record Place(String file, int line, int column) {
        /** The file itself, without a line. */
        public static Place of(String file) {
            return new Place(file, 0, 0);
        }
    }

    /** Whether {@code file}, which exists, lies inside {@code bookDir} once every symbolic link on the way is followed. */
    public static boolean inside(Path bookDir, Path file) {
        try {
            return file.toRealPath().startsWith(bookDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether {@code file}, which exists, may be read; if it lies outside the book directory, reports BOOK-008
     * {@code at}: "{@code what} '{@code written}' is outside the book directory".
     */
    public static boolean checkInside(Path bookDir, Path file, String what, String written, Place at, Diagnostics diagnostics) {
        if (inside(bookDir, file)) {
            return true;
        }
        Path base = bookDir.toAbsolutePath().normalize();
        boolean throughLink = file.toAbsolutePath().normalize().startsWith(base);
        diagnostics.error(Code.BOOK_008, at.file(), at.line(), at.column(), what + " '" + written + "' "
                + (throughLink ? "is a symbolic link that leads outside the book directory" : "is outside the book directory")
                + ": a book is made only of the files in its directory, so copy the file in (it was not read)");
        return false;
    }

    /**
     * The bytes of {@code file}, which exists; empty, reported {@code at}, when it lies outside the book directory
     * (BOOK-008) or cannot be read (BOOK-007). {@code what} names it in the message: "the chapter file", "the image"….
     */
    public static Optional<byte[]> read(Path bookDir, Path file, String what, String written, Place at, Diagnostics diagnostics) {
        if (!checkInside(bookDir, file, what, written, at, diagnostics)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            diagnostics.error(Code.BOOK_007, at.file(), at.line(), at.column(), what + " '" + written + "' cannot be read: " + reason(file, e));
            return Optional.empty();
        }
    }

    /** Why a file could not be read, in words rather than an exception's name. */
    private static String reason(Path file, IOException e) {
        if (Files.isDirectory(file)) {
            return "it is a folder, not a file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return "input/output error";
    }
}
