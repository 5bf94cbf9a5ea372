package org.bookbinder.preview;

import org.bookbinder.Bookbinder;
import org.bookbinder.BuildOptions;
import org.bookbinder.BuildResult;
import org.bookbinder.diagnostics.Code;
import org.bookbinder.diagnostics.Diagnostic;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running preview: builds the book with {@link Bookbinder#build} in this JVM (so EPUBCheck and the JIT stay warm
 * from one build to the next), rebuilds it when {@link BookWatcher} sees a save, and serves it with
 * {@link PreviewServer}. Builds run one at a time on one thread; saves made during a build cause one more build
 * after it. The output goes where {@code bookbinder build} writes it, through the same all-or-nothing commit, so a
 * failed build leaves the last good book in place, and the preview goes on showing it beside the errors.
 */
public final class Preview implements AutoCloseable {
    /** How long the files must be quiet after a save before the rebuild starts. */
    public static final Duration QUIET = Duration.ofMillis(200);

    /** What the command line hears of the preview: its address once, then each build (on the build thread). */
    public interface Listener {
        void serving(URI address);

        void building(int build);

        void built(BuildResult result, PreviewState state);
    }

    private final Path bookDir;
    private final BuildOptions options;
    private final Listener listener;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bookbinder-preview-build");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Object lock = new Object();
    private PreviewState state;
    private volatile boolean closed;
    private final BookWatcher watcher;
    private final PreviewServer server;

    private Preview(Path bookDir, BuildOptions options, InetSocketAddress address, Listener listener) throws IOException {
        this.bookDir = bookDir;
        this.listener = listener;
        Path outDir = options.outDir().orElse(bookDir.resolve("build")).toAbsolutePath().normalize();
        this.options = options.withOutDir(outDir);
        this.watcher = new BookWatcher(bookDir, outDir, QUIET, this::requestBuild);
        this.state = PreviewState.starting(earlierOutput(outDir, watcher.watched()));
        try {
            this.server = new PreviewServer(this, bookDir.toAbsolutePath().normalize(), outDir, address);
        } catch (IOException e) {
            watcher.close();
            throw e;
        }
    }

    /**
     * Starts serving on {@code address} (port 0: any free port), builds the book and watches it.
     *
     * @throws IOException when the address cannot be listened on (in use, not this machine's)
     */
    public static Preview start(Path bookDir, BuildOptions options, InetSocketAddress address, Listener listener) throws IOException {
        Objects.requireNonNull(bookDir, "bookDir must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Objects.requireNonNull(address, "address must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        Preview preview = new Preview(bookDir, options, address, listener);
        preview.server.start();
        preview.watcher.start();
        listener.serving(preview.uri());
        preview.requestBuild();
        return preview;
    }

    /** The preview page's address, e.g. {@code http://127.0.0.1:8000/}. */
    public URI uri() {
        return server.uri();
    }

    /** What the preview shows now. */
    public PreviewState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Waits until the state is another than {@code seen}, the preview closes, or the time is up; returns the state. */
    PreviewState awaitChange(PreviewState seen, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            while (state == seen && !closed) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                lock.wait(left);
            }
            return state;
        }
    }

    /** Waits until build number {@code build} has finished (or the time is up, or the preview closes). */
    public PreviewState awaitBuild(int build, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        PreviewState now = state();
        while (now.build() < build && !closed && System.nanoTime() < end) {
            now = awaitChange(now, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        }
        return now;
    }

    boolean closed() {
        return closed;
    }

    private void requestBuild() {
        if (closed || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            builder.execute(this::build);
        } catch (RejectedExecutionException stopping) {
            queued.set(false);
        }
    }

    private void build() {
        queued.set(false);
        if (closed) {
            return;
        }
        int number;
        synchronized (lock) {
            number = state.build() + 1;
            publish(state.startBuilding());
        }
        listener.building(number);
        long start = System.nanoTime();
        BuildResult result;
        try {
            result = Bookbinder.build(bookDir, options);
        } catch (RuntimeException | LinkageError e) {
            result = new BuildResult(List.of(), List.of(new Diagnostic(Code.INTERNAL.severity(), Code.INTERNAL.id(),
                    bookDir.toString(), 0, 0, "internal error: " + e)), Map.of());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        PreviewState next;
        synchronized (lock) {
            Optional<PreviewState.Book> book = result.succeeded() ? shown(result.outputs(), number) : state.book();
            next = new PreviewState(number, queued.get(), result.succeeded(), millis, book, result.diagnostics(), result.timings());
            publish(next);
        }
        listener.built(result, next);
    }

    private void publish(PreviewState next) {
        synchronized (lock) {
            state = next;
            lock.notifyAll();
        }
    }

    private static Optional<PreviewState.Book> shown(List<Path> outputs, int build) {
        Optional<String> epub = outputs.stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".epub")).findFirst();
        Optional<String> html = outputs.stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).findFirst();
        return epub.isPresent() && html.isPresent() ? Optional.of(new PreviewState.Book(build, epub.get(), html.get())) : Optional.empty();
    }

    /** The files an earlier build left in the output directory, shown until the first build succeeds. */
    private static Optional<PreviewState.Book> earlierOutput(Path outDir, WatchedFiles watched) {
        return watched.id().filter(id -> Files.isRegularFile(outDir.resolve(id + ".epub")) && Files.isRegularFile(outDir.resolve(id + ".html")))
                .map(id -> new PreviewState.Book(0, id + ".epub", id + ".html"));
    }

    /**
     * Stops watching and serving, and waits for a build that is running to finish, so that it does not leave its
     * staging folder behind.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        watcher.close();
        server.stop();
        builder.shutdown();
        try {
            builder.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
