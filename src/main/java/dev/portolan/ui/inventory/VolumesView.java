package dev.portolan.ui.inventory;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.VolumeInfo;
import dev.portolan.ui.model.HostModel;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;

/** The volumes of a host and which containers mount each; an unused one is marked. */
public final class VolumesView {

    private final ResourceTable<VolumeInfo> table;

    public VolumesView(HostModel host, ObjectProperty<Object> selection) {
        table = new ResourceTable<>("volumes", host.volumes(), VolumeInfo::name, v -> v.name() + " " + v.labels(), selection);
        table.setEmptyText("No volumes yet. A volume keeps a container's data after the container is gone:"
                + " run a container with a volume such as data:/var/lib/data to make one.");
        table.column("Name", VolumeInfo::name, 260);
        table.column("Driver", VolumeInfo::driver, 80);
        table.column("Used by", v -> {
            if (host.inventory() == null) return "";
            String users = host.inventory().usersOf(v.name()).stream().map(ContainerInfo::name)
                    .collect(Collectors.joining(", "));
            return users.isEmpty() ? "— unused" : users;
        }, 220);
        table.column("Mount point", VolumeInfo::mountpoint, 300);
        // "used by" depends on the containers too
        host.inventoryProperty().addListener((obs, old, now) -> table.table().refresh());
    }

    public Node root() {
        return table.root();
    }
}
