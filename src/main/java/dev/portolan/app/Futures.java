package dev.portolan.app;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Waits for work done side by side, and lets its failure through as it was thrown. */
public final class Futures {

    private Futures() {}

    /**
     * {@code work} applied to each item at once, a virtual thread each (calls that wait on
     * an engine or a socket); the results in the items' order, the first failure rethrown
     * as {@link #join} does.
     */
    public static <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        try (var parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<R>> asked = items.stream().map(item -> parallel.submit(() -> work.apply(item))).toList();
            return asked.stream().map(Futures::join).toList();
        }
    }

    /** Waits {@code millis} between two looks at something; an interrupt becomes a cancel, as in {@link #join}. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /**
     * The result of {@code future}; a RuntimeException thrown by the work is rethrown as is
     * (so its message reaches the user unchanged), and an interrupt becomes a cancel.
     */
    public static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }
}
