package org.bookbinder.cli;

import org.bookbinder.BookTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bookbinder init DIR}. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Writes a minimal, buildable new book (book.yaml, one chapter, styles) into DIR.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The new book's directory (created if needed).")
    Path dir;

    @Option(names = "--debug", description = "Print a stack trace on an internal error.")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(dir.resolve("book.yaml"))) {
            spec.commandLine().getErr().println(new org.bookbinder.diagnostics.Diagnostic(org.bookbinder.diagnostics.Code.INIT_001.severity(), org.bookbinder.diagnostics.Code.INIT_001.id(), dir.resolve("book.yaml").toString(), 0, 0, "a book already exists here; nothing written").format());
            return ExitCode.DIAGNOSTICS;
        }
        List<Path> written = BookTemplate.write(dir);
        spec.commandLine().getOut().println("wrote " + written.size() + " files in " + dir + "; build it with: bookbinder build " + dir);
        return ExitCode.OK;
    }
}
