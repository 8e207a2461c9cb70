package dev.portolan.ui.faults;

import dev.portolan.host.faults.Fault;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Faults panel: every fault in force (made here or by `portolan fault`), since when,
 * its timer, Heal for each and Heal all; and whether latency can be added on this kernel.
 * One window, brought to the front when opened again.
 */
public final class FaultsWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static Stage open;

    private FaultsWindow() {}

    public static Stage show(Window owner, FaultActions actions) {
        if (open != null) {
            open.show();
            open.toFront();
            return open;
        }
        FaultsModel model = actions.model();
        TableView<Fault> table = new TableView<>(model.inForce());
        table.setId("faults-table");
        table.setPlaceholder(new Label("No faults in force.\nRight-click a host or a container on the diagram: Faults."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Fault, String> what = new TableColumn<>("Fault");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().spec().describe()));
        what.setPrefWidth(320);
        TableColumn<Fault, String> since = new TableColumn<>("Since");
        since.setCellValueFactory(c -> new ReadOnlyStringWrapper(TIME.format(c.getValue().started())));
        TableColumn<Fault, String> heals = new TableColumn<>("Heals");
        heals.setId("faults-heals");
        heals.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().remaining(model.nowProperty().get())
                .map(left -> "in " + FaultMarks.clock(left)).orElse("when healed")));
        TableColumn<Fault, Fault> heal = new TableColumn<>("");
        heal.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        heal.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button("Heal");

            @Override
            protected void updateItem(Fault fault, boolean empty) {
                super.updateItem(fault, empty);
                if (empty || fault == null) {
                    setGraphic(null);
                    return;
                }
                button.setId("heal-" + fault.id());
                button.setOnAction(e -> actions.heal(fault.id()));
                setGraphic(button);
            }
        });
        table.getColumns().setAll(java.util.List.of(what, since, heals, heal));
        // the timers move: the column is read again at each tick
        model.nowProperty().addListener((obs, old, now) -> table.refresh());

        Label netem = new Label();
        netem.setId("faults-netem");
        netem.setWrapText(true);
        netem.getStyleClass().add("muted");
        Runnable sayNetem = () -> {
            var known = model.netemProperty().get();
            netem.setText(known == null ? "" : known.available() ? "Latency (tc netem) can be added on this computer."
                    : known.why());
        };
        model.netemProperty().addListener((obs, old, now) -> sayNetem.run());
        sayNetem.run();
        model.probeNetem();

        Button healAll = new Button("Heal all");
        healAll.setId("heal-all");
        healAll.setOnAction(e -> actions.heal(null));
        healAll.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.inForce()));
        healAll.setTooltip(new javafx.scene.control.Tooltip("Undo every fault Portolan made: rules removed, containers "
                + "unpaused and started, networks reconnected"));
        Button close = new Button("Close");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, healAll, spacer, close);
        VBox bottom = new VBox(8, netem, buttons);
        bottom.setPadding(new Insets(10));
        BorderPane root = new BorderPane(table);
        root.setBottom(bottom);
        root.getStyleClass().add("faults-window");

        Stage stage = dev.portolan.ui.Windows.stage(owner, "Faults in force", root, 640, 300);
        stage.getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) stage.close();
        });
        close.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> open = null);
        open = stage;
        stage.show();
        return stage;
    }
}
