package org.bookbinder.cli;

import org.bookbinder.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code bookbinder}: the command line. */
@Command(name = "bookbinder", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Binds a Markdown manuscript into a valid, accessible EPUB 3 and a print edition.",
        subcommands = {BuildCommand.class, WatchCommand.class, CheckCommand.class, InitCommand.class, ImportCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before the command line is even parsed (picocli's classes, too old for the class-data archive, take this thread
        // about 50 ms while the other core waits): EPUBCheck's warm-up, the longest wait, and the templates' engines.
        if (buildWithCheck(args)) {
            org.bookbinder.check.EpubChecker.warmUp();
        }
        if (builds(args)) {
            org.bookbinder.render.Templates.warmUp();
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Whether the command line asks for builds that will run EPUBCheck (a quick look; picocli decides). */
    private static boolean buildWithCheck(String[] args) {
        return builds(args) && !java.util.Arrays.asList(args).contains("--no-check");
    }

    /** Whether the command line asks for builds ({@code build} or {@code watch}; a quick look, picocli decides). */
    private static boolean builds(String[] args) {
        java.util.List<String> list = java.util.Arrays.asList(args);
        return list.stream().filter(a -> !a.startsWith("-")).findFirst().filter(c -> c.equals("build") || c.equals("watch")).isPresent()
                && !list.contains("--help") && !list.contains("-h");
    }

    /** Runs the command line with the given streams and returns the exit status (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.originalArgs().contains("--debug");
            commandLine.getErr().println("bookbinder: internal error: " + ex + (debug ? "" : " (run again with --debug for details)"));
            if (debug) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCode.INTERNAL;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("bookbinder: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: build, watch, check, init or import");
    }

    /** {@code --version}: the tool's version and the EPUBCheck it carries. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bookbinder " + Version.VERSION,
                    "EPUBCheck " + org.bookbinder.check.EpubChecker.version()};
        }
    }
}
