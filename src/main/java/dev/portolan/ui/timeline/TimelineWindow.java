package dev.portolan.ui.timeline;

import dev.portolan.inventory.EngineEvent;
import dev.portolan.inventory.EventFilter;
import dev.portolan.inventory.EventLog;
import dev.portolan.ui.DialogService;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.jobs.Job;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Every host's engine events, live, newest at the bottom: filter by host, lab, container,
 * type and action, or problems only (a non-zero exit, an OOM kill, a failed health check);
 * health checks' probes are hidden unless asked for;
 * select an event to select its container on the diagram; export what the filter shows as
 * JSON lines. One window, brought to the front when opened again.
 */
public final class TimelineWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final String ANY = "any";
    private static final String NO_EVENTS = "No events yet. Start, stop or kill a container: its events show here.";
    private static Stage open;

    private TimelineWindow() {}

    /**
     * @param reveal selects an event's container on the diagram; says what went wrong when it cannot (gone, host lost)
     */
    public static Stage show(Window owner, EventLog log, Function<EngineEvent, String> reveal, DialogService dialogs) {
        if (open != null) {
            open.show();
            open.toFront();
            return open;
        }
        TimelineModel model = new TimelineModel(log);
        TableView<EngineEvent> table = new TableView<>(model.shown());
        table.setId("timeline-table");
        Label empty = new Label(NO_EVENTS);
        empty.setId("timeline-empty");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("Time", 110, e -> TIME.format(e.time())),
                column("Host", 130, EngineEvent::host),
                column("Type", 80, EngineEvent::type),
                column("Of", 170, EngineEvent::subject),
                column("Event", 260, EngineEvent::text)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EngineEvent event, boolean empty) {
                super.updateItem(event, empty);
                getStyleClass().remove("event-problem");
                if (!empty && event != null && event.isProblem()) getStyleClass().add("event-problem");
            }
        });

        ComboBox<String> host = choice("timeline-host", model.hosts(), "Host");
        ComboBox<String> lab = choice("timeline-lab", model.labs(), "Lab");
        ComboBox<String> type = choice("timeline-type", model.types(), "Type");
        ComboBox<String> action = choice("timeline-action", model.actions(), "Action");
        TextField container = new TextField();
        container.setId("timeline-container");
        container.setPromptText("Container name or id");
        container.setPrefColumnCount(14);
        CheckBox problems = new CheckBox("Problems only");
        problems.setId("timeline-problems");
        problems.setTooltip(new Tooltip("Deaths with a non-zero exit, OOM kills, failed health checks"));
        CheckBox healthChecks = new CheckBox("Hide health checks");
        healthChecks.setId("timeline-hide-health-checks");
        healthChecks.setSelected(true);
        healthChecks.setTooltip(new Tooltip("A health check runs its command in the container every interval: three exec events"
                + " each time. Hidden, its verdicts (health: healthy, unhealthy) still show."));
        Runnable refilter = () -> model.filter().set(new EventFilter(chosen(host), chosen(lab), container.getText(),
                chosen(type), chosen(action), problems.isSelected(), healthChecks.isSelected()));
        for (ComboBox<String> box : List.of(host, lab, type, action)) box.valueProperty().addListener((o, a, b) -> refilter.run());
        container.textProperty().addListener((o, a, b) -> refilter.run());
        for (CheckBox box : List.of(problems, healthChecks)) box.selectedProperty().addListener((o, a, b) -> refilter.run());
        refilter.run();
        Button clear = new Button("Clear filters");
        clear.setOnAction(e -> {
            for (ComboBox<String> box : List.of(host, lab, type, action)) box.setValue(ANY);
            container.clear();
            problems.setSelected(false);
            healthChecks.setSelected(true);
        });

        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("timeline-follow");
        follow.setSelected(true);
        follow.setTooltip(new Tooltip("Keep the newest event in view; scrolling up to read turns it off"));
        var newest = dev.portolan.ui.FollowNewest.on(table, follow.selectedProperty());
        Label count = new Label();
        count.setId("timeline-count");
        Label said = new Label();
        said.setId("timeline-said");
        said.getStyleClass().add("muted");
        Runnable counted = () -> {
            count.setText(StatusText.plural(model.shown().size(), "event") + " shown of "
                    + String.format("%,d", model.all().size()) + " (the newest " + String.format("%,d", model.capacity()) + " are kept)");
            // events there are, none shown: the filters hide them, which "no events yet" would hide too
            empty.setText(model.all().isEmpty() ? NO_EVENTS : "None of the " + StatusText.plural(model.all().size(), "event")
                    + " matches the filters" + (healthChecks.isSelected() ? " (health checks are hidden)" : "") + ". Clear filters"
                    + (healthChecks.isSelected() ? ", or untick Hide health checks," : "") + " to see them.");
        };
        model.shown().addListener((ListChangeListener<EngineEvent>) c -> {
            counted.run();
            newest.show();
        });
        model.all().addListener((ListChangeListener<EngineEvent>) c -> counted.run());
        healthChecks.selectedProperty().addListener((o, a, b) -> counted.run());
        counted.run();

        Stage stage = new Stage();
        Button export = new Button("Export…");
        export.setId("timeline-export");
        export.setTooltip(new Tooltip("Writes the events shown, one JSON object per line"));
        export.setOnAction(e -> export(stage, dialogs, List.copyOf(model.shown()), said));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, event) -> {
            if (event != null) said.setText(reveal.apply(event));
        });

        FlowPane filters = new FlowPane(8, 6, host, lab, container, type, action, problems, healthChecks, clear);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(10, count, said, spacer, follow, export);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        BorderPane root = new BorderPane(table, filters, null, bottom, null);
        root.setPadding(new Insets(10));
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        root.getStyleClass().add("timeline");
        stage.initOwner(owner);
        stage.setTitle("Events — every host");
        Scene scene = new Scene(root, 860, 520);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), export::fire);
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            model.close();
            open = null;
        });
        open = stage;
        stage.show();
        newest.show(); // what happened before the window opened: the newest, not the oldest, in view
        return stage;
    }

    /** Events stay in the order they came: no column sorts. */
    private static TableColumn<EngineEvent, String> column(String title, double width, Function<EngineEvent, String> value) {
        TableColumn<EngineEvent, String> column = dev.portolan.ui.Columns.of(title, width, value);
        column.setSortable(false);
        return column;
    }

    private static ComboBox<String> choice(String id, ObservableList<String> seen, String what) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        Runnable fill = () -> {
            String was = box.getValue();
            box.getItems().setAll(ANY);
            box.getItems().addAll(seen);
            box.setValue(was == null ? ANY : was);
        };
        seen.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        box.setTooltip(new Tooltip(what));
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ANY.equals(item) ? what + ": any" : what + ": " + item);
            }
        });
        return box;
    }

    private static String chosen(ComboBox<String> box) {
        return box.getValue() == null || ANY.equals(box.getValue()) ? null : box.getValue();
    }

    private static void export(Stage stage, DialogService dialogs, List<EngineEvent> events, Label said) {
        Path file = dialogs.saveFile(stage, "Export events", "events.jsonl", "JSON lines", "*.jsonl").orElse(null);
        if (file == null) return;
        Job.start("Export events", progress -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                return EventLog.writeJsonLines(events, e -> true, out);
            }
        }, null, ended -> said.setText(switch (ended) {
            case Job.Outcome.Done<Integer> done -> StatusText.plural(done.value(), "event") + " written to " + file.getFileName();
            case Job.Outcome.Failed<Integer> failed -> "Not exported: " + failed.message();
            case Job.Outcome.Cancelled<Integer> c -> "Export cancelled";
        }));
    }
}
