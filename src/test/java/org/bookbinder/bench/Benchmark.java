package org.bookbinder.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The speed benchmark: builds synthetic books of 10, 100 and 1,000 chapters as whole fresh processes of
 * {@code java -jar target/bookbinder.jar build … --no-check --timings}, several runs each, and prints the median
 * wall time, peak RSS (from GNU time) and the tool's own per-stage timings as a Markdown table. Then it checks the
 * largest book's EPUB once with EPUBCheck, outside the timing.
 *
 * <p>Run it with {@code bench/run.sh} (see the README). Arguments: {@code [RUNS] [SIZES…]}, default 5 runs of 10 100 1000.
 */
public final class Benchmark {
    private static final Pattern TIMINGS = Pattern.compile("(\\w+) (\\d+) ms");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10, 100, 1000);
        }
        Path jar = Path.of("target/bookbinder.jar");
        Path work = Path.of("target/bench");
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        System.out.printf(Locale.ROOT, "java %s, %d cores, %d runs each%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), runs);
        System.out.println("| chapters | words | median wall | min–max wall | median peak RSS | load | annotate | render | package |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Path largestEpub = null;
        for (int n : sizes) {
            Path book = work.resolve("book-" + n);
            if (!Files.exists(book.resolve("book.yaml"))) {
                SyntheticBook.write(book, n, 42L);
            }
            long words = countWords(book);
            List<Double> walls = new ArrayList<>();
            List<Long> rss = new ArrayList<>();
            List<Map<String, Long>> stages = new ArrayList<>();
            Path out = work.resolve("out-" + n);
            for (int r = 0; r < runs; r++) {
                List<String> command = new ArrayList<>();
                if (gnuTime) {
                    command.addAll(List.of("/usr/bin/time", "-f", "BENCH %e %M"));
                }
                command.addAll(List.of("java", "-jar", jar.toString(), "build", book.toString(), "-o", out.toString(),
                        "--no-check", "--timings", "--quiet"));
                long start = System.nanoTime();
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int status = p.waitFor();
                double wall = (System.nanoTime() - start) / 1e9;
                if (status != 0) {
                    throw new IllegalStateException("build failed:\n" + output);
                }
                Map<String, Long> stage = new LinkedHashMap<>();
                for (String line : output.split("\n")) {
                    if (line.startsWith("BENCH ")) {
                        String[] f = line.split(" ");
                        wall = Double.parseDouble(f[1]);
                        rss.add(Long.parseLong(f[2]));
                    } else if (line.startsWith("timings:")) {
                        Matcher m = TIMINGS.matcher(line);
                        while (m.find()) {
                            stage.put(m.group(1), Long.parseLong(m.group(2)));
                        }
                    }
                }
                walls.add(wall);
                stages.add(stage);
            }
            largestEpub = out.resolve("synthetic-" + n + ".epub");
            List<Double> sorted = walls.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "| %,d | %,d | %.2f s | %.2f–%.2f s | %s | %s | %s | %s | %s |%n", n, words,
                    median(walls), sorted.get(0), sorted.get(sorted.size() - 1),
                    rss.isEmpty() ? "n/a" : (median(rss.stream().map(Long::doubleValue).toList()) / 1024 > 0
                            ? String.format(Locale.ROOT, "%.0f MB", median(rss.stream().map(Long::doubleValue).toList()) / 1024) : "n/a"),
                    stage(stages, "load"), stage(stages, "annotate"), stage(stages, "render"), stage(stages, "package"));
        }
        if (largestEpub != null) {
            Process p = new ProcessBuilder("java", "-jar", jar.toString(), "check", largestEpub.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            System.out.println();
            System.out.println("EPUBCheck on the largest book (outside the timing): " + output.strip().lines().reduce((a, b) -> b).orElse(""));
        }
    }

    private static String stage(List<Map<String, Long>> runs, String name) {
        List<Double> values = runs.stream().filter(m -> m.containsKey(name)).map(m -> (double) m.get(name)).toList();
        return values.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f ms", median(values));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long countWords(Path book) throws IOException {
        long words = 0;
        try (var files = Files.list(book.resolve("chapters"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                words += text.split("\\s+").length;
            }
        }
        return words;
    }
}
