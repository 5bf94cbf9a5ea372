package org.bookbinder.preview;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches a book's files ({@link WatchedFiles}) with the JDK's {@link WatchService} and calls {@code onChange}
 * once a burst of saves has been quiet for the debounce time (an editor's save is often several events: a
 * truncate, writes, a rename). The folders are registered again after each burst, so a new folder under
 * {@code chapters/} or a glossary named anew in book.yaml is watched from then on.
 */
final class BookWatcher implements AutoCloseable {
    private final Path bookDir;
    private final Path outDir;
    private final long quietMillis;
    private final Runnable onChange;
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Thread thread;
    private volatile WatchedFiles watched;

    BookWatcher(Path bookDir, Path outDir, Duration quiet, Runnable onChange) throws IOException {
        this.bookDir = bookDir;
        this.outDir = outDir;
        this.quietMillis = quiet.toMillis();
        this.onChange = onChange;
        this.service = FileSystems.getDefault().newWatchService();
        this.watched = WatchedFiles.of(bookDir, outDir);
        register();
        this.thread = new Thread(this::run, "bookbinder-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** What is watched now (for the preview: book.yaml's id). */
    WatchedFiles watched() {
        return watched;
    }

    private void run() {
        try {
            while (true) {
                if (!handle(service.take())) {
                    continue;
                }
                for (WatchKey more; (more = service.poll(quietMillis, TimeUnit.MILLISECONDS)) != null; ) {
                    handle(more);
                }
                watched = WatchedFiles.of(bookDir, outDir);
                register();
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the preview is stopping
        }
    }

    /** Takes a key's events; whether any of them calls for a rebuild. */
    private boolean handle(WatchKey key) {
        Path dir = keys.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
            } else if (dir != null && event.context() instanceof Path name) {
                Path changed = dir.resolve(name);
                relevant |= watched.concerns(changed) || watched.trees().contains(changed);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
        return relevant;
    }

    private void register() {
        Set<Path> wanted = watched.directories();
        keys.entrySet().removeIf(e -> {
            if (!wanted.contains(e.getValue())) {
                e.getKey().cancel();
                return true;
            }
            return false;
        });
        for (Path dir : wanted) {
            if (keys.containsValue(dir)) {
                continue;
            }
            try {
                keys.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY), dir);
            } catch (IOException | RuntimeException e) {
                // gone again, or unreadable: the next burst tries again
            }
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // nothing more to watch either way
        }
        thread.interrupt();
    }
}
