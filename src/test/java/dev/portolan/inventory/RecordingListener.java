package dev.portolan.inventory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a watcher said, for tests to look at from their own thread. */
final class RecordingListener implements HostListener {

    volatile HostInventory latest;
    volatile HostStatus status;
    final List<HostStatus> statuses = new CopyOnWriteArrayList<>();
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void statusChanged(HostStatus next) {
        status = next;
        statuses.add(next);
    }

    @Override
    public void eventSeen(EngineEvent event) {
        events.add(event);
    }

    @Override
    public void inventoryChanged(HostInventory inventory, List<Delta> changes) {
        latest = inventory;
    }

    Optional<ContainerInfo> container(String id) {
        HostInventory inventory = latest;
        return inventory == null ? Optional.empty() : Optional.ofNullable(inventory.containers().get(id));
    }

    boolean live() {
        return status instanceof HostStatus.Live;
    }
}
