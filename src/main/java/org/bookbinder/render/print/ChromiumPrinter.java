package org.bookbinder.render.print;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints an HTML file to PDF with a locally installed Chromium, headless, as "Save as PDF" in Chrome would:
 * {@code --print-to-pdf --no-pdf-header-footer}, a fresh profile each time, no network side-traffic.
 * The browser is {@code $BOOKBINDER_CHROMIUM} (or the system property {@code bookbinder.chromium}) if set, else
 * the first of {@code chromium}, {@code chromium-browser}, {@code google-chrome} on the {@code PATH}.
 */
public final class ChromiumPrinter {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final long TIMEOUT_SECONDS = 180;

    private final Path executable;

    private ChromiumPrinter(Path executable) {
        this.executable = executable;
    }

    /** The Chromium on this machine, if there is one. */
    public static Optional<ChromiumPrinter> find() {
        String override = System.getProperty("bookbinder.chromium", System.getenv("BOOKBINDER_CHROMIUM"));
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? Optional.of(new ChromiumPrinter(p)) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    return Optional.of(new ChromiumPrinter(p));
                }
            }
        }
        return Optional.empty();
    }

    /** What to tell someone who has no Chromium. */
    public static String missingMessage() {
        return "no Chromium found to print with (looked for $BOOKBINDER_CHROMIUM, then "
                + String.join(", ", NAMES) + " on the PATH); install one, e.g. 'apt-get install chromium'";
    }

    public Path executable() {
        return executable;
    }

    /**
     * Prints {@code html} to {@code pdf}.
     *
     * @throws IOException when Chromium fails, times out or writes no PDF; the message says which
     */
    public void print(Path html, Path pdf) throws IOException {
        Path profile = Files.createTempDirectory("bookbinder-chromium-");
        try {
            Files.deleteIfExists(pdf);
            List<String> command = new ArrayList<>(List.of(executable.toString(),
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf.toAbsolutePath(), html.toAbsolutePath().toUri().toString()));
            Path log = profile.resolve("chromium.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished;
            try {
                finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while Chromium was printing", e);
            }
            if (!finished) {
                process.destroyForcibly();
                throw new IOException("Chromium did not finish printing within " + TIMEOUT_SECONDS + " s");
            }
            if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                String tail = Files.exists(log) ? lastLines(Files.readAllLines(log), 3) : "";
                throw new IOException("Chromium wrote no PDF (exit " + process.exitValue() + ")" + (tail.isEmpty() ? "" : ": " + tail));
            }
        } finally {
            deleteTree(profile);
        }
    }

    private static String lastLines(List<String> lines, int n) {
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size())).strip();
    }

    /** Deletes a temporary folder and what is in it; what cannot be deleted is left (it is harmless). */
    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left behind
        }
    }
}
