package dev.portolan.ui.labs;

import dev.portolan.host.Progress;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabFileException;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.LabStep;
import dev.portolan.lab.Labs;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.hosts.HostsController;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * One lab file: its problems (file:line:column) or its plan, then Apply with its steps as
 * they run and Cancel, and Destroy. The hosts it makes appear in the sidebar by themselves.
 */
public final class LabWindow {

    private final Path file;
    private final HostsController hosts;
    private final ActionRunner runner;
    private final Stage stage;
    private final Label title = new Label();
    private final Label outcome = new Label();
    private final ListView<String> lines = new ListView<>();
    private final Button apply = new Button("Apply");
    private final Button cancel = new Button("Cancel");
    private final Button destroy = new Button("Destroy…");
    private final CheckBox removeData = new CheckBox("with the hosts' data");
    private volatile boolean cancelled;
    private LabSpec lab;

    private LabWindow(Window owner, Path file, HostsController hosts, ActionRunner runner) {
        this.file = file;
        this.hosts = hosts;
        this.runner = runner;
        title.getStyleClass().add("details-title");
        lines.setId("lab-lines");
        outcome.setId("lab-outcome");
        outcome.setWrapText(true);
        apply.setId("lab-apply");
        apply.getStyleClass().add("accent");
        cancel.setId("lab-cancel");
        destroy.setId("lab-destroy");
        removeData.setId("lab-remove-data");
        Button reload = new Button("Reload");
        reload.setOnAction(e -> load());
        apply.setOnAction(e -> apply());
        cancel.setOnAction(e -> cancelled = true);
        cancel.setDisable(true);
        destroy.setOnAction(e -> destroy());
        HBox.setHgrow(outcome, Priority.ALWAYS);
        HBox buttons = new HBox(8, reload, apply, cancel, destroy, removeData);
        BorderPane root = new BorderPane(lines);
        root.setTop(new VBox(6, title, outcome));
        root.setBottom(buttons);
        BorderPane.setMargin(lines, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(12));
        stage = dev.portolan.ui.Windows.stage(owner, "Lab — " + file.getFileName(), root, 640, 480);
        stage.show();
        load();
    }

    /** Opens a lab file (the caller chose it, with a file dialog or from recent labs). */
    public static LabWindow open(Window owner, Path file, HostsController hosts, ActionRunner runner) {
        return new LabWindow(owner, file, hosts, runner);
    }

    private Labs labs() {
        return hosts.labs().orElseThrow(() -> new dev.portolan.engine.InvalidInputException(
                "The local engine is not connected; a lab's simulated hosts run on it. Start Docker first."));
    }

    /** Reads the file and shows its problems, or its plan (read off the FX thread). */
    private void load() {
        lab = null;
        apply.setDisable(true);
        try {
            lab = LabFile.read(file);
        } catch (LabFileException e) {
            title.setText(file.getFileName() + " has problems; nothing will be applied");
            lines.getItems().setAll(e.problems().stream().map(Object::toString).toList());
            outcome.setText("Fix them in your editor, then press Reload.");
            return;
        } catch (RuntimeException e) {
            title.setText("Cannot read " + file);
            outcome.setText(e.getMessage());
            return;
        }
        title.setText("Lab " + lab.name() + (lab.description() == null ? "" : " — " + lab.description()));
        LabSpec planned = lab;
        runner.run("Planning " + lab.name() + "…", "Planned " + lab.name(), "Plan " + lab.name(), () -> labs().plan(planned), steps -> {
            lines.getItems().setAll(steps.stream().map(s -> s.host() + ": " + s.describe()).toList());
            outcome.setText(steps.isEmpty() ? "Nothing to do: what runs is what the file says."
                    : "Plan: " + steps.size() + " steps. Apply makes them; running it again finishes a stopped apply.");
            apply.setDisable(steps.isEmpty());
        }, error -> outcome.setText(error));
    }

    private void apply() {
        LabSpec applying = lab;
        cancelled = false;
        apply.setDisable(true);
        cancel.setDisable(false);
        lines.getItems().clear();
        long start = System.nanoTime();
        Progress progress = new Progress() {
            @Override
            public void step(String text) {
                Platform.runLater(() -> {
                    lines.getItems().add(String.format("%5.1f s  %s", (System.nanoTime() - start) / 1e9, text));
                    lines.scrollTo(lines.getItems().size() - 1);
                });
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        runner.run("Applying " + applying.name() + "…", "Applied " + applying.name(), "Apply " + applying.name(), () -> {
            labs().apply(applying, progress);
            return null;
        }, done -> {
            cancel.setDisable(true);
            outcome.setText(String.format("Applied in %.1f s.", (System.nanoTime() - start) / 1e9));
        }, error -> {
            cancel.setDisable(true);
            apply.setDisable(false);
            outcome.setText(error + (cancelled ? " Apply again to finish." : ""));
        });
    }

    private void destroy() {
        if (lab == null) return;
        LabSpec destroying = lab;
        boolean withData = removeData.isSelected();
        var confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Its hosts and everything running on them go. " + (withData
                        ? "Their data volumes go too: images, containers and volumes inside the hosts are lost."
                        : "Their data volumes are kept: apply again and the hosts find their data."),
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        confirm.initOwner(stage);
        confirm.setHeaderText("Destroy the lab " + destroying.name() + "?");
        if (confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isEmpty()) return;
        runner.run("Destroying " + destroying.name() + "…", "Destroyed " + destroying.name(), "Destroy " + destroying.name(),
                () -> {
                    labs().destroy(destroying.name(), withData, Progress.NONE);
                    return null;
                }, done -> {
                    outcome.setText(destroying.name() + " is destroyed" + (withData ? "." : "; the hosts' data volumes are kept."));
                    load();
                });
    }
}
