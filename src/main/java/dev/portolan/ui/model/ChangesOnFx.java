package dev.portolan.ui.model;

import dev.portolan.inventory.Delta;
import dev.portolan.inventory.HostInventory;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.application.Platform;

/**
 * Hands a host's snapshots and the watcher's deltas to the FX thread: however many arrive
 * between two pulses, the FX thread gets the newest snapshot once, with the keys that
 * changed since the last one it got, so the model changes only those rows.
 */
public final class ChangesOnFx {

    /** The keys of each kind that changed; null for a kind means "all of them" (the first snapshot). */
    record Changed(Map<Delta.Kind, Set<String>> keys) {
        Set<String> of(Delta.Kind kind) {
            return keys == null ? null : keys.getOrDefault(kind, Set.of());
        }
    }

    private final BiConsumer<HostInventory, Changed> apply;
    private HostInventory pending;
    private Map<Delta.Kind, Set<String>> keys = new EnumMap<>(Delta.Kind.class);
    private boolean everything = true;

    ChangesOnFx(BiConsumer<HostInventory, Changed> apply) {
        this.apply = apply;
    }

    /** Any thread: the newest snapshot and what changed to make it. */
    public synchronized void offer(HostInventory next, List<Delta> changes) {
        boolean scheduled = pending != null;
        pending = next;
        for (Delta delta : changes) keys.computeIfAbsent(delta.kind(), k -> new HashSet<>()).add(delta.key());
        if (!scheduled) Platform.runLater(this::drain);
    }

    private void drain() {
        HostInventory next;
        Changed changed;
        synchronized (this) {
            next = pending;
            changed = new Changed(everything ? null : keys);
            pending = null;
            keys = new EnumMap<>(Delta.Kind.class);
            everything = false;
        }
        if (next != null) apply.accept(next, changed);
    }
}
