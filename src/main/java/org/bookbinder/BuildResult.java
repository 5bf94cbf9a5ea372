package org.bookbinder;

import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Severity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a build did.
 *
 * @param outputs     the files written (empty when the build failed: nothing was replaced)
 * @param diagnostics every problem found, ours and EPUBCheck's, in a stable order
 * @param timings     milliseconds spent per stage, in pipeline order
 */
public record BuildResult(List<Path> outputs, List<Diagnostic> diagnostics, Map<String, Long> timings) {
    public BuildResult {
        outputs = List.copyOf(outputs);
        diagnostics = List.copyOf(diagnostics);
        timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    }

    public boolean succeeded() {
        return !outputs.isEmpty();
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
