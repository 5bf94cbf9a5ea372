package org.bookbinder.check;

import com.adobe.epubcheck.api.EpubCheck;
import org.bookbinder.diagnostics.Diagnostics;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Stage 5: validates an EPUB with EPUBCheck, in-process, reporting into our diagnostics. */
public final class EpubChecker {
    /** A small valid EPUB 3 (what {@code bookbinder init} builds), checked once per process to warm EPUBCheck up. */
    private static final String WARM_UP_EPUB = "/org/bookbinder/check/warm-up.epub";
    private static volatile CompletableFuture<Void> warmUp;

    private EpubChecker() {
    }

    /** The EPUBCheck version this build carries. */
    public static String version() {
        return EpubCheck.version();
    }

    /**
     * Starts EPUBCheck's first-use work on a background thread, once per process: it compiles all its schemas
     * (RELAX NG with Jing, Schematron with Saxon) when it is first used, about a second on one core, which can
     * run while the book is built. It checks a small built-in EPUB and forgets the result; {@link #check} waits
     * for it. Nothing of a book goes into it, so the book's report is the same with or without it.
     */
    public static void warmUp() {
        if (warmUp == null) {
            synchronized (EpubChecker.class) {
                if (warmUp == null) {
                    warmUp = CompletableFuture.runAsync(EpubChecker::checkWarmUpEpub, runnable -> {
                        Thread t = new Thread(runnable, "bookbinder-epubcheck-warm-up");
                        t.setDaemon(true);
                        t.start();
                    });
                }
            }
        }
    }

    private static void checkWarmUpEpub() {
        try (InputStream in = EpubChecker.class.getResourceAsStream(WARM_UP_EPUB)) {
            if (in != null) {
                new EpubCheck(in, new DiagnosticReport(new Diagnostics(), "warm-up.epub", "warm-up.epub"), "warm-up.epub").doValidate();
            }
        } catch (Exception | LinkageError e) {
            // only a head start: the real check reports whatever is wrong
        }
    }

    /**
     * Checks {@code epub}; its messages are reported under {@code displayName} (e.g. {@code build/book.epub}).
     */
    public static void check(Path epub, String displayName, Diagnostics diagnostics) {
        CompletableFuture<Void> started = warmUp;
        if (started != null) {
            started.join();
        }
        DiagnosticReport report = new DiagnosticReport(diagnostics, displayName, epub.getFileName().toString());
        new EpubCheck(epub.toFile(), report).doValidate();
    }
}
