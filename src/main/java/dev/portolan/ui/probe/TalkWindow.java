package dev.portolan.ui.probe;

import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.Reachability;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Who can talk to whom on some hosts (a lab's): every pair of running containers, by name,
 * by address only, or not at all, and why — worked out from networks and published ports
 * alone; *Probe* on a row confirms the pair from inside its first container.
 */
public final class TalkWindow {

    /** Beyond this many containers the pairs are too many to read: the window says so. */
    static final int MOST_CONTAINERS = 60;

    private TalkWindow() {}

    /**
     * @param hosts what the window knows of each host now, by name (FX thread)
     * @param probe opens the probe window for a pair (from, to)
     */
    public static Stage show(Window owner, String title, Map<String, HostInventory> hosts, BiConsumer<String, String> probe) {
        long running = hosts.values().stream().flatMap(h -> h.containers().values().stream())
                .filter(dev.portolan.inventory.ContainerInfo::isRunning).count();
        TableView<Reachability.Pair> table = new TableView<>();
        table.setId("talk-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (running > MOST_CONTAINERS) {
            table.setPlaceholder(new Label(running + " running containers are " + running * (running - 1)
                    + " pairs: too many to read. Probe a pair from a container's menu: Can it reach…?"));
        } else {
            table.getItems().setAll(Reachability.of(hosts));
            table.setPlaceholder(new Label("No running containers here."));
        }
        TableColumn<Reachability.Pair, String> from = column("From", Reachability.Pair::from);
        TableColumn<Reachability.Pair, String> to = column("To", Reachability.Pair::to);
        TableColumn<Reachability.Pair, String> way = column("Reaches", p -> switch (p.way()) {
            case BY_NAME -> "✓ by name";
            case BY_ADDRESS -> "≈ by address";
            case NONE -> "✗ no";
        });
        TableColumn<Reachability.Pair, String> how = column("How, or why not", Reachability.Pair::how);
        TableColumn<Reachability.Pair, Reachability.Pair> check = new TableColumn<>("");
        check.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        check.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button("Probe");

            @Override
            protected void updateItem(Reachability.Pair pair, boolean empty) {
                super.updateItem(pair, empty);
                if (empty || pair == null) {
                    setGraphic(null);
                    return;
                }
                button.setOnAction(e -> probe.accept(pair.from(), pair.to()));
                setGraphic(button);
            }
        });
        // the reason is what is read: its column gets the room; a cell too narrow for its text has it whole in a tooltip
        for (var c : List.of(from, to)) c.setPrefWidth(150);
        way.setPrefWidth(110);
        how.setPrefWidth(340);
        table.getColumns().setAll(List.of(from, to, way, how, check));
        BorderPane root = new BorderPane(table);
        Label note = new Label("Worked out from networks and published ports; Probe confirms a pair from inside it.");
        note.setPadding(new Insets(8));
        root.setBottom(note);
        Stage stage = dev.portolan.ui.Windows.stage(owner, "Who can talk to whom — " + title, root, 860, 420);
        stage.show();
        return stage;
    }

    private static TableColumn<Reachability.Pair, String> column(String title,
            java.util.function.Function<Reachability.Pair, String> value) {
        return dev.portolan.ui.Columns.of(title, 0, value);
    }
}
