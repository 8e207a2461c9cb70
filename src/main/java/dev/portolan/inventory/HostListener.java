package dev.portolan.inventory;

import java.util.List;

/**
 * Receives one host's news, one call at a time, from the watcher's threads: keep the work short and hand it on
 * (the FX model coalesces it per frame).
 */
public interface HostListener {

    void statusChanged(HostStatus status);

    /** A new snapshot and what changed since the previous one (everything, for the first). */
    void inventoryChanged(HostInventory inventory, List<Delta> changes);

    /**
     * Each engine event as it arrives, on the stream's thread, before the watcher acts on it: keep it
     * short. Its host is the endpoint's name.
     */
    default void eventSeen(EngineEvent event) {}
}
