package dev.portolan.ui.model;

import dev.portolan.engine.EngineEndpoint;
import dev.portolan.inventory.Delta;
import dev.portolan.inventory.EngineEvent;
import dev.portolan.inventory.EventLog;
import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.HostListener;
import dev.portolan.inventory.HostStatus;
import dev.portolan.inventory.HostWatcher;
import dev.portolan.inventory.StatsWatcher;
import dev.portolan.operations.HostOperations;
import dev.portolan.operations.LocalEngine;
import java.util.List;

/**
 * A watched host: its watcher (off the FX thread) feeding its model (on it), newest
 * news only, at most once per pulse.
 */
public final class HostSession implements AutoCloseable {

    private final HostModel model;
    private final HostWatcher watcher;
    private final StatsWatcher stats;
    private volatile boolean closed;

    private HostSession(HostModel model, EngineEndpoint endpoint, EventLog events) {
        this.model = model;
        model.setEndpoint(endpoint);
        LatestOnFx<HostStatus> status = new LatestOnFx<>(model::setStatus);
        ChangesOnFx inventory = model.changesFeed();
        this.watcher = HostWatcher.start(endpoint, new HostListener() {
            @Override
            public void statusChanged(HostStatus next) {
                // once closed, the owner says what the host is (stopped, removed), not the watcher
                if (!closed) status.offer(next);
            }

            @Override
            public void inventoryChanged(HostInventory next, List<Delta> changes) {
                inventory.offer(next, changes);
            }

            @Override
            public void eventSeen(EngineEvent seen) {
                // before the re-read it causes: the snapshot that follows a death already counts it
                EngineEvent event = seen.withHost(model.name());
                model.troubleTracker().record(event);
                model.lastWords().record(event, watcher == null ? null : watcher.clients());
                events.add(event);
            }
        });
        this.stats = new StatsWatcher(watcher::clients);
    }

    /** Watches an engine into a new model named after the endpoint; its events go to a log of its own. */
    public static HostSession watch(EngineEndpoint endpoint) {
        return new HostSession(new HostModel(dev.portolan.host.HostKey.endpoint(endpoint.name()), endpoint.source(), endpoint),
                endpoint, new EventLog());
    }

    /** Watches {@code endpoint} into an existing model (a host that was stopped and started again), its events into {@code events}. */
    public static HostSession watch(HostModel model, EngineEndpoint endpoint, EventLog events) {
        return new HostSession(model, endpoint, events);
    }

    public HostModel model() {
        return model;
    }

    /** Live stats of the containers someone looks at, over the connection of the moment. */
    public StatsWatcher stats() {
        return stats;
    }

    /** What can be done to the host; each call uses the connection of that moment, or says it has none. */
    public HostOperations operations() {
        return new HostOperations(model.name(), watcher::clients);
    }

    /** This host as the local engine: its simulated hosts and the labs on them. */
    public LocalEngine asLocalEngine(java.nio.file.Path configDir, dev.portolan.engine.DockerContexts contexts) {
        return new LocalEngine(model.name(), model.endpoint(), watcher::clients, configDir, contexts);
    }

    /** Whether the host's engine is connected now (it may be lost a moment later: operations say so then). */
    public boolean isConnected() {
        return watcher.clients() != null;
    }

    public void retryNow() {
        watcher.retryNow();
    }

    @Override
    public void close() {
        closed = true;
        stats.close();
        watcher.close();
    }
}
