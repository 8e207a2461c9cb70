package dev.portolan.ui;

import dev.portolan.app.Logging;
import dev.portolan.app.Settings;
import dev.portolan.engine.EngineDiscovery;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.ui.jobs.Job;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The first run: which Docker engines this laptop has (Docker Desktop, Colima, OrbStack,
 * Rancher Desktop, Podman, a system dockerd, contexts), which one Portolan uses and how to
 * choose another, what to install when there is none; then a sample lab in one click, and
 * where Portolan keeps its files. Shown once, by itself, and again from About.
 */
public final class FirstRunWindow {

    /** Set to false (the tests do) to keep the window from opening by itself on a first run. */
    public static final String PROPERTY = "portolan.first-run";

    private final Stage stage;
    private final VBox engines = new VBox(6);
    private final Label summary = new Label("Looking for Docker engines on this computer…");
    private final Button sample = new Button("Start the sample lab");

    private FirstRunWindow(Window owner, EngineDiscovery discovery, Settings settings, Runnable startSample) {
        Label title = new Label("Welcome to Portolan");
        title.getStyleClass().add("title-2");
        Label intro = wrapped("Portolan draws the Docker hosts on this computer as a live picture, and makes more "
                + "(simulated hosts, each a Docker-in-Docker container) so you can stage a cluster on one laptop.");
        summary.setId("first-run-summary");
        summary.setWrapText(true);
        engines.setId("first-run-engines");

        sample.setId("first-run-sample");
        sample.setDefaultButton(true);
        sample.setDisable(true);
        Label sampleNote = wrapped("Three simulated hosts with a web server, two API replicas and a database whose data "
                + "lives in a volume; ready in about fifteen seconds. Its lab file opens beside the diagram.");
        Button close = new Button("Close");
        close.setId("first-run-close");
        close.setCancelButton(true);

        Label where = wrapped("Where things live — settings: " + settings.file() + " · lab certificates and keys (0600): "
                + settings.file().getParent() + " · logs: " + Logging.folder()
                + ". Nothing is sent anywhere: Portolan talks only to the engines you use.");
        where.setId("first-run-where");
        where.getStyleClass().add("muted");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox root = new VBox(12, title, intro, new Label("Docker engines found"), engines, summary,
                new VBox(4, sample, sampleNote), where, new HBox(10, spacer, close));
        root.setPadding(new Insets(16));
        root.getStyleClass().add("first-run");
        stage = Windows.stage(owner, "Welcome to Portolan", root, 760, 560);
        close.setOnAction(e -> stage.close());
        sample.setOnAction(e -> {
            stage.close();
            startSample.run();
        });
        look(discovery);
    }

    /** Opens the window; it starts looking for engines at once, off the FX thread. */
    public static FirstRunWindow open(Window owner, EngineDiscovery discovery, Settings settings, Runnable startSample) {
        FirstRunWindow window = new FirstRunWindow(owner, discovery, settings, startSample);
        window.stage.show();
        return window;
    }

    /** Whether this start is the first: no settings file yet, and the tests have not said otherwise. */
    public static boolean isFirstRun(Settings settings) {
        return !"false".equals(System.getProperty(PROPERTY)) && !java.nio.file.Files.exists(settings.file());
    }

    public Stage stage() {
        return stage;
    }

    private void look(EngineDiscovery discovery) {
        Job.start("Looking for Docker engines", progress -> discovery.check(discovery.find()), null, outcome -> {
            switch (outcome) {
                case Job.Outcome.Done<List<EngineDiscovery.Checked>> done -> show(discovery, done.value());
                case Job.Outcome.Failed<List<EngineDiscovery.Checked>> failed -> summary.setText(failed.message());
                case Job.Outcome.Cancelled<List<EngineDiscovery.Checked>> cancelled -> { }
            }
        });
    }

    private void show(EngineDiscovery discovery, List<EngineDiscovery.Checked> found) {
        Optional<EngineEndpoint> inUse = discovery.inUse();
        engines.getChildren().clear();
        for (EngineDiscovery.Checked engine : found) engines.getChildren().add(row(engine, inUse));
        boolean inUseAnswers = found.stream().anyMatch(c -> c.answers() && isInUse(c, inUse));
        boolean anyAnswers = found.stream().anyMatch(EngineDiscovery.Checked::answers);
        if (found.isEmpty()) {
            summary.setText("No Docker engine on this computer. " + discovery.installAdvice());
        } else if (inUseAnswers) {
            summary.setText("Portolan uses " + inUse.map(EngineEndpoint::address).orElse("?") + ", found as the docker CLI "
                    + "finds it (DOCKER_HOST, else the current context, else the default socket): here, "
                    + inUse.map(EngineEndpoint::source).orElse("?") + ". To use another, switch the docker CLI to it "
                    + "(docker context use NAME) or set DOCKER_HOST, then start Portolan again.");
        } else if (anyAnswers) {
            summary.setText("The engine Portolan uses does not answer, but another one does: switch to it with docker "
                    + "context use NAME or DOCKER_HOST (the command is beside it), and open Portolan again.");
        } else {
            summary.setText("No engine answers. Start the one you have (Docker Desktop, colima start, …). "
                    + discovery.installAdvice());
        }
        summary.getStyleClass().removeAll("problem");
        if (!inUseAnswers) summary.getStyleClass().add("problem");
        sample.setDisable(!inUseAnswers);
    }

    private static boolean isInUse(EngineDiscovery.Checked engine, Optional<EngineEndpoint> inUse) {
        return inUse.isPresent() && engine.found().foundBy().startsWith("in use");
    }

    /** One engine: a dot, the product, where it answers, what it said, and the command that switches to it. */
    private static Region row(EngineDiscovery.Checked engine, Optional<EngineEndpoint> inUse) {
        Label dot = new Label("●");
        dot.getStyleClass().add(engine.answers() ? "state-ok" : "state-bad");
        Label product = new Label(engine.found().product() + (isInUse(engine, inUse) ? " — in use" : ""));
        product.getStyleClass().add("strong");
        Label detail = wrapped(engine.found().endpoint().address() + " · " + engine.detail());
        detail.getStyleClass().add("muted");
        VBox text = new VBox(2, product, detail);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, dot, text);
        if (!isInUse(engine, inUse) && engine.answers()) {
            // copyable, not run: switching the docker CLI's engine is the user's choice
            String foundBy = engine.found().foundBy();
            TextField command = new TextField(foundBy.startsWith("docker context ")
                    ? "docker context use " + foundBy.substring("docker context ".length())
                    : "DOCKER_HOST=" + engine.found().endpoint().address());
            command.setEditable(false);
            command.setPrefColumnCount(24);
            command.setTooltip(new javafx.scene.control.Tooltip("Run this (or start Portolan with it) to use this engine"));
            row.getChildren().add(command);
        }
        row.getStyleClass().add("first-run-engine");
        return row;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** The sample lab's file, written where Portolan keeps its own files (kept if the user changed it). */
    public static Path sampleLabFile(Settings settings) {
        return settings.file().getParent().resolve("labs").resolve(dev.portolan.lab.LabTemplates.SAMPLE);
    }
}
