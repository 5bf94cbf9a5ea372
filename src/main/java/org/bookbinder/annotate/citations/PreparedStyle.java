package org.bookbinder.annotate.citations;

import org.bookbinder.Background;
import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.BookConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The citation style book.yaml names, being read and parsed on a thread of its own while the load stage reads the
 * chapters (parsing the CSL XML was about 60 ms on the main thread at the start of annotation). Its diagnostics are
 * held until {@link #style} hands the style over, and reported then, as if it had been loaded there.
 */
public final class PreparedStyle {
    private record Loaded(Optional<CitationStyle> style, List<Diagnostic> diagnostics) {
    }

    private final CompletableFuture<Loaded> loading;

    private PreparedStyle(CompletableFuture<Loaded> loading) {
        this.loading = loading;
    }

    /** Starts loading the style {@code config} names, for the book in {@code bookDir}. */
    public static PreparedStyle start(Path bookDir, BookConfig config) {
        return new PreparedStyle(Background.start("bookbinder-citation-style", () -> {
            Diagnostics own = new Diagnostics();
            Optional<CitationStyle> style = CitationStyle.load(bookDir, config, own);
            return new Loaded(style, own.list());
        }));
    }

    /** The style (waiting for it if need be), its diagnostics added to {@code diagnostics}; empty when it is bad. */
    Optional<CitationStyle> style(Diagnostics diagnostics) {
        Loaded loaded = Background.join(loading);
        loaded.diagnostics().forEach(diagnostics::add);
        return loaded.style();
    }
}
