package org.bookbinder.cli;

import org.bookbinder.Progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress line of a long build on a terminal: {@code bookbinder: render 412/1,000 chapters, 3.1 s}, rewritten
 * in place five times a second from the build's second second on, and wiped when the build ends, before anything
 * else is printed. Only on a terminal ({@link System#console()}) and not with {@code --quiet}: piped or redirected
 * output never sees it.
 */
final class TerminalProgress implements Progress, AutoCloseable {
    private static final long FIRST_MS = 1000;
    private static final long EVERY_MS = 200;

    private final PrintWriter terminal;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final Thread ticker;
    private volatile String stage = "";
    private volatile int chapters;
    private int shown;

    private TerminalProgress(PrintWriter terminal) {
        this.terminal = terminal;
        this.ticker = new Thread(this::tick, "bookbinder-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** A progress line on the terminal, or {@link Progress#NONE} when there is none or {@code quiet}. */
    static Progress open(boolean quiet) {
        java.io.Console console = System.console();
        return quiet || console == null ? Progress.NONE : new TerminalProgress(console.writer());
    }

    /** Wipes the line of {@code progress}, if it is one of these. */
    static void close(Progress progress) {
        if (progress instanceof TerminalProgress p) {
            p.close();
        }
    }

    @Override
    public void stage(String name, int chapterCount) {
        chapters = chapterCount;
        done.set(0);
        stage = name;
    }

    @Override
    public void chapterDone() {
        done.incrementAndGet();
    }

    @Override
    public void close() {
        ticker.interrupt();
        try {
            ticker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (shown > 0) {
                terminal.print("\r" + " ".repeat(shown) + "\r");
                terminal.flush();
                shown = 0;
            }
        }
    }

    private void tick() {
        try {
            Thread.sleep(FIRST_MS);
            while (!Thread.currentThread().isInterrupted()) {
                show();
                Thread.sleep(EVERY_MS);
            }
        } catch (InterruptedException e) {
            // the build is over
        }
    }

    private synchronized void show() {
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = chapters;
        int d = Math.min(done.get(), n);
        String count = n == 0 ? "" : d > 0 ? String.format(Locale.ROOT, " %,d/%,d chapters", d, n) : String.format(Locale.ROOT, " %,d chapters", n);
        String line = String.format(Locale.ROOT, "bookbinder: %s%s, %.1f s", stage, count, seconds);
        terminal.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        terminal.flush();
        shown = line.length();
    }
}
