package org.bookbinder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real build in a process of its own, killed (SIGKILL) at several moments: after fixed delays, and as soon as its
 * staging folder appears in the output directory. Each time the previous good output is there byte for byte (unless
 * the kill fell inside the commit's renames, which the next build finishes: then it is the new build's whole output),
 * and the next build leaves nothing but its outputs behind: no staging folder, no lock.
 */
class KillTest {
    private static final List<Long> DELAYS_MS = List.of(400L, 900L, 1400L, 2000L, 2800L);

    @TempDir
    Path temp;

    @Test
    void aBuildKilledAtAnyMomentLeavesTheGoodOutputAndTheNextLeavesNoTemporaryFiles() throws Exception {
        Path book = temp.resolve("book");
        BookTemplate.write(book);
        for (int i = 2; i <= 120; i++) {
            Files.writeString(book.resolve(String.format(java.util.Locale.ROOT, "chapters/%03d-more.md", i)), "# Chapter " + i + "\n\n"
                    + ("Some text of the chapter, with a note.[^n] And more text after it. ".repeat(5) + "\n\n").repeat(40)
                    + "[^n]: The note.\n", StandardCharsets.UTF_8);
        }
        Path out = temp.resolve("out");
        BuildResult good = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false));
        assertThat(good.succeeded()).as("%s", good.diagnostics()).isTrue();
        Map<String, String> goodOutput = BadInputTest.snapshot(out);
        assertThat(goodOutput).containsOnlyKeys("book.epub", "book.html", "book.marc.xml", "book.opds.xml");
        // what the killed builds would write differs from the good output
        Files.writeString(book.resolve("chapters/999-last.md"), "# Last\n\nA new last chapter.\n");

        int committing = 0;
        List<String> kills = new ArrayList<>();
        for (int i = 0; i <= DELAYS_MS.size(); i++) {
            Path log = temp.resolve("kill-" + i + ".log");
            Process build = ChildJvm.start(List.of(), log, "build", book.toString(), "-o", out.toString(), "--quiet");
            long started = System.nanoTime();
            if (i < DELAYS_MS.size()) {
                build.waitFor(DELAYS_MS.get(i), TimeUnit.MILLISECONDS);
            } else {
                while (build.isAlive() && staging(out).isEmpty() && System.nanoTime() - started < 60_000_000_000L) {
                    Thread.sleep(2);
                }
            }
            boolean killed = build.isAlive();
            build.destroyForcibly();
            assertThat(build.waitFor(30, TimeUnit.SECONDS)).isTrue();
            kills.add((killed ? "killed" : "ended") + " after " + (System.nanoTime() - started) / 1_000_000 + " ms");
            if (staging(out).stream().anyMatch(s -> Files.exists(s.resolve(".committing")))) {
                committing++;               // killed between the renames: the next build finishes the commit
                continue;
            }
            if (killed) {
                Map<String, String> now = BadInputTest.snapshot(out);
                now.keySet().removeIf(name -> name.startsWith(".bookbinder"));
                assertThat(now).as("after the kill %d (%s), the good output as it was", i, kills.get(i)).isEqualTo(goodOutput);
            } else {
                // it ended before the kill: a whole new output, which is the good one from now on
                goodOutput = BadInputTest.snapshot(out);
            }
        }
        assertThat(kills).as("at least three builds were killed mid-way: %s", kills).filteredOn(k -> k.startsWith("killed")).hasSizeGreaterThanOrEqualTo(3);

        BuildResult next = Bookbinder.build(book, BuildOptions.defaults().withOutDir(out).withCheck(false));
        assertThat(next.succeeded()).as("%s", next.diagnostics()).isTrue();
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList()).as("after %s (%d in the commit)", kills, committing)
                    .containsExactly("book.epub", "book.html", "book.marc.xml", "book.opds.xml");
        }
    }

    private static List<Path> staging(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(out)) {
            return list.filter(p -> p.getFileName().toString().startsWith(".bookbinder-")).toList();
        }
    }
}
