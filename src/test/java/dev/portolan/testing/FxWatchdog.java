package dev.portolan.testing;

import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread goes without running a task: a probe is posted every
 * 5 ms from another thread, and the longest wait between posting and running is kept.
 */
public final class FxWatchdog implements AutoCloseable {

    private final AtomicLong worstNanos = new AtomicLong();
    private final Thread prober;
    private volatile boolean running = true;

    public FxWatchdog() {
        prober = Thread.ofPlatform().daemon().name("fx-watchdog").start(() -> {
            while (running) {
                long posted = System.nanoTime();
                var done = new java.util.concurrent.CountDownLatch(1);
                Platform.runLater(() -> {
                    worstNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    done.countDown();
                });
                try {
                    done.await();
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** The longest the FX thread kept a probe waiting, in milliseconds. */
    public double worstMillis() {
        return worstNanos.get() / 1e6;
    }

    @Override
    public void close() {
        running = false;
        prober.interrupt();
    }
}
