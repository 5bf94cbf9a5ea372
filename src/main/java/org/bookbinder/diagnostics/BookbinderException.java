package org.bookbinder.diagnostics;

/**
 * Thrown when a stage cannot go on because of diagnostics it has already reported (e.g. no book.yaml).
 * The facade catches it; it never reaches the user as a stack trace.
 */
public final class BookbinderException extends RuntimeException {
    public BookbinderException(String message) {
        super(message, null, false, false);
    }
}
