package org.bookbinder.cli;

import org.bookbinder.BuildResult;
import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Severity;

import java.io.PrintWriter;

/** Prints diagnostics the way a compiler does, and a one-line summary. */
final class Report {
    private Report() {
    }

    static void diagnostics(BuildResult result, PrintWriter err) {
        for (Diagnostic d : result.diagnostics()) {
            err.println(d.format());
        }
    }

    static String counts(BuildResult result) {
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    static void timings(BuildResult result, PrintWriter err) {
        StringBuilder sb = new StringBuilder("timings:");
        long total = 0;
        for (var e : result.timings().entrySet()) {
            sb.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(" ms,");
            total += e.getValue();
        }
        sb.append(" total ").append(total).append(" ms");
        err.println(sb);
    }
}
