package org.bookbinder.cli;

import org.bookbinder.BuildResult;
import org.bookbinder.Bookbinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bookbinder check FILE.epub}. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Validates any EPUB with the built-in EPUBCheck and prints its messages as diagnostics.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.epub", description = "The EPUB to check.")
    Path epub;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Option(names = "--debug", description = "Print a stack trace on an internal error.")
    boolean debug;

    @Override
    public Integer call() {
        BuildResult result = Bookbinder.check(epub);
        Report.diagnostics(result, spec.commandLine().getErr());
        boolean failed = !result.succeeded() || (strict && result.count(org.bookbinder.diagnostics.Severity.WARNING) > 0);
        spec.commandLine().getOut().println(epub + ": " + Report.counts(result));
        return failed ? ExitCode.DIAGNOSTICS : ExitCode.OK;
    }
}
