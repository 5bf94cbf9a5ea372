package org.bookbinder.cli;

import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import org.bookbinder.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code bookbinder build [BOOK_DIR] [-o OUT_DIR]}. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Binds the book in BOOK_DIR into OUT_DIR/<id>.epub and OUT_DIR/<id>.html, checked with EPUBCheck (and OUT_DIR/<id>.pdf with --pdf).")
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BOOK_DIR", description = "The book directory (default: the current directory).")
    Path bookDir = Path.of(".");

    @Option(names = {"-o", "--out"}, paramLabel = "OUT_DIR", description = "Where to write the outputs (default: BOOK_DIR/build).")
    Path outDir;

    @Option(names = "--no-check", description = "Do not run EPUBCheck on the EPUB.")
    boolean noCheck;

    @Option(names = "--pdf", description = "Also print the print edition to OUT_DIR/<id>.pdf with a local Chromium (headless), with page numbers in its contents.")
    boolean pdf;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "Print only diagnostics.")
    boolean quiet;

    @Option(names = "--timings", description = "Print the time spent in each stage.")
    boolean timings;

    @Option(names = "--debug", description = "Print a stack trace on an internal error.")
    boolean debug;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildOptions options = BuildOptions.defaults()
                .withCheck(!noCheck)
                .withStrict(strict)
                .withPdf(pdf)
                .withSourceDateEpoch(sourceDateEpoch(err));
        if (outDir != null) {
            options = options.withOutDir(outDir);
        }
        Progress progress = TerminalProgress.open(quiet);
        BuildResult result;
        try {
            result = Bookbinder.build(bookDir, options, progress);
        } finally {
            TerminalProgress.close(progress);
        }
        Report.diagnostics(result, err);
        if (timings) {
            Report.timings(result, err);
        }
        if (!result.succeeded()) {
            err.println("bookbinder: build failed (" + Report.counts(result) + "); previous output left as it was");
            return ExitCode.DIAGNOSTICS;
        }
        if (!quiet) {
            String files = result.outputs().stream().map(Path::toString).collect(Collectors.joining(", "));
            out.println("wrote " + files + (noCheck ? " (not checked)" : " (checked with EPUBCheck; " + Report.counts(result) + ")"));
        }
        return ExitCode.OK;
    }

    private static Optional<Long> sourceDateEpoch(PrintWriter err) {
        String value = System.getenv("SOURCE_DATE_EPOCH");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            err.println("bookbinder: warning: SOURCE_DATE_EPOCH='" + value + "' is not a number of seconds; ignored");
            return Optional.empty();
        }
    }
}
