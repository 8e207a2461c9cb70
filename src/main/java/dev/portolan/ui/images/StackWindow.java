package dev.portolan.ui.images;

import dev.portolan.image.FileChange;
import dev.portolan.image.ImageContents;
import dev.portolan.image.ImageLayer;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.operations.HostOperations;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.Windows;
import dev.portolan.ui.draw.PictureExport;
import dev.portolan.ui.jobs.Job;
import dev.portolan.ui.layers.ImageStack;
import dev.portolan.ui.layers.StackLayout.Placed;
import dev.portolan.ui.layers.StackView;
import dev.portolan.ui.model.HostModel;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * One image as the union filesystem stacks it: its sheets from the history at once, their
 * files as the archive streams (with progress and cancel), and, for a container, its own
 * writable layer on top, read again every two seconds while the window is open: the
 * picture of copy-on-write, and of why data belongs in volumes.
 */
public final class StackWindow {

    /** How often a container's own changes are read again: the engine sends no event for a file written. */
    static final Duration CONTAINER_EVERY = Duration.seconds(2);

    private final HostModel host;
    private final ImageInfo image;
    private final String container;
    private final HostOperations operations;
    private final ImageActions actions;
    private final StackView view = new StackView("stack-canvas");
    private final Label summary = new Label("Reading the history…");
    private final Label selection = new Label();
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Button cancel = new Button("Cancel");
    private final Stage stage;
    private final Timeline containerTicker;
    private List<ImageLayer> steps = List.of();
    private ImageContents contents;
    private List<FileChange> containerChanges;
    private boolean containerReading;
    private LayersReading reading;

    private StackWindow(Window owner, HostModel host, ImageInfo image, String container, HostOperations operations,
            ImageActions actions) {
        this.host = host;
        this.image = image;
        this.container = container;
        this.operations = operations;
        this.actions = actions;
        summary.setId("stack-summary");
        summary.setWrapText(true);
        selection.setId("stack-selection");
        selection.setWrapText(true);
        cancel.setId("stack-cancel");
        cancel.setOnAction(e -> cancelJob());
        bar.setPrefWidth(140);
        javafx.scene.control.TextField search = new javafx.scene.control.TextField();
        search.setId("stack-search");
        search.setPromptText("Search a line or a path");
        search.setTooltip(new javafx.scene.control.Tooltip("Sheets whose Dockerfile line or listed paths contain the words are"
                + " outlined; Enter zooms to them. Ctrl+F comes here."));
        search.textProperty().addListener((obs, old, text) -> view.search(text));
        search.setOnAction(e -> view.zoomToFound());
        Button fit = new Button("Fit");
        fit.setId("stack-fit");
        fit.setOnAction(e -> view.picture().fit());
        MenuButton export = new MenuButton("Export", null, item("PNG image…", "stack-export-png", "png"),
                item("SVG drawing…", "stack-export-svg", "svg"));
        export.setId("stack-export");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(summary, Priority.SOMETIMES);
        view.selectedProperty().addListener((obs, old, now) -> describe(now));
        view.onOpen(this::openFiles);
        describe(null);

        BorderPane root = new BorderPane(view.node());
        root.setTop(new ToolBar(search, summary, spacer, bar, cancel, fit, export));
        root.setBottom(selection);
        BorderPane.setMargin(selection, new javafx.geometry.Insets(6, 10, 6, 10));
        String title = container == null ? image.displayName() : container + " on " + image.displayName();
        stage = Windows.stage(owner, "Stack — " + title + " on " + host.name(), root, 1100, 760);
        stage.getScene().getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), search::requestFocus);
        containerTicker = new Timeline(new KeyFrame(CONTAINER_EVERY, e -> readContainer()));
        containerTicker.setCycleCount(Timeline.INDEFINITE);
        stage.setOnHidden(e -> {
            cancelJob();
            containerTicker.stop();
        });
        stage.show();
        read();
        if (container != null) {
            readContainer();
            containerTicker.play();
        }
        view.picture().canvas().requestFocus();
    }

    static StackWindow open(Window owner, HostModel host, ImageInfo image, String container, HostOperations operations,
            ImageActions actions) {
        return new StackWindow(owner, host, image, container, operations, actions);
    }

    public Stage stage() {
        return stage;
    }

    private void cancelJob() {
        if (reading != null) reading.cancel();
    }

    /** The history first (sheets at once), then the archive for each sheet's files. */
    private void read() {
        reading = LayersReading.start(operations, host, image, bar, summary, "Reading the files was cancelled: the sheets"
                + " come from the image's history, without their files.", new LayersReading.Shown() {
                    @Override
                    public void history(List<ImageLayer> layers) {
                        steps = layers;
                        redraw();
                    }

                    @Override
                    public void contents(ImageContents read) {
                        contents = read;
                        steps = read.layers();
                        redraw();
                        finished(String.format("%d sheets, bottom first · %s of files · %s hidden by later sheets (crossed"
                                + " through)", steps.size(), StatusText.bytes(read.totalBytes()),
                                StatusText.bytes(read.wastedBytes())), false);
                    }

                    @Override
                    public void stopped(String text, boolean error) {
                        finished(text, error);
                    }
                });
    }

    /** The container's own changes, read again; a lost host or a removed container ends the reading with a message. */
    private void readContainer() {
        if (containerReading) return;
        containerReading = true;
        Job.start("Reading what " + container + " changed", progress -> operations.changes(container), null, outcome -> {
            containerReading = false;
            switch (outcome) {
                case Job.Outcome.Done<List<FileChange>> done -> {
                    if (!done.value().equals(containerChanges)) {
                        containerChanges = done.value();
                        redraw();
                    }
                }
                case Job.Outcome.Cancelled<List<FileChange>> c -> { }
                case Job.Outcome.Failed<List<FileChange>> failed -> {
                    containerTicker.stop();
                    finished(failed.message() + " The top sheet shows what it had changed when last read.", true);
                }
            }
        });
    }

    private void redraw() {
        view.show(ImageStack.of(steps, contents, container, container == null ? null
                : containerChanges == null ? List.of() : containerChanges));
        describe(view.selectedProperty().get());
    }

    private void describe(Placed placed) {
        if (placed == null) {
            selection.setText("Each sheet is one step of the Dockerfile, the base at the bottom: + added, ~ changed, − deleted;"
                    + " a path crossed through is hidden by a sheet above it. Select a sheet (click, ↑ ↓); Enter opens its files.");
            return;
        }
        ImageStack.Sheet s = placed.sheet();
        selection.setText(s.container() ? "What " + container + " wrote, changed and deleted over its image: "
                + (s.entries().size() + s.more()) + " paths. It lives only as long as the container does;"
                + " data that must outlive it belongs in a volume."
                : "#" + s.index() + " " + s.line() + (s.more() > 0 ? " — " + (s.entries().size() + s.more()) + " paths" : ""));
    }

    /** A sheet's files in the layers window; the container's sheet has no archive to read. */
    private void openFiles() {
        Placed placed = view.selectedProperty().get();
        if (placed == null || placed.sheet().container()) return;
        actions.layers(host, image, stage, placed.sheet().index());
    }

    private MenuItem item(String text, String id, String format) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> export(format));
        return item;
    }

    private void export(String format) {
        PictureExport.ask(actions.dialogs(), stage, "the stack", "portolan-stack", format, view::export)
                .ifPresent(said -> summary.setText(said.text()));
    }

    private void finished(String text, boolean error) {
        summary.setText(text);
        summary.getStyleClass().remove("error-text");
        if (error) summary.getStyleClass().add("error-text");
        bar.setVisible(false);
        cancel.setVisible(false);
    }
}
