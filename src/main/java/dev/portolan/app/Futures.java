package dev.portolan.app;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work done side by side, and lets its failure through as it was thrown. */
public final class Futures {

    private Futures() {}

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
