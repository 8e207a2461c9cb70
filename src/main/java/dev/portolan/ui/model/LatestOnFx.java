package dev.portolan.ui.model;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands values from any thread to the FX thread, keeping only the newest: however many
 * arrive between two pulses, the FX thread applies one, once.
 */
public final class LatestOnFx<T> {

    private final AtomicReference<T> pending = new AtomicReference<>();
    private final Consumer<T> apply;

    public LatestOnFx(Consumer<T> apply) {
        this.apply = apply;
    }

    public void offer(T value) {
        if (pending.getAndSet(value) == null) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        T value = pending.getAndSet(null);
        if (value != null) apply.accept(value);
    }
}
