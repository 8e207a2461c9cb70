package dev.portolan.ui;

import dev.portolan.inventory.EngineFacts;
import dev.portolan.inventory.HostInventory;
import dev.portolan.ui.model.HostModel;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** A host at a glance: what engine it is, and how many of each resource it has. */
final class OverviewPane {

    private final Label heading = new Label();
    private final Label containers = count("containers");
    private final Label running = count("running");
    private final Label images = count("images");
    private final Label volumes = count("volumes");
    private final Label networks = count("networks");
    private final GridPane facts = new GridPane();
    private final ScrollPane root;

    OverviewPane(HostModel host) {
        heading.getStyleClass().add("overview-heading");
        FlowPane tiles = new FlowPane(12, 12,
                tile(containers, "Containers"), tile(running, "Running"), tile(images, "Images"),
                tile(volumes, "Volumes"), tile(networks, "Networks"));
        facts.getStyleClass().add("facts");
        facts.setHgap(16);
        facts.setVgap(6);
        VBox box = new VBox(18, heading, tiles, facts);
        box.setPadding(new Insets(20));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setId("overview");
        host.inventoryProperty().addListener((obs, old, now) -> show(host, now));
        show(host, host.inventory());
    }

    ScrollPane root() {
        return root;
    }

    private void show(HostModel host, HostInventory inventory) {
        if (inventory == null) return;
        EngineFacts f = inventory.facts();
        // the host as the sidebar names it; the engine's own name (its computer's) is one of the facts
        heading.setText(host.name() + " — Docker " + f.versionText());
        containers.setText(Long.toString(inventory.containers().size()));
        running.setText(Long.toString(inventory.runningCount()));
        images.setText(Long.toString(inventory.images().size()));
        volumes.setText(Long.toString(inventory.volumes().size()));
        networks.setText(Long.toString(inventory.networks().size()));
        Object shown = java.util.List.of(f, host.endpoint(), host.providerDetailProperty().get());
        if (!facts.getChildren().isEmpty() && shown.equals(facts.getUserData())) return;
        facts.setUserData(shown);
        facts.getChildren().clear();
        String detail = host.providerDetailProperty().get();
        String[][] rows = {
            {"Provider", host.provider() + (detail.isBlank() ? "" : " — " + detail)},
            {"Address", host.endpoint().address() + "  (" + host.endpoint().source() + ")"},
            {"Engine", f.serverVersion() + ", API " + f.apiVersion() + " · named " + f.name()},
            {"System", f.systemText()},
            {"Resources", f.cpus() + " CPUs · " + StatusText.bytes(f.memoryBytes()) + " memory"},
            {"Storage driver", f.storageDriver()},
            {"Swarm", f.swarmState()},
        };
        for (int i = 0; i < rows.length; i++) {
            Label key = new Label(rows[i][0]);
            key.getStyleClass().add("fact-key");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(rows[i][1]);
            value.setWrapText(true);
            facts.addRow(i, key, value);
        }
    }

    private static Label count(String id) {
        Label label = new Label("–");
        label.setId("count-" + id);
        label.getStyleClass().add("tile-number");
        return label;
    }

    private static VBox tile(Label number, String caption) {
        Label text = new Label(caption);
        text.getStyleClass().add("tile-caption");
        VBox tile = new VBox(2, number, text);
        tile.getStyleClass().add("tile");
        return tile;
    }
}
