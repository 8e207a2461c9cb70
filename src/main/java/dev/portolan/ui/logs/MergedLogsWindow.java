package dev.portolan.ui.logs;

import dev.portolan.ui.DialogService;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.Windows;
import dev.portolan.ui.jobs.Job;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The merged logs of several containers (a selection, a host, a lab) in one window: ordered by
 * time, each container's name in its own colour, follow, search, timestamps, Save.
 */
public final class MergedLogsWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    /** Colours for the containers' names, by CSS class: log-source-0 … log-source-7, then round again. */
    private static final int COLOURS = 8;
    /** More containers than this are not streamed at once: say so rather than open a hundred streams. */
    static final int MAX_SOURCES = 64;

    private MergedLogsWindow() {}

    /** A container to show: its host's name, its name and id, and the host's operations (null when not connected). */
    public record Container(String host, String name, String id, dev.portolan.operations.HostOperations operations) {}

    public static Stage open(Window owner, String what, List<Container> containers, DialogService dialogs) {
        List<Container> shown = containers.size() > MAX_SOURCES ? containers.subList(0, MAX_SOURCES) : containers;
        MergedLog log = new MergedLog(shown);
        FilteredList<MergedLog.Entry> filtered = new FilteredList<>(log.lines());
        ListView<MergedLog.Entry> view = new ListView<>(filtered);
        view.setId("merged-log-lines");
        view.getStyleClass().add("log-lines");
        view.setPlaceholder(new Label("Waiting for log lines…"));
        CheckBox follow = new CheckBox("Follow");
        follow.setSelected(true);
        follow.setId("merged-log-follow");
        follow.setTooltip(new Tooltip("Keep the newest line in view; scrolling up to read turns it off"));
        var newest = dev.portolan.ui.FollowNewest.on(view, follow.selectedProperty());
        CheckBox stamps = new CheckBox("Timestamps");
        stamps.setId("merged-log-timestamps");
        view.setCellFactory(v -> new EntryCell(log.sources(), stamps));
        stamps.selectedProperty().addListener((obs, old, on) -> view.refresh());
        TextField search = new TextField();
        search.setId("merged-log-search");
        search.setPromptText("Search the logs");
        search.textProperty().addListener((obs, old, text) -> {
            String needle = text.toLowerCase(Locale.ROOT);
            filtered.setPredicate(needle.isBlank() ? null : e -> e.text().toLowerCase(Locale.ROOT).contains(needle)
                    || log.sources().get(e.source()).name().toLowerCase(Locale.ROOT).contains(needle));
        });
        Label count = new Label();
        count.setId("merged-log-count");
        Label said = new Label(containers.size() > MAX_SOURCES
                ? "Showing the first " + MAX_SOURCES + " of " + containers.size() + " containers." : "");
        said.setId("merged-log-said");
        FlowPane legend = new FlowPane(10, 4);
        legend.setId("merged-log-legend");
        for (int i = 0; i < log.sources().size(); i++) {
            Label name = new Label("■ " + log.sources().get(i).host() + "/" + log.sources().get(i).name());
            name.getStyleClass().add("log-source-" + i % COLOURS);
            legend.getChildren().add(name);
        }
        BorderPane root = new BorderPane(view);
        Stage stage = Windows.stage(owner, "Logs — " + what, root, 980, 600);
        Button save = new Button("Save…");
        save.setId("merged-log-save");
        save.setTooltip(new Tooltip("Writes the lines shown, with their times and containers (Ctrl+S)"));
        save.setOnAction(e -> save(stage, dialogs, List.copyOf(filtered), log.sources(), said));
        root.setTop(new javafx.scene.layout.VBox(new ToolBar(search, follow, stamps, save, count), legend));
        root.setBottom(new HBox(said));
        legend.setStyle("-fx-padding: 4 8 4 8;");
        AnimationTimer drain = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!log.drain()) return;
                count.setText(StatusText.plural(filtered.size(), "line") + " from " + StatusText.plural(log.sources().size(), "container"));
                newest.show();
            }
        };
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), save::fire);
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), search::requestFocus);
        stage.setOnHidden(e -> {
            drain.stop();
            log.close();
        });
        log.start();
        drain.start();
        stage.show();
        return stage;
    }

    /** "web │ GET / 200", its name in its container's colour; a notice in italics. */
    private static final class EntryCell extends ListCell<MergedLog.Entry> {
        private final Label name = new Label();
        private final Label text = new Label();
        private final HBox box = new HBox(8, name, text);
        private final List<Container> sources;
        private final CheckBox stamps;

        EntryCell(List<Container> sources, CheckBox stamps) {
            this.sources = sources;
            this.stamps = stamps;
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(MergedLog.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            name.getStyleClass().removeIf(s -> s.startsWith("log-source-"));
            name.getStyleClass().add("log-source-" + entry.source() % COLOURS);
            String time = stamps.isSelected() && !entry.notice() ? TIME.format(entry.time()) + " " : "";
            name.setText(time + sources.get(entry.source()).name() + " │");
            text.setText(entry.notice() ? "⚠ " + entry.text() : entry.text());
            text.getStyleClass().remove("log-notice");
            if (entry.notice()) text.getStyleClass().add("log-notice");
            setGraphic(box);
        }
    }

    private static void save(Stage stage, DialogService dialogs, List<MergedLog.Entry> entries, List<Container> sources,
            Label said) {
        Path file = dialogs.saveFile(stage, "Save the logs", "logs.txt", "Text", "*.txt", "*.log").orElse(null);
        if (file == null) return;
        Job.start("Save logs", progress -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (MergedLog.Entry e : entries) {
                    Container s = sources.get(e.source());
                    out.write(e.time() + " " + s.host() + "/" + s.name() + " | " + (e.notice() ? "(portolan) " : "") + e.text() + "\n");
                }
            }
            return entries.size();
        }, null, ended -> said.setText(switch (ended) {
            case Job.Outcome.Done<Integer> done -> StatusText.plural(done.value(), "line") + " saved to " + file.getFileName();
            case Job.Outcome.Failed<Integer> failed -> "Not saved: " + failed.message();
            case Job.Outcome.Cancelled<Integer> c -> "Save cancelled";
        }));
    }
}
