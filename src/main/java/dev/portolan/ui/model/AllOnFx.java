package dev.portolan.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands values from any thread to the FX thread, all of them, in order, in batches: a
 * chatty build or pull costs one FX task per batch, not one per line.
 */
public final class AllOnFx<T> {

    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<T>> apply;

    public AllOnFx(Consumer<List<T>> apply) {
        this.apply = apply;
    }

    public void offer(T value) {
        pending.add(value);
        if (scheduled.compareAndSet(false, true)) Platform.runLater(this::drain);
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T value; (value = pending.poll()) != null; ) batch.add(value);
        if (!batch.isEmpty()) apply.accept(batch);
    }
}
