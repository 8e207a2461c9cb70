package dev.portolan.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Reads FX state from a test thread: runs on the FX thread and waits (bounded) for the answer. */
public final class FxThread {

    private FxThread() {}

    public static <T> T get(Supplier<T> read) {
        if (Platform.isFxApplicationThread()) return read.get();
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(read.get());
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        try {
            return answer.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            // the read itself failed: say that, not that the FX thread was slow
            if (failed.getCause() instanceof Error e) throw e;
            if (failed.getCause() instanceof RuntimeException e) throw e;
            throw new AssertionError(failed.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw new AssertionError("the FX thread did not answer within 5 s", e);
        }
    }

    public static void run(Runnable action) {
        get(() -> {
            action.run();
            return null;
        });
    }

    /** Starts the FX toolkit once for tests that need the FX thread without a window. */
    public static void startToolkit() {
        try {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(10, TimeUnit.SECONDS);
        } catch (IllegalStateException alreadyRunning) {
            // started by an earlier test in this JVM
        } catch (Exception e) {
            throw new AssertionError("JavaFX did not start", e);
        }
        Platform.setImplicitExit(false);
    }
}
