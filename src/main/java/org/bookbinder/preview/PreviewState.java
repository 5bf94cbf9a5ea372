package org.bookbinder.preview;

import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Severity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the preview shows, replaced as a whole after each build.
 *
 * @param build       how many builds have finished (0: the first is still running)
 * @param building    whether a build is running now
 * @param succeeded   whether the last finished build succeeded
 * @param millis      how long the last finished build took
 * @param book        the book being shown: the last good build's files (or an earlier build's, found at start)
 * @param diagnostics the last finished build's diagnostics
 * @param timings     the last finished build's milliseconds per stage
 */
public record PreviewState(int build, boolean building, boolean succeeded, long millis, Optional<Book> book,
                           List<Diagnostic> diagnostics, Map<String, Long> timings) {

    /**
     * The files of the book being shown, in the output directory.
     *
     * @param build the build that wrote them (0: they were there before the preview started)
     */
    public record Book(int build, String epub, String html) {
    }

    public PreviewState {
        diagnostics = List.copyOf(diagnostics);
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    static PreviewState starting(Optional<Book> earlier) {
        return new PreviewState(0, true, false, 0, earlier, List.of(), Map.of());
    }

    PreviewState startBuilding() {
        return new PreviewState(build, true, succeeded, millis, book, diagnostics, timings);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
