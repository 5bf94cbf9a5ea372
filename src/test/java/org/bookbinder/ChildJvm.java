package org.bookbinder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line in a JVM of its own, started from this one's class path: for what only a fresh process shows. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code org.bookbinder.cli.Main} with {@code args}, the JVM given {@code jvmOptions}; its output goes to {@code log}. */
    static Process start(List<String> jvmOptions, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.bookbinder.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("SOURCE_DATE_EPOCH");
        return pb.start();
    }

    /** Runs it to the end (at most two minutes) and returns its exit status. */
    static int run(List<String> jvmOptions, Path log, String... args) throws IOException, InterruptedException {
        Process p = start(jvmOptions, log, args);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the build did not end within two minutes: " + log);
        }
        return p.exitValue();
    }
}
