package org.bookbinder.cli;

import org.bookbinder.diagnostics.Diagnostic;
import org.bookbinder.diagnostics.Diagnostics;
import org.bookbinder.load.importer.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bookbinder import SOURCE [-o BOOK_DIR]}. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Turns a scraped page (plain text or HTML) into a first draft of a book: chapters split at the "
                + "headings, navigation debris dropped, source references turned into citations.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The page: a .txt or .html file.")
    Path source;

    @Option(names = {"-o", "--out"}, paramLabel = "BOOK_DIR", description = "The new book's directory (default: the current directory).")
    Path bookDir = Path.of(".");

    @Option(names = "--debug", description = "Print a stack trace on an internal error.")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diagnostics = new Diagnostics();
        Optional<Importer.Result> result = Importer.importPage(source, bookDir, diagnostics);
        for (Diagnostic d : diagnostics.list()) {
            err.println(d.format());
        }
        if (result.isEmpty()) {
            return ExitCode.DIAGNOSTICS;
        }
        Importer.Result r = result.get();
        out.println("wrote " + r.written().size() + " files in " + bookDir);
        r.created().ifPresent(c -> out.println("page created: " + c));
        r.updated().ifPresent(u -> out.println("page last updated: " + u));
        out.println("left out " + r.dropped().size() + " pieces of navigation and debris:");
        for (String d : r.dropped()) {
            out.println("  - " + d.replace('\n', ' '));
        }
        return ExitCode.OK;
    }
}
