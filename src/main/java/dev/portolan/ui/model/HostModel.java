package dev.portolan.ui.model;

import dev.portolan.engine.EngineEndpoint;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.HostStatus;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.inventory.NetworkInfo;
import dev.portolan.inventory.VolumeInfo;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * One host as the views see it, on the FX thread: its status, its latest snapshot, and
 * observable lists of its resources that change in place.
 */
public final class HostModel {

    private final EngineEndpoint endpoint;
    private final ObjectProperty<HostStatus> status =
            new SimpleObjectProperty<>(new HostStatus.Connecting(Instant.now(), 1));
    private final ObjectProperty<HostInventory> inventory = new SimpleObjectProperty<>();
    private final KeyedList<ContainerInfo> containers = new KeyedList<>(ContainerInfo::id);
    private final KeyedList<ImageInfo> images = new KeyedList<>(ImageInfo::id);
    private final KeyedList<VolumeInfo> volumes = new KeyedList<>(VolumeInfo::name);
    private final KeyedList<NetworkInfo> networks = new KeyedList<>(NetworkInfo::id);

    public HostModel(EngineEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public String name() {
        return endpoint.name();
    }

    public EngineEndpoint endpoint() {
        return endpoint;
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

    /** FX thread only. */
    void setStatus(HostStatus next) {
        status.set(next);
    }

    /** FX thread only: the lists change in place, then the snapshot property. */
    void apply(HostInventory next) {
        containers.update(next.containers());
        images.update(next.images());
        volumes.update(next.volumes());
        networks.update(next.networks());
        inventory.set(next);
    }
}
