package org.bookbinder.cli;

import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.preview.Preview;
import org.bookbinder.preview.PreviewState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code bookbinder watch [BOOK_DIR] [--port 8000]}: build, serve a live preview, rebuild on every save. */
@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Builds the book in BOOK_DIR as build does, serves a live preview of it at http://HOST:PORT/ "
                + "(the e-book in a reader, the print edition in pages, the diagnostics with their source) and rebuilds "
                + "it whenever book.yaml, a chapter, a style or the glossary or bibliography is saved. "
                + "A failed build leaves the last good book in OUT_DIR and in the preview. Ctrl-C stops."})
final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "BOOK_DIR", description = "The book directory (default: the current directory).")
    Path bookDir = Path.of(".");

    @Option(names = {"-o", "--out"}, paramLabel = "OUT_DIR", description = "Where to write the outputs (default: BOOK_DIR/build).")
    Path outDir;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "The port to serve the preview on (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port = 8000;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to serve on (default: ${DEFAULT-VALUE}, this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--no-check", description = "Do not run EPUBCheck on each build (faster; the EPUB is not checked).")
    boolean noCheck;

    @Option(names = "--strict", description = "Warnings fail a build too.")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "Print only diagnostics and the preview's address.")
    boolean quiet;

    @Option(names = "--debug", description = "Print a stack trace on an internal error.")
    boolean debug;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("bookbinder: --port must be between 0 and 65535, not " + port);
            return ExitCode.USAGE;
        }
        if (!Files.isDirectory(bookDir)) {
            err.println("bookbinder: no such book directory: " + bookDir);
            return ExitCode.USAGE;
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            err.println("bookbinder: unknown host '" + host + "' for --host");
            return ExitCode.USAGE;
        }
        BuildOptions options = BuildOptions.defaults().withCheck(!noCheck).withStrict(strict);
        if (outDir != null) {
            options = options.withOutDir(outDir);
        }
        Preview preview;
        try {
            preview = Preview.start(bookDir, options, address, new Printer(bookDir, out, err, quiet));
        } catch (IOException e) {
            err.println("bookbinder: cannot serve the preview on " + host + ":" + port + ": "
                    + (e instanceof java.net.BindException ? "the port is in use, or the address is not this machine's (choose another with --port or --host)" : e.getMessage()));
            return ExitCode.USAGE;
        }
        if (!address.getAddress().isLoopbackAddress()) {
            err.println("bookbinder: warning: the preview is served on " + host + ", so other machines may read the book");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            preview.close();
            out.println("bookbinder: preview stopped");
            out.flush();
            stopped.countDown();
        }, "bookbinder-preview-stop"));
        stopped.await();
        return ExitCode.OK;
    }

    /** Prints each build as build does: its diagnostics, then one line. */
    private record Printer(Path bookDir, PrintWriter out, PrintWriter err, boolean quiet) implements Preview.Listener {
        @Override
        public void serving(URI address) {
            out.println("bookbinder: preview of " + bookDir + " at " + address + " (Ctrl-C to stop)");
            out.flush();
        }

        @Override
        public void building(int build) {
            if (!quiet) {
                out.println("bookbinder: build " + build + "…");
            }
        }

        @Override
        public void built(BuildResult result, PreviewState state) {
            Report.diagnostics(result, err);
            String seconds = String.format(Locale.ROOT, "%.2f s", state.millis() / 1000.0);
            if (!result.succeeded()) {
                err.println("bookbinder: build " + state.build() + " failed in " + seconds + " (" + Report.counts(result) + ")"
                        + (state.book().isPresent() ? "; the preview shows the last good book" : ""));
            } else if (!quiet) {
                out.println("bookbinder: build " + state.build() + " done in " + seconds + " (" + Report.counts(result) + ")");
            }
            err.flush();
            out.flush();
        }
    }
}
