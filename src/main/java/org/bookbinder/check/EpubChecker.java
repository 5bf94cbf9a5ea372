package org.bookbinder.check;

import com.adobe.epubcheck.api.EpubCheck;
import org.bookbinder.diagnostics.Diagnostics;

import java.nio.file.Path;

/** Stage 5: validates an EPUB with EPUBCheck, in-process, reporting into our diagnostics. */
public final class EpubChecker {
    private EpubChecker() {
    }

    /** The EPUBCheck version this build carries. */
    public static String version() {
        return EpubCheck.version();
    }

    /**
     * Checks {@code epub}; its messages are reported under {@code displayName} (e.g. {@code build/book.epub}).
     */
    public static void check(Path epub, String displayName, Diagnostics diagnostics) {
        DiagnosticReport report = new DiagnosticReport(diagnostics, displayName, epub.getFileName().toString());
        new EpubCheck(epub.toFile(), report).doValidate();
    }
}
