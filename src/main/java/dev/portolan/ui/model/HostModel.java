package dev.portolan.ui.model;

import dev.portolan.engine.EngineEndpoint;
import dev.portolan.host.HostKey;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.ContainerTroubles;
import dev.portolan.inventory.Delta;
import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.HostStatus;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.inventory.LastWords;
import dev.portolan.inventory.NetworkInfo;
import dev.portolan.inventory.Trouble;
import dev.portolan.inventory.VolumeInfo;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * One host as the views see it, on the FX thread: its status, its latest snapshot, and
 * observable lists of its resources that change in place.
 */
public final class HostModel {

    /** How long a host just started may take to answer before "lost" is the truth: its engine's start, at most. */
    static final java.time.Duration STARTING_PATIENCE = java.time.Duration.ofSeconds(60);
    static final String STARTING = "starting its engine";

    private final HostKey key;
    private final String provider;
    private volatile EngineEndpoint endpoint;
    private final ObjectProperty<HostStatus> status =
            new SimpleObjectProperty<>(new HostStatus.Connecting(Instant.now(), 1));
    private final ObjectProperty<HostInventory> inventory = new SimpleObjectProperty<>();
    private final javafx.beans.property.StringProperty providerDetail = new javafx.beans.property.SimpleStringProperty("");
    private final KeyedList<ContainerInfo> containers = new KeyedList<>(ContainerInfo::id);
    private final KeyedList<ImageInfo> images = new KeyedList<>(ImageInfo::id);
    private final KeyedList<VolumeInfo> volumes = new KeyedList<>(VolumeInfo::name);
    private final KeyedList<NetworkInfo> networks = new KeyedList<>(NetworkInfo::id);
    private final ContainerTroubles troubleTracker = new ContainerTroubles();
    private final ObjectProperty<Map<String, List<Trouble>>> troubles = new SimpleObjectProperty<>(Map.of());
    private final LastWords lastWords;
    private final javafx.beans.property.IntegerProperty lastWordsCaptured = new javafx.beans.property.SimpleIntegerProperty();
    private final LatestOnFx<LastWords.Words> wordsOnFx = new LatestOnFx<>(w -> lastWordsCaptured.set(lastWordsCaptured.get() + 1));

    /**
     * @param key      which host
     * @param provider where it comes from ("local engine", "simulated host", "docker context", ...)
     */
    public HostModel(HostKey key, String provider, EngineEndpoint endpoint) {
        this.key = key;
        this.provider = provider;
        this.endpoint = endpoint;
        this.lastWords = new LastWords(wordsOnFx::offer);
    }

    public HostKey key() {
        return key;
    }

    /** What the sidebar calls the host ("local", "demo/node1"). */
    public String name() {
        return key.displayName();
    }

    public String provider() {
        return provider;
    }

    /** What the provider adds about this host, such as how a simulated host was started. */
    public javafx.beans.property.StringProperty providerDetailProperty() {
        return providerDetail;
    }

    /** Where the host's engine answers; a simulated host gets a new port at each start. */
    public EngineEndpoint endpoint() {
        return endpoint;
    }

    void setEndpoint(EngineEndpoint next) {
        endpoint = next;
    }

    public ReadOnlyObjectProperty<HostStatus> statusProperty() {
        return status;
    }

    public HostStatus status() {
        return status.get();
    }

    public ReadOnlyObjectProperty<HostInventory> inventoryProperty() {
        return inventory;
    }

    public HostInventory inventory() {
        return inventory.get();
    }

    public boolean isLive() {
        return status.get() instanceof HostStatus.Live;
    }

    public ObservableList<ContainerInfo> containers() {
        return containers.items();
    }

    public ObservableList<ImageInfo> images() {
        return images.items();
    }

    public ObservableList<VolumeInfo> volumes() {
        return volumes.items();
    }

    public ObservableList<NetworkInfo> networks() {
        return networks.items();
    }

    /** Its containers' recent deaths and kills, as the host's event stream tells them (any thread). */
    public ContainerTroubles troubleTracker() {
        return troubleTracker;
    }

    /** What is wrong with its containers, by id, as of the latest snapshot (FX thread). */
    public ReadOnlyObjectProperty<Map<String, List<Trouble>>> troublesProperty() {
        return troubles;
    }

    public List<Trouble> troublesOf(String containerId) {
        return troubles.get().getOrDefault(containerId, List.of());
    }

    /** The last log lines of its containers, read as each died. */
    public LastWords lastWords() {
        return lastWords;
    }

    /** Counts captures of last words, so a view showing them can read them again (FX thread). */
    public javafx.beans.property.ReadOnlyIntegerProperty lastWordsCapturedProperty() {
        return lastWordsCaptured;
    }

    /** Since when this host's engine is starting (its container just started), until it first answers; else null. */
    private Instant startingSince;

    /** FX thread only. */
    public void setStatus(HostStatus next) {
        if (startingSince != null) {
            boolean stillStarting = (next instanceof HostStatus.Lost || next instanceof HostStatus.Connecting)
                    && java.time.Duration.between(startingSince, next.since()).compareTo(STARTING_PATIENCE) < 0;
            if (stillStarting) next = new HostStatus.Creating(next.since(), STARTING);
            else startingSince = null;
        }
        status.set(next);
    }

    /**
     * Its container has just started (a lab applied by a tour or at a terminal, say): until its
     * engine first answers, within {@link #STARTING_PATIENCE}, it reads "starting its engine",
     * not "lost — retrying", which it is not. FX thread only.
     */
    public void startingSince(Instant started) {
        startingSince = started;
        setStatus(new HostStatus.Connecting(Instant.now(), 1));
    }

    /**
     * A new way in for a watcher's snapshots and deltas (one per watcher): only the rows a delta
     * names are touched, on the FX thread, once per pulse however many arrive.
     */
    public ChangesOnFx changesFeed() {
        return new ChangesOnFx(this::apply);
    }

    /** The containers added, changed or gone between two snapshots (all of them at first). */
    private static Set<String> differing(HostInventory before, HostInventory after) {
        if (before == null) return after.containers().keySet();
        Set<String> ids = new HashSet<>();
        after.containers().forEach((id, c) -> {
            if (!c.equals(before.containers().get(id))) ids.add(id);
        });
        before.containers().keySet().forEach(id -> {
            if (!after.containers().containsKey(id)) ids.add(id);
        });
        return ids;
    }

    /** FX thread only: the lists change in place, then the snapshot property. */
    public void apply(HostInventory next) {
        apply(next, new ChangesOnFx.Changed(null));
    }

    /** FX thread only: only the rows the watcher said changed are touched, then the snapshot property. */
    void apply(HostInventory next, ChangesOnFx.Changed changed) {
        Set<String> changedContainers = changed.of(Delta.Kind.CONTAINER);
        containers.apply(next.containers(), changedContainers);
        images.apply(next.images(), changed.of(Delta.Kind.IMAGE));
        volumes.apply(next.volumes(), changed.of(Delta.Kind.VOLUME));
        networks.apply(next.networks(), changed.of(Delta.Kind.NETWORK));
        // only what changed is judged again: the map stays the same object when no trouble changed
        Set<String> judged = changedContainers != null ? changedContainers : differing(inventory.get(), next);
        Map<String, List<Trouble>> nowWrong = troubleTracker.of(troubles.get(), next, judged, Instant.now());
        if (nowWrong != troubles.get()) troubles.set(nowWrong);
        inventory.set(next);
    }
}
