package dev.portolan.ui.actions;

import dev.portolan.operations.HostOperations;
import dev.portolan.inventory.ContainerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * A container's log in its own window: follows new lines, filters by a search text, and
 * shows timestamps on demand. Lines arrive on docker-java's thread and are added once
 * per frame, so a chatty container does not flood the FX thread.
 */
final class LogsWindow {

    private static final int MAX_LINES = 20_000;

    private final HostOperations ops;
    private final ContainerInfo container;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<String> incoming = new ConcurrentLinkedQueue<>();
    private final ListView<String> view;
    private final CheckBox follow = new CheckBox("Follow");
    private final dev.portolan.ui.FollowNewest newest;
    private final CheckBox timestamps = new CheckBox("Timestamps");
    private final Label state = new Label();
    private AutoCloseable stream;
    private final AnimationTimer drain = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainIncoming();
        }
    };

    private LogsWindow(HostOperations ops, ContainerInfo container) {
        this.ops = ops;
        this.container = container;
        TextField search = new TextField();
        search.setPromptText("Search the log");
        search.setId("log-search");
        FilteredList<String> shown = new FilteredList<>(lines);
        search.textProperty().addListener((obs, old, text) -> {
            String needle = text.toLowerCase(Locale.ROOT);
            shown.setPredicate(needle.isBlank() ? null : line -> line.toLowerCase(Locale.ROOT).contains(needle));
        });
        view = new ListView<>(shown);
        view.setId("log-lines");
        view.getStyleClass().add("log-lines");
        // an empty window says why: nothing written yet (a program may write to a file instead), or nothing matches
        String nothingYet = container.name() + " has written nothing to its output yet: what it prints shows here as it comes."
                + " A program that writes its log to a file inside the container shows nothing here.";
        Label empty = new Label(nothingYet);
        empty.setId("log-empty");
        empty.setWrapText(true);
        empty.setPadding(new javafx.geometry.Insets(0, 24, 0, 24));
        view.setPlaceholder(empty);
        Runnable sayWhyEmpty = () -> empty.setText(search.getText().isBlank() || lines.isEmpty() ? nothingYet
                : "No line contains '" + search.getText() + "'.");
        search.textProperty().addListener((obs, old, text) -> sayWhyEmpty.run());
        lines.addListener((javafx.collections.ListChangeListener<String>) change -> sayWhyEmpty.run());
        follow.setSelected(true);
        follow.setId("log-follow");
        follow.setTooltip(new javafx.scene.control.Tooltip("Keep the newest line in view; scrolling up to read turns it off"));
        newest = dev.portolan.ui.FollowNewest.on(view, follow.selectedProperty());
        timestamps.selectedProperty().addListener((obs, old, on) -> restart());
        BorderPane root = new BorderPane(view);
        root.setTop(new ToolBar(search, follow, timestamps, state));
        Stage stage = dev.portolan.ui.Windows.stage(null, "Logs — " + container.name(), root, 900, 560);
        stage.setOnHidden(e -> {
            drain.stop();
            closeStream();
        });
        drain.start();
        restart();
        stage.show();
    }

    static void open(String hostName, ContainerInfo container, HostOperations ops, ActionRunner runner) {
        new LogsWindow(ops, container);
    }

    private void restart() {
        closeStream();
        lines.clear();
        incoming.clear();
        state.setText("");
        boolean stamps = timestamps.isSelected();
        Thread.ofVirtual().name("logs-" + container.name()).start(() -> {
            try {
                stream = ops.logs(container.id(), true, stamps, 2000, incoming::add);
            } catch (RuntimeException e) {
                incoming.add("⚠ " + dev.portolan.engine.EngineErrors.action("Reading the log of " + container.name(), e));
            }
        });
    }

    private void drainIncoming() {
        if (incoming.isEmpty()) return;
        List<String> batch = new ArrayList<>();
        for (String line; (line = incoming.poll()) != null; ) batch.add(line);
        lines.addAll(batch);
        if (lines.size() > MAX_LINES) lines.remove(0, lines.size() - MAX_LINES);
        state.setText(lines.size() + " lines");
        newest.show();
    }

    private void closeStream() {
        AutoCloseable current = stream;
        stream = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception ignored) {
                // the container may be gone already
            }
        }
    }
}
