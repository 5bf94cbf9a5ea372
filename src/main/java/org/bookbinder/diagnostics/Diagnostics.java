package org.bookbinder.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of one build. Thread-safe: chapters are processed in parallel.
 * The list it hands out is sorted by file, line and column, so output does not depend on scheduling.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = Collections.synchronizedList(new ArrayList<>());

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public void error(Code code, String file, int line, int column, String message) {
        add(new Diagnostic(Severity.ERROR, code.id(), file, line, column, message));
    }

    public void warning(Code code, String file, int line, int column, String message) {
        add(new Diagnostic(Severity.WARNING, code.id(), file, line, column, message));
    }

    public void report(Code code, String file, int line, int column, String message) {
        add(new Diagnostic(code.severity(), code.id(), file, line, column, message));
    }

    public boolean hasErrors() {
        synchronized (items) {
            return items.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** All diagnostics so far, in a stable order. */
    public List<Diagnostic> list() {
        synchronized (items) {
            List<Diagnostic> copy = new ArrayList<>(items);
            copy.sort(ORDER);
            return List.copyOf(copy);
        }
    }

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);
}
