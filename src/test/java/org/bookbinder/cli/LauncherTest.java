package org.bookbinder.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the jar's launcher passes on to the JVM it starts, and when it runs the command in its own JVM instead. */
class LauncherTest {
    @Test
    void theUsersJvmOptionsArePassedOnFromAJarCommandLine() {
        String[] line = {"-Xmx2g", "-Dfoo=bar", "-jar", "target/bookbinder.jar", "build", "book", "--quiet"};
        assertThat(Launcher.ownJvmOptions(line, 3)).contains(List.of("-Xmx2g", "-Dfoo=bar"));
        assertThat(Launcher.ownJvmOptions(new String[] {"-jar", "bookbinder.jar", "check", "x.epub"}, 2)).contains(List.of());
    }

    @Test
    void andFromAClassPathCommandLine() {
        String[] line = {"-XX:+UseSerialGC", "-cp", "bookbinder.jar", "org.bookbinder.cli.Launcher", "build"};
        assertThat(Launcher.ownJvmOptions(line, 1)).contains(List.of("-XX:+UseSerialGC"));
    }

    @Test
    void aCommandLineOfAnotherShapeMeansRunningInThisJvm() {
        assertThat(Launcher.ownJvmOptions(new String[] {"build"}, 1)).isEmpty();
        assertThat(Launcher.ownJvmOptions(new String[] {"-Xmx1g", "Main", "build"}, 1)).isEmpty();
        assertThat(Launcher.ownJvmOptions(new String[] {"--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", "b.jar", "build"}, 1))
                .as("an option with a separate value").isEmpty();
    }

    @Test
    void theTrainingPropertyIsNotPassedOn() {
        String[] line = {"-D" + Launcher.TRAIN_PROPERTY + "=target/bookbinder.jsa", "-jar", "target/bookbinder.jar", "build"};
        assertThat(Launcher.ownJvmOptions(line, 1)).contains(List.of());
    }

    @Test
    void theArchiveLivesBesideTheJar() {
        assertThat(Launcher.archiveFor(Path.of("/opt/bb/target/bookbinder.jar"))).isEqualTo(Path.of("/opt/bb/target/bookbinder.jsa"));
    }

    @Test
    void shortCommandsAndTestRunsStayInThisJvm() {
        assertThat(Launcher.childCommand(new String[] {"--version"}, null)).isEmpty();
        assertThat(Launcher.childCommand(new String[] {"init", "x"}, null)).isEmpty();
        assertThat(Launcher.childCommand(new String[] {"build"}, null))
                .as("the tests run from classes, not from a jar").isEqualTo(Optional.empty());
    }

    @Test
    void theJvmIsTunedForAShortRun() {
        assertThat(Launcher.JVM_OPTIONS).contains("-XX:TieredStopAtLevel=1", "-Xshare:auto");
    }
}
