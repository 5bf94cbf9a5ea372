package org.bookbinder.diagnostics;

/** How bad a diagnostic is. Errors fail the build; warnings fail it only with {@code --strict}. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The word printed in a diagnostic line: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
