package dev.portolan.ui.images;

import dev.portolan.operations.HostOperations;
import dev.portolan.image.BuildStep;
import dev.portolan.image.ImageBuild;
import dev.portolan.image.ImageLayer;
import dev.portolan.ui.layers.ImageStack;
import dev.portolan.ui.layers.StackView;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import dev.portolan.ui.jobs.Job;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.ui.Windows;
import dev.portolan.ui.model.AllOnFx;
import dev.portolan.ui.model.HostModel;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Builds an image from a folder with a Dockerfile on a chosen host: the output streams
 * in, each finished step appears as a layer (or as a cache hit), Cancel stops the build,
 * and the new image's layers are one click away.
 */
public final class BuildWindow {

    private final ImageActions actions;
    private final Stage stage;
    private final ComboBox<HostModel> host;
    private final TextField folder = new TextField();
    private final TextField tag = new TextField();
    private final Label problem = new Label();
    private final Outcome outcome;
    private final ListView<BuildStep> steps = new ListView<>();
    /** Each finished step drawn as a sheet on the stack, the way the image is layered. */
    private final StackView sheets = new StackView("build-stack");
    private final TextArea output = new TextArea();
    private final Button build = new Button("Build");
    private final Button cancel = new Button("Cancel");
    private final Button showLayers = new Button("Show layers");
    private final AllOnFx<String> outputLines = new AllOnFx<>(chunks -> output.appendText(String.join("", chunks)));
    private final AllOnFx<BuildStep> finishedSteps;
    private Job<ImageInfo> job;
    private ImageInfo built;

    private BuildWindow(Window owner, ImageActions actions, HostModel initial) {
        this.actions = actions;
        host = HostChoice.of(actions, initial);
        host.setId("build-host");
        folder.setId("build-folder");
        folder.setPromptText("The folder that holds the Dockerfile");
        tag.setId("build-tag");
        tag.setPromptText("myapp:1.0 (optional)");
        problem.setId("build-problem");
        problem.setWrapText(true);
        outcome = new Outcome("build-outcome", actions.runner());
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> chooseFolder());
        steps.setId("build-steps");
        steps.setPrefHeight(150);
        steps.setPlaceholder(new Label("Each step appears here as it finishes: a new layer, or a cache hit."));
        steps.setCellFactory(v -> new ListCell<>() {
            private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

            {
                // a long RUN line ends in "…", whole in its tooltip, rather than scroll the list sideways
                dev.portolan.ui.WrappingCell.asWideAsItsList(this, v);
            }

            @Override
            protected void updateItem(BuildStep step, boolean empty) {
                super.updateItem(step, empty);
                setText(empty || step == null ? null : describe(step));
                whole.setText(getText());
                setTooltip(empty || step == null ? null : whole);
            }
        });
        finishedSteps = new AllOnFx<>(list -> {
            steps.getItems().addAll(list);
            steps.scrollTo(steps.getItems().size() - 1);
            sheets.show(ImageStack.ofBuild(steps.getItems()));
        });
        output.setId("build-output");
        output.setEditable(false);
        output.getStyleClass().add("log-lines");
        build.setId("build-start");
        build.setDefaultButton(true);
        build.setOnAction(e -> start());
        cancel.setId("build-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancelJob());
        showLayers.setId("build-show-layers");
        showLayers.setDisable(true);
        showLayers.setOnAction(e -> actions.layers(host.getValue(), built, showLayers.getScene().getWindow()));
        folder.textProperty().addListener((obs, old, now) -> validate());
        tag.textProperty().addListener((obs, old, now) -> validate());
        host.valueProperty().addListener((obs, old, now) -> validate());

        GridPane form = dev.portolan.ui.forms.Form.grid(8, 8);
        form.addRow(0, new Label("Host"), host);
        HBox folderRow = new HBox(6, folder, choose);
        HBox.setHgrow(folder, Priority.ALWAYS);
        form.addRow(1, new Label("Folder"), folderRow);
        form.addRow(2, new Label("Tag"), tag);
        GridPane.setHgrow(folderRow, Priority.ALWAYS);
        HBox buttons = new HBox(8, problem, build, cancel, showLayers);
        HBox.setHgrow(problem, Priority.ALWAYS);
        problem.setMaxWidth(Double.MAX_VALUE);
        VBox top = new VBox(8, form, buttons, outcome.label(), steps);
        Label noSheets = new Label("Once built, the image's layers show here as a stack of sheets, the base image at the"
                + " bottom and each step's layer on it.");
        noSheets.setId("build-sheets-empty");
        noSheets.getStyleClass().add("empty-hint");
        noSheets.setWrapText(true);
        noSheets.setMouseTransparent(true);
        noSheets.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(steps.getItems()));
        Tab sheetsTab = new Tab("Sheets", new javafx.scene.layout.StackPane(sheets.node(), noSheets));
        sheetsTab.setId("build-sheets-tab");
        TabPane below = new TabPane(sheetsTab, new Tab("Output", output));
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        BorderPane root = new BorderPane(below);
        root.setTop(top);
        BorderPane.setMargin(below, new Insets(8, 0, 0, 0));
        root.setPadding(new Insets(12));
        stage = Windows.stage(owner, "Build an image", root, 900, 760);
        stage.setOnHidden(e -> cancelJob());
        validate();
        stage.show();
    }

    static BuildWindow open(Window owner, ImageActions actions, HostModel host) {
        return new BuildWindow(owner, actions, host);
    }

    /** "2/5  RUN mkdir /app  → 3f2a9c1b7d0e  (cache)" */
    static String describe(BuildStep step) {
        String what = step.isFrom() ? "base image " : step.cached() ? "cache hit, layer " : "new layer ";
        return step.number() + "/" + step.of() + "  " + step.instruction() + "  → " + what + step.imageId();
    }

    private void chooseFolder() {
        actions.dialogs().chooseFolder(stage, "The folder that holds the Dockerfile")
                .ifPresent(chosen -> folder.setText(chosen.toString()));
    }

    private String validate() {
        String text = host.getValue() == null ? "Choose a host that is live."
                : ImageBuild.problem(folder.getText().isBlank() ? null : Path.of(folder.getText().strip()), tag.getText());
        problem.setText(text == null ? "" : text);
        // before anything is typed, what to do is a hint, not an error
        problem.getStyleClass().removeAll("error-text", "muted");
        problem.getStyleClass().add(folder.getText().isBlank() && host.getValue() != null ? "muted" : "error-text");
        build.setDisable(text != null || !cancel.isDisabled());
        return text;
    }

    private void start() {
        if (validate() != null) return;
        HostModel target = host.getValue();
        Path dir = Path.of(folder.getText().strip());
        String name = tag.getText().strip();
        HostOperations operations = actions.connected(target, outcome).orElse(null);
        if (operations == null) return;
        outcome.working("Building on " + target.name() + "…");
        steps.getItems().clear();
        sheets.show(List.of());
        output.clear();
        build.setDisable(true);
        cancel.setDisable(false);
        showLayers.setDisable(true);
        long started = System.nanoTime();
        job = Job.start("Building on " + target.name(), progress -> operations.build(dir, name, new ImageBuild.Listener() {
            @Override
            public void output(String text) {
                outputLines.offer(text);
            }

            @Override
            public void stepFinished(BuildStep step) {
                finishedSteps.offer(step);
            }
        }, progress::isCancelled).orElse(null), null, ended -> {
            switch (ended) {
                case Job.Outcome.Done<ImageInfo> done -> {
                    built = done.value();
                    long cached = steps.getItems().stream().filter(s -> s.cached() && !s.isFrom()).count();
                    long made = steps.getItems().stream().filter(s -> !s.cached() && !s.isFrom()).count();
                    String id = built == null ? "" : built.shortId();
                    outcome.done(String.format("Built %s on %s in %.1f s: %d steps ran, %d from the cache.",
                            name.isEmpty() ? id : name, target.name(), (System.nanoTime() - started) / 1e9, made, cached));
                    showLayers.setDisable(built == null);
                    if (built != null) drawBuilt(operations, built);
                }
                case Job.Outcome.Cancelled<ImageInfo> c -> outcome.failed("The build was cancelled; the engine stopped it.");
                case Job.Outcome.Failed<ImageInfo> failed -> outcome.failed(failed.message());
            }
            finished();
        });
    }

    /** The image built, as its stack: every sheet from its base up, now with their sizes. */
    private void drawBuilt(HostOperations operations, ImageInfo image) {
        Job.start("Reading the layers of " + image.displayName(), progress -> operations.layers(image.id()), null, read -> {
            if (read instanceof Job.Outcome.Done<List<ImageLayer>> done) sheets.show(ImageStack.of(done.value(), null, null, null));
        });
    }

    private void cancelJob() {
        if (job != null) job.cancel();
    }

    private void finished() {
        cancel.setDisable(true);
        validate();
    }
}
