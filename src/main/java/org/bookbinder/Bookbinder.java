package org.bookbinder;

import org.bookbinder.packaging.accessibility.AccessibilityMetadata;
import org.bookbinder.packaging.accessibility.ContentFacts;
import org.bookbinder.packaging.accessibility.ContentInspector;
import org.bookbinder.packaging.accessibility.ManuscriptChecks;
import org.bookbinder.annotate.AnnotatedBook;
import org.bookbinder.annotate.Annotator;
import org.bookbinder.check.EpubChecker;
import org.bookbinder.diagnostics.BookbinderException;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.diagnostics.Severity;
import org.bookbinder.load.Manuscript;
import org.bookbinder.packaging.library.LibraryRecords;
import org.bookbinder.load.ManuscriptLoader;
import org.bookbinder.packaging.EpubPackager;
import org.bookbinder.packaging.OutputFiles;
import org.bookbinder.render.Rendition;
import org.bookbinder.render.Renderer;
import org.bookbinder.render.Templates;
import org.bookbinder.render.links.ChapterLinks;
import org.bookbinder.render.print.ChromiumPrinter;
import org.bookbinder.render.print.PdfEdition;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one entry point: {@code Bookbinder.build(bookDir, options)} runs the pipeline
 * load → annotate → render → packaging → check and returns the result with its diagnostics.
 * Problems in the book are diagnostics, never exceptions; an exception from here is a bug or a failing disk.
 */
public final class Bookbinder {
    private Bookbinder() {
    }

    /**
     * Builds the book in {@code bookDir} into {@code <outDir>/<id>.epub}, {@code <outDir>/<id>.html} and the library
     * records {@code <id>.marc.xml} and {@code <id>.opds.xml}.
     */
    public static BuildResult build(Path bookDir, BuildOptions options) {
        return build(bookDir, options, Progress.NONE);
    }

    /** {@link #build(Path, BuildOptions)}, telling {@code progress} what it is doing. */
    public static BuildResult build(Path bookDir, BuildOptions options, Progress progress) {
        Objects.requireNonNull(bookDir, "bookDir must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Long> timings = new LinkedHashMap<>();
        if (options.check()) {
            EpubChecker.warmUp();
        }
        Templates.warmUp();
        try {
            long t = System.nanoTime();
            progress.stage("load", 0);
            Manuscript manuscript = ManuscriptLoader.load(bookDir, diagnostics);
            int chapters = manuscript.chapters().size();
            progress.stage("annotate", chapters);
            t = lap(timings, "load", t);
            AnnotatedBook annotated = Annotator.annotate(manuscript, options.sourceDateEpoch(), diagnostics);
            ManuscriptChecks.check(annotated, diagnostics);
            ChapterLinks.check(annotated, diagnostics);
            manuscript = null;                  // the annotated book has all that later stages need
            t = lap(timings, "annotate", t);
            if (diagnostics.hasErrors()) {
                return new BuildResult(List.of(), diagnostics.list(), timings);
            }
            progress.stage("render", chapters);
            Renderer.Chapters chapterOutputs = Renderer.renderChapters(annotated, progress::chapterDone, diagnostics);
            annotated = null;                   // let a big book's trees go before the edition is put together
            Rendition rendition = chapterOutputs.finish();
            chapterOutputs = null;
            t = lap(timings, "render", t);
            Path outDir = options.outDir().orElse(bookDir.resolve("build"));
            String id = rendition.config().id();
            ContentFacts facts = ContentInspector.inspect(rendition.documents(), rendition.config().language(),
                    display(bookDir, outDir.resolve(id + ".epub")) + "/" + EpubPackager.CONTENT_DIR, diagnostics);
            AccessibilityMetadata accessibility = AccessibilityMetadata.derive(rendition.config(), facts, diagnostics);
            t = lap(timings, "accessibility", t);
            if (diagnostics.hasErrors()) {
                return new BuildResult(List.of(), diagnostics.list(), timings);
            }
            progress.stage("package", 0);
            LibraryRecords.Prepared records = LibraryRecords.prepare(rendition, accessibility, facts);
            OutputFiles output;
            try {
                output = OutputFiles.begin(outDir);
            } catch (OutputFiles.Busy e) {
                diagnostics.error(Code.OUT_003, display(bookDir, outDir), 0, 0, "another build is writing into this output "
                        + "directory: wait for it to end, or build into another one (-o)");
                return new BuildResult(List.of(), diagnostics.list(), timings);
            } catch (IOException e) {
                diagnostics.error(Code.OUT_001, display(bookDir, outDir), 0, 0, "cannot write the output directory: " + reason(e));
                return new BuildResult(List.of(), diagnostics.list(), timings);
            }
            try (output) {
                try (OutputStream epub = output.create(id + ".epub")) {
                    EpubPackager.write(rendition, accessibility, epub);
                }
                try (var html = Files.newByteChannel(output.staged(id + ".html"), StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = rendition.printHtml().duplicate();
                    while (bytes.hasRemaining()) {
                        html.write(bytes);
                    }
                }
                records.write(output);
                t = lap(timings, "package", t);
                if (options.pdf()) {
                    progress.stage("pdf", 0);
                    printPdf(rendition, output.staged(id + ".pdf"), display(bookDir, outDir.resolve(id + ".pdf")), diagnostics);
                    t = lap(timings, "pdf", t);
                }
                if (options.check()) {
                    progress.stage("check", 0);
                    EpubChecker.check(output.staged(id + ".epub"), display(bookDir, outDir.resolve(id + ".epub")), diagnostics);
                    lap(timings, "check", t);
                }
                boolean failed = diagnostics.hasErrors()
                        || (options.strict() && diagnostics.list().stream().anyMatch(d -> d.severity() == Severity.WARNING));
                if (failed) {
                    return new BuildResult(List.of(), diagnostics.list(), timings);
                }
                List<Path> written = output.commit();
                return new BuildResult(written, diagnostics.list(), timings);
            } catch (IOException e) {
                diagnostics.error(Code.OUT_001, display(bookDir, outDir), 0, 0, "cannot write the output: " + reason(e));
                return new BuildResult(List.of(), diagnostics.list(), timings);
            }
        } catch (BookbinderException e) {
            return new BuildResult(List.of(), diagnostics.list(), timings);
        } catch (StackOverflowError e) {
            // the loader refuses chapters that nest too deep (LIMIT-001); this is the last guard, for anything else
            diagnostics.error(Code.LIMIT_001, display(bookDir, bookDir), 0, 0, "the book nests too deep to be built");
            return new BuildResult(List.of(), diagnostics.list(), timings);
        } catch (OutOfMemoryError e) {
            diagnostics.error(Code.LIMIT_003, display(bookDir, bookDir), 0, 0, "the build ran out of memory (the Java heap is "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): give it more with -Xmx, or divide the book's largest chapters");
            return new BuildResult(List.of(), diagnostics.list(), timings);
        }
    }

    /** Validates any EPUB file with the same in-process EPUBCheck as {@code build}. */
    public static BuildResult check(Path epub) {
        Objects.requireNonNull(epub, "epub must not be null");
        Diagnostics diagnostics = new Diagnostics();
        if (!Files.isRegularFile(epub) || !Files.isReadable(epub)) {
            diagnostics.error(Code.OUT_002, epub.toString(), 0, 0, "no such file, or it cannot be read");
            return new BuildResult(List.of(), diagnostics.list(), Map.of());
        }
        long t = System.nanoTime();
        EpubChecker.check(epub, epub.toString(), diagnostics);
        Map<String, Long> timings = new LinkedHashMap<>();
        lap(timings, "check", t);
        return new BuildResult(diagnostics.hasErrors() ? List.of() : List.of(epub), diagnostics.list(), timings);
    }

    /** {@code --pdf}: the print edition printed by a local Chromium, with page numbers in its contents. */
    private static void printPdf(Rendition rendition, Path pdf, String shownAs, Diagnostics diagnostics) {
        if (diagnostics.hasErrors()) {
            return;
        }
        ChromiumPrinter chromium = ChromiumPrinter.find().orElse(null);
        if (chromium == null) {
            diagnostics.error(Code.PRINT_001, shownAs, 0, 0, "cannot make the PDF: " + ChromiumPrinter.missingMessage());
            return;
        }
        try {
            PdfEdition.print(StandardCharsets.UTF_8.decode(rendition.printHtml().duplicate()).toString(), rendition.config().print().twoSided(), rendition.modified(), pdf, chromium);
        } catch (IOException e) {
            diagnostics.error(Code.PRINT_002, shownAs, 0, 0, "cannot make the PDF with " + chromium.executable() + ": " + e.getMessage());
        }
    }

    private static long lap(Map<String, Long> timings, String stage, long start) {
        long now = System.nanoTime();
        timings.put(stage, (now - start) / 1_000_000);
        return now;
    }

    /** An I/O failure in words, without Java's exception names or the staging folder's path. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return "a file or folder is in the way";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "a folder on the way does not exist";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage().replaceAll("\\S*\\.bookbinder-\\d+\\S*", "").strip();
    }

    private static String display(Path bookDir, Path p) {
        Path base = bookDir.toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
