package org.bookbinder.diagnostics;

import java.util.Objects;

/**
 * One located problem, printed the way a compiler prints it:
 * {@code chapters/03-japanese.md:14:22: error CITE-001: unknown citation key 'nimo1988'}.
 *
 * @param file   the file, relative to the book directory where possible; never null
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param code   a stable code, e.g. {@code BOOK-003}, or an EPUBCheck message id such as {@code RSC-005}
 */
public record Diagnostic(Severity severity, String code, String file, int line, int column, String message) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: severity CODE: message}, leaving out the line and column when they are unknown. */
    public String format() {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where + ": " + severity.label() + " " + code + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
