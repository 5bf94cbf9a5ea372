package org.bookbinder.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The jar's entry point. A build is a short, busy run of a fresh JVM, and the JVM's defaults are tuned for long
 * ones: the C2 compiler takes the second core for most of a build, and classes are loaded and verified anew each
 * time. JVM options cannot be given in a jar's manifest, so for {@code build}, {@code check}, {@code import} and {@code watch}
 * this main starts the same {@code java} again with options for a short run, {@link #JVM_OPTIONS}, and the
 * class-data archive {@code bookbinder.jsa} that {@code mvn package} makes beside the jar by a training build
 * (AppCDS): the child shares this process's standard streams, so it sees the same terminal; its exit status is
 * this one's, and a SIGTERM to this process ends the child too. Options given to this {@code java} (before
 * {@code -jar}) are passed on after ours, so they win.
 *
 * <p>Anything unusual runs the command in this process as it is, with the same result, only slower: not started
 * from a jar, the command line not readable, {@code BOOKBINDER_LAUNCHER=off}, or the child not starting. An archive
 * that does not match the jar or the JVM is ignored by the JVM. {@code --debug} prints what was decided. What the
 * tool writes does not depend on any of this.
 */
public final class Launcher {
    /**
     * C1 only (measured: C2's compiler threads take the second core from the build's workers for most of a build); the
     * parallel GC with a small young generation (96 MB) and a throughput goal of 80 % (GCTimeRatio=4), so that the
     * heap grows only as far as the book's live data needs it (no fixed maximum: a bigger book still fits); what
     * survives a young collection goes to the old generation at once (MaxTenuringThreshold=0: what lives past one
     * collection in a build is the book's trees and texts, which would otherwise be copied between the survivor spaces
     * at every collection; measured, 2 % less time and 70 MB less memory on the 1,000-chapter book); and quiet about
     * an archive that does not fit (the JVM then runs without it). C1 compiles a method after a quarter of the calls and
     * loops it waits for by default (measured on the 1,000-chapter book, alternating runs: 3.3–3.5 s against 3.6 s; a
     * half, an eighth or a twentieth of them gave no more; the flagship and the 100-chapter book the same or a little
     * faster): a short build spends less of itself in the interpreter.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:Tier3InvocationThreshold=50",
            "-XX:Tier3MinInvocationThreshold=25", "-XX:Tier3CompileThreshold=500", "-XX:Tier3BackEdgeThreshold=15000",
            "-XX:+UseParallelGC", "-Xmn96m", "-XX:GCTimeRatio=4",
            "-XX:MaxTenuringThreshold=0", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    /**
     * The commands worth a second JVM start (about 0.1 s); the others run at once. {@code watch} runs for long, but
     * as a series of short builds on the same cores: measured on the flagship, C1 alone halves its first build
     * (5.3 s against 11 s) and makes its rebuilds faster too (0.32 s against 0.53 s, median of 10).
     */
    private static final Set<String> LONG_COMMANDS = Set.of("build", "check", "import", "watch");
    /** {@code -Dbookbinder.cds.train=FILE}: run once to write the class-data archive FILE (used by {@code mvn package}). */
    static final String TRAIN_PROPERTY = "bookbinder.cds.train";
    /** By name, so that starting the child loads nothing of the command line's. */
    private static final String MAIN = "org.bookbinder.cli.Main";

    private Launcher() {
    }

    public static void main(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        String train = System.getProperty(TRAIN_PROPERTY);
        Optional<List<String>> command;
        try {
            command = childCommand(args, train);
        } catch (RuntimeException e) {
            command = Optional.empty();
            note(debug, "cannot work out the JVM to start (" + e + ")");
        }
        if (command.isEmpty()) {
            if (debug) {
                note(true, "running in this JVM");
            }
            Main.main(args);
            return;
        }
        if (debug) {
            note(true, "starting " + String.join(" ", command.get()));
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException e) {
            note(debug, "cannot start " + command.get().get(0) + " (" + e.getMessage() + "); running in this JVM");
            Main.main(args);
            return;
        }
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        int status;
        try {
            status = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = ExitCode.INTERNAL;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // this process was told to stop: the hook has ended the child, and the JVM is on its way out
        }
        if (train != null) {
            status = keepArchive(Path.of(train), status, debug);
        }
        System.exit(status);
    }

    /** The command that runs {@code args} in a tuned JVM, or empty when it should run in this one. */
    static Optional<List<String>> childCommand(String[] args, String train) {
        if ("off".equals(System.getenv("BOOKBINDER_LAUNCHER")) || (train == null && !longCommand(args))) {
            return Optional.empty();
        }
        Optional<Path> jar = ownJar();
        Optional<String> java = ProcessHandle.current().info().command().filter(c -> Files.isExecutable(Path.of(c)));
        Optional<String[]> arguments = ProcessHandle.current().info().arguments();
        if (jar.isEmpty() || java.isEmpty() || arguments.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(JVM_OPTIONS);
        Path archive = archiveFor(jar.get());
        if (train != null) {
            command.add("-XX:ArchiveClassesAtExit=" + temporary(Path.of(train)));
        } else if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        Optional<List<String>> own = ownJvmOptions(arguments.get(), args.length);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        command.addAll(own.get());
        command.add("-cp");
        command.add(jar.get().toString());
        command.add(MAIN);
        command.addAll(Arrays.asList(args));
        return Optional.of(command);
    }

    /** {@code bookbinder.jsa} beside {@code bookbinder.jar}. */
    static Path archiveFor(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
    }

    private static boolean longCommand(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return LONG_COMMANDS.contains(a);
            }
        }
        return false;
    }

    /**
     * The options this JVM was started with, from its command line {@code java OPTIONS -jar JAR ARGS} (or
     * {@code java OPTIONS -cp CP MAIN ARGS}); empty when the line does not have that shape.
     */
    static Optional<List<String>> ownJvmOptions(String[] commandLine, int argCount) {
        int end = commandLine.length - argCount;
        if (end < 2) {
            return Optional.empty();
        }
        List<String> before = Arrays.asList(commandLine).subList(0, end);
        int cut;
        if (before.get(end - 2).equals("-jar")) {
            cut = end - 2;
        } else if (end >= 3 && Set.of("-cp", "-classpath", "--class-path").contains(before.get(end - 3))) {
            cut = end - 3;
        } else {
            return Optional.empty();
        }
        List<String> options = new ArrayList<>();
        for (String o : before.subList(0, cut)) {
            if (o.startsWith("-D" + TRAIN_PROPERTY + "=")) {
                continue;
            }
            if (!o.startsWith("-")) {
                return Optional.empty();                // an option's separate value: not a line we understand
            }
            options.add(o);
        }
        return Optional.of(options);
    }

    private static Optional<Path> ownJar() {
        try {
            var source = Launcher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Path temporary(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".tmp");
    }

    /**
     * The training run's archive is written under a temporary name and given its own only when the run succeeded:
     * a JVM given a truncated archive crashes, one given none runs as usual.
     */
    private static int keepArchive(Path archive, int status, boolean debug) {
        Path tmp = temporary(archive);
        try {
            if (status == 0 && Files.isRegularFile(tmp)) {
                Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                note(debug, "wrote the class-data archive " + archive);
            } else {
                Files.deleteIfExists(tmp);
            }
            return status;
        } catch (IOException e) {
            System.err.println("bookbinder: cannot write the class-data archive " + archive + ": " + e.getMessage());
            return ExitCode.INTERNAL;
        }
    }

    private static void note(boolean debug, String message) {
        if (debug) {
            System.err.println("bookbinder: launcher: " + message);
        }
    }
}
