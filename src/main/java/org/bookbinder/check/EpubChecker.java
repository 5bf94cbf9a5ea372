package org.bookbinder.check;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.xml.XMLValidators;
import org.bookbinder.diagnostics.Diagnostics;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
     * The schemas EPUBCheck 5.3.0 checks a book of ours against (asked of it: {@code EpubCheckerTest}), the slowest to
     * compile first: the container's, the package document's (with its collections'), the navigation document's, the
     * NCX's, and XHTML's with the SVG that may be inside it. A schema left out is compiled when the check needs it: an
     * SVG image's ({@code SVG_30_NVDL}), for the books that have one.
     */
    static final List<XMLValidators> SCHEMAS = List.of(XMLValidators.CONTAINER_30_RENDITIONS_SCH, XMLValidators.XHTML_30_NVDL,
            XMLValidators.NAV_30_RNC, XMLValidators.SVG_30_INFORMATIVE_NVDL, XMLValidators.OPF_30_SCH, XMLValidators.XHTML_30_SCH,
            XMLValidators.NCX_SCH, XMLValidators.NAV_30_SCH, XMLValidators.OPF_30_COLLECTION_DICT_SCH,
            XMLValidators.OPF_30_COLLECTION_DO_SCH, XMLValidators.CONTAINER_30_RNC, XMLValidators.OPF_30_COLLECTION_IDX_SCH,
            XMLValidators.OPF_30_COLLECTION_MANIFEST_SCH, XMLValidators.OPF_30_COLLECTION_PREVIEW_SCH, XMLValidators.OPF_30_RNC,
            XMLValidators.NCX_RNG, XMLValidators.SEARCH_KEY_MAP_RNC);

    /** The next of {@link #SCHEMAS} for a thread to compile. */
    private static final AtomicInteger NEXT_SCHEMA = new AtomicInteger();
    /** Set when a real check starts: the warm-up then leaves out its check of the built-in EPUB. */
    private static final AtomicBoolean CHECKING = new AtomicBoolean();

    /**
     * Starts EPUBCheck's first-use work on a background thread, once per process, to run while the book is built:
     * compiling the schemas a book needs ({@link #SCHEMAS}; RELAX NG with Jing, Schematron with Saxon: about 0.8 s of
     * one core; our {@code XMLValidators} compiles a schema when it is first asked for, and once), then checking a
     * small built-in EPUB, whose result is forgotten, for the rest of it. A check that starts before the warm-up is
     * done compiles the schemas left beside it, instead of waiting (two threads while the book was built slowed the
     * build more than they gained). Nothing of a book goes into it, so the book's report is the same with or without.
     */
    public static void warmUp() {
        if (warmUp == null) {
            synchronized (EpubChecker.class) {
                if (warmUp == null) {
                    warmUp = CompletableFuture.runAsync(() -> {
                        compileSchemas();
                        if (!CHECKING.get()) {
                            checkWarmUpEpub();
                        }
                    }, runnable -> {
                        Thread t = new Thread(runnable, "bookbinder-epubcheck-warm-up");
                        t.setDaemon(true);
                        t.start();
                    });
                }
            }
        }
    }

    /** Compiles what is left of {@link #SCHEMAS}, taking turns with the other thread that may be at it. */
    private static void compileSchemas() {
        for (int i = NEXT_SCHEMA.getAndIncrement(); i < SCHEMAS.size(); i = NEXT_SCHEMA.getAndIncrement()) {
            try {
                SCHEMAS.get(i).get();
            } catch (RuntimeException | LinkageError e) {
                // only a head start: the check compiles it again, and reports what is wrong
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
            CHECKING.set(true);
            compileSchemas();
            started.join();
        }
        DiagnosticReport report = new DiagnosticReport(diagnostics, displayName, epub.getFileName().toString());
        new EpubCheck(epub.toFile(), report).doValidate();
    }
}
