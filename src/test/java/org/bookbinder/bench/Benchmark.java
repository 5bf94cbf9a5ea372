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
 * wall time, the range, peak RSS (from GNU time) and the tool's own per-stage timings as a Markdown table; checks
 * the largest book's EPUB once with EPUBCheck, outside the timing; then times the flagship book's whole build with
 * the in-process EPUBCheck side by side with EPUBCheck 5.3.0's own command line on the EPUB it built, run after run.
 *
 * <p>Run it with {@code bench/run.sh} (see the README). Arguments: {@code [RUNS] [SIZES…]}, default 5 runs of
 * 10 100 1000; {@code BENCH_FLAGSHIP=off} leaves the flagship out. EPUBCheck's command line runs from
 * {@code $CLIENTS_CACHE/epubcheck5/lib} (the client scripts' copy, default {@code /tmp/clients-cache}) if it is there,
 * else from this process's class path, which holds the same EPUBCheck.
 */
public final class Benchmark {
    private static final Pattern TIMINGS = Pattern.compile("(\\w+) (\\d+) ms");
    private static final List<String> STAGES = List.of("load", "annotate", "render", "accessibility", "package", "check");

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
        System.out.printf(Locale.ROOT, "%s; java %s (%s); %d runs each%n", machine(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runs);
        System.out.println();
        System.out.println("| chapters | words | median wall | min–max wall | median peak RSS | load | annotate | render | accessibility | package | load avg |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Path largestEpub = null;
        for (int n : sizes) {
            Path book = work.resolve("book-" + n);
            if (!Files.exists(book.resolve("book.yaml"))) {
                SyntheticBook.write(book, n, 42L);
            }
            long words = countWords(book);
            Path out = work.resolve("out-" + n);
            String load = loadAverage();
            List<Run> results = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                results.add(run(List.of("java", "-jar", jar.toString(), "build", book.toString(), "-o", out.toString(),
                        "--no-check", "--timings", "--quiet")));
            }
            largestEpub = out.resolve("synthetic-" + n + ".epub");
            List<Double> walls = results.stream().map(Run::wall).sorted().toList();
            StringBuilder row = new StringBuilder();
            row.append(String.format(Locale.ROOT, "| %,d | %,d | %.2f s | %.2f–%.2f s | %s |", n, words,
                    median(walls), walls.get(0), walls.get(walls.size() - 1), rss(results)));
            for (String s : STAGES.subList(0, 5)) {
                row.append(' ').append(stage(results, s)).append(" |");
            }
            row.append(' ').append(load).append(" |");
            System.out.println(row);
        }
        if (largestEpub != null) {
            Run check = run(List.of("java", "-jar", jar.toString(), "check", largestEpub.toString()));
            System.out.println();
            System.out.println("EPUBCheck on the largest book (outside the timing): " + check.output.strip().lines().filter(l -> !l.startsWith("BENCH ")).reduce((a, b) -> b).orElse(""));
        }
        if (!"off".equals(System.getenv("BENCH_FLAGSHIP"))) {
            flagship(jar, work, runs);
        }
    }

    /** The flagship built with EPUBCheck in-process, beside EPUBCheck's own command line on that EPUB, run after run. */
    private static void flagship(Path jar, Path work, int runs) throws Exception {
        Path out = work.resolve("flagship");
        Path epub = out.resolve("soviet-pows.epub");
        List<String> checker = new ArrayList<>(List.of("java", "-cp", epubcheckClassPath(), "com.adobe.epubcheck.tool.Checker", epub.toString()));
        String load = loadAverage();
        List<Run> builds = new ArrayList<>();
        List<Run> clis = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            builds.add(run(List.of("java", "-jar", jar.toString(), "build", ".", "-o", out.toString(), "--timings", "--quiet")));
            Run cli = run(checker);
            if (!cli.output.contains("No errors or warnings detected")) {
                throw new IllegalStateException("EPUBCheck's command line reports problems:\n" + cli.output);
            }
            clis.add(cli);
        }
        System.out.println();
        System.out.println("| flagship (" + runs + " runs each, alternating; load avg " + load + ") | median wall | min–max wall | median peak RSS | check stage |");
        System.out.println("|---|---:|---:|---:|---:|");
        System.out.println(flagshipRow("`bookbinder build` (load → check, EPUBCheck in-process)", builds, stage(builds, "check")));
        System.out.println(flagshipRow("EPUBCheck 5.3.0's command line on the same EPUB", clis, "–"));
        System.out.printf(Locale.ROOT, "%nbuild / EPUBCheck CLI: %.2f%n",
                median(builds.stream().map(Run::wall).toList()) / median(clis.stream().map(Run::wall).toList()));
    }

    private static String flagshipRow(String what, List<Run> runs, String check) {
        List<Double> walls = runs.stream().map(Run::wall).sorted().toList();
        return String.format(Locale.ROOT, "| %s | %.2f s | %.2f–%.2f s | %s | %s |", what, median(walls), walls.get(0),
                walls.get(walls.size() - 1), rss(runs), check);
    }

    private static String epubcheckClassPath() {
        String cache = System.getenv().getOrDefault("CLIENTS_CACHE", "/tmp/clients-cache");
        Path lib = Path.of(cache, "epubcheck5", "lib");
        return Files.isDirectory(lib) ? lib + "/*" : System.getProperty("java.class.path");
    }

    /** One fresh process, timed by GNU time when it is there (wall and peak RSS), else by this process. */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        if (gnuTime) {
            full.addAll(List.of("/usr/bin/time", "-f", "BENCH %e %M"));
        }
        full.addAll(command);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        long rss = -1;
        Map<String, Long> stages = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("BENCH ")) {
                String[] f = line.split(" ");
                wall = Double.parseDouble(f[1]);
                rss = Long.parseLong(f[2].strip());
            } else if (line.startsWith("timings:")) {
                Matcher m = TIMINGS.matcher(line);
                while (m.find()) {
                    stages.put(m.group(1), Long.parseLong(m.group(2)));
                }
            }
        }
        if (status != 0 && !command.contains("com.adobe.epubcheck.tool.Checker")) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return new Run(wall, rss, stages, output);
    }

    private record Run(double wall, long rssKb, Map<String, Long> stages, String output) {
    }

    private static String rss(List<Run> runs) {
        List<Double> values = runs.stream().filter(r -> r.rssKb > 0).map(r -> (double) r.rssKb).toList();
        return values.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.0f MB", median(values) / 1024);
    }

    private static String stage(List<Run> runs, String name) {
        List<Double> values = runs.stream().filter(r -> r.stages.containsKey(name)).map(r -> (double) r.stages.get(name)).toList();
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

    /** The 1-minute load average (Linux), to show how busy the machine was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GB RAM", Runtime.getRuntime().availableProcessors(), cpu, totalMemoryGb());
    }

    private static double totalMemoryGb() {
        try {
            String line = Files.readAllLines(Path.of("/proc/meminfo")).get(0);
            return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
