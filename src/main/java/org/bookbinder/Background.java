package org.bookbinder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work a build starts on a thread of its own, to overlap with the main thread's, and takes later: what it threw is
 * thrown again where it is taken, as it was thrown (not wrapped), so errors are handled as if the work ran there.
 */
public final class Background {
    private Background() {
    }

    /** Starts {@code work} on a daemon thread called {@code name}. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** What {@code future} gives, waiting for it if need be; or what it threw, thrown as it was. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
