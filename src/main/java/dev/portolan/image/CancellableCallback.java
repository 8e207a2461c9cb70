package dev.portolan.image;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A streamed engine call (build, pull) that the user can cancel. docker-java's own timed
 * wait closes the stream when it returns, so this one keeps a latch of its own.
 */
abstract class CancellableCallback<T> extends ResultCallback.Adapter<T> {

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
        done.countDown();
        super.onError(throwable);
    }

    @Override
    public void onComplete() {
        done.countDown();
        super.onComplete();
    }

    /** Waits for the end of the stream; closes it (which stops the engine's work) when cancelled. */
    void awaitOrCancel(BooleanSupplier cancelled, String what) {
        try {
            while (!done.await(100, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    close();
                    throw new CancellationException(what + " cancelled");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(what + " interrupted");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new IllegalStateException(what + " failed", failure);
    }
}
