package dev.portolan.ui.inventory;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.VolumeInfo;
import dev.portolan.ui.actions.VolumeActions;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;

/**
 * The volumes of a host and which containers mount each; an unused one is marked. The
 * selected one is backed up, restored or (unused, once confirmed) removed from here.
 */
public final class VolumesView {

    private final ResourceTable<VolumeInfo> table;

    public VolumesView(HostModel host, Supplier<HostSession> session, ObjectProperty<Object> selection, VolumeActions actions) {
        table = new ResourceTable<>("volumes", host.volumes(), VolumeInfo::name, v -> v.name() + " " + v.labels(), selection);
        table.setEmptyText("No volumes yet. A volume keeps a container's data after the container is gone:"
                + " run a container with a volume such as data:/var/lib/data to make one.");
        table.column("Name", VolumeInfo::name, 260);
        table.column("Driver", VolumeInfo::driver, 80);
        table.column("Used by", v -> {
            if (host.inventory() == null) return "";
            List<String> users = usersOf(host, v);
            return users.isEmpty() ? "— unused" : String.join(", ", users);
        }, 220);
        table.column("Mount point", VolumeInfo::mountpoint, 300);
        // "used by" depends on the containers too
        host.inventoryProperty().addListener((obs, old, now) -> table.table().refresh());

        // what the diagram's volume menu does, here too: back up, restore, and remove one no container uses
        table.table().getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.SINGLE);
        var chosen = table.table().getSelectionModel().selectedItemProperty();
        Button backUp = new Button("Back up…");
        backUp.setId("volume-backup-button");
        backUp.setOnAction(e -> actions.backUp(session.get(), chosen.get(), window()));
        Button restore = new Button("Restore…");
        restore.setId("volume-restore-button");
        restore.setOnAction(e -> actions.restore(session.get(), chosen.get(), window()));
        Button remove = new Button("Remove…");
        remove.setId("volume-remove-button");
        remove.setOnAction(e -> remove(host, session, actions));
        for (Button b : List.of(backUp, restore, remove)) b.disableProperty().bind(chosen.isNull());
        table.addTools(backUp, restore, remove);
        table.table().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && chosen.get() != null) remove(host, session, actions);
        });
        table.table().setRowFactory(view -> {
            var row = new TableRow<VolumeInfo>();
            row.setOnContextMenuRequested(e -> {
                if (row.getItem() == null) return;
                table.table().getSelectionModel().select(row.getItem()); // what Remove… takes
                var menu = actions.menu(session.get(), row.getItem(), window());
                javafx.scene.control.MenuItem removeItem = new javafx.scene.control.MenuItem("Remove…");
                removeItem.setId("volume-remove");
                removeItem.setOnAction(a -> remove(host, session, actions));
                menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), removeItem);
                menu.show(row, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            return row;
        });
    }

    private void remove(HostModel host, Supplier<HostSession> session, VolumeActions actions) {
        VolumeInfo volume = table.table().getSelectionModel().getSelectedItem();
        actions.remove(session.get(), volume, usersOf(host, volume), window());
    }

    /** The names of the containers that mount {@code volume}, as the host's inventory knows them. */
    private static List<String> usersOf(HostModel host, VolumeInfo volume) {
        return host.inventory() == null ? List.of()
                : host.inventory().usersOf(volume.name()).stream().map(ContainerInfo::name).toList();
    }

    private javafx.stage.Window window() {
        return table.table().getScene() == null ? null : table.table().getScene().getWindow();
    }

    public Node root() {
        return table.root();
    }
}
