package dev.portolan.ui.inventory;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.NetworkInfo;
import dev.portolan.ui.model.HostModel;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;

/** The networks of a host: driver, subnet, and the containers on each. */
public final class NetworksView {

    private final ResourceTable<NetworkInfo> table;

    public NetworksView(HostModel host, ObjectProperty<Object> selection) {
        table = new ResourceTable<>("networks", host.networks(), NetworkInfo::id, n -> n.name() + " " + n.driver() + " " + n.subnet(),
                selection);
        table.column("Name", NetworkInfo::name, 180);
        table.column("Driver", NetworkInfo::driver, 80);
        table.column("Scope", NetworkInfo::scope, 70);
        table.column("Subnet", n -> n.subnet() == null ? "" : n.subnet(), 130);
        table.column("Gateway", n -> n.gateway() == null ? "" : n.gateway(), 110);
        table.column("Containers", n -> host.inventory() == null ? "" : host.inventory().attachedTo(n.name()).stream()
                .map(ContainerInfo::name).collect(Collectors.joining(", ")), 260);
        table.column("Flags", n -> (n.internal() ? "internal " : "") + (n.attachable() ? "attachable" : ""), 120);
        host.inventoryProperty().addListener((obs, old, now) -> table.table().refresh());
    }

    public Node root() {
        return table.root();
    }
}
