package dev.portolan.ui.images;

import dev.portolan.operations.HostOperations;
import dev.portolan.ui.jobs.Job;
import dev.portolan.image.TransferProgress;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.Windows;
import dev.portolan.ui.model.HostModel;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Copies an image from one host to others without a registry: the source's save
 * streamed into each target's load, side by side, each with its progress; Cancel cuts
 * the streams and the targets drop what they had received.
 */
public final class CopyWindow {

    /** One host the image can go to: ticked or not, and how its copy goes. */
    private record Target(HostModel host, CheckBox tick, ProgressBar bar, Label state) {}

    private final ImageActions actions;
    private final HostModel source;
    private final ImageInfo image;
    private final List<Target> targets = new ArrayList<>();
    private final Button copy = new Button("Copy");
    private final Button cancel = new Button("Cancel");
    private final Outcome outcome;
    private final List<Job<Target>> jobs = new ArrayList<>();

    private CopyWindow(Window owner, ImageActions actions, HostModel source, ImageInfo image) {
        this.actions = actions;
        this.source = source;
        this.image = image;
        GridPane rows = dev.portolan.ui.forms.Form.grid(10, 8);
        List<String> holders = actions.hostsWithImage(image.id(), source);
        for (HostModel host : actions.hosts()) {
            if (host == source || !host.isLive()) continue;
            CheckBox tick = new CheckBox(host.name());
            String id = host.name().replaceAll("[^A-Za-z0-9_-]", "-");
            tick.setId("copy-to-" + id);
            boolean has = holders.contains(host.name());
            tick.setSelected(!has);
            Label state = new Label(has ? "already has it" : heldText(host));
            state.getStyleClass().add("muted");
            state.setId("copy-state-" + id);
            ProgressBar bar = new ProgressBar(0);
            bar.setPrefWidth(220);
            rows.addRow(targets.size(), tick, bar, state);
            targets.add(new Target(host, tick, bar, state));
            tick.selectedProperty().addListener((obs, old, now) -> refresh());
        }
        Label title = new Label("Copy " + image.displayName() + " (" + StatusText.bytes(image.sizeBytes()) + ") from "
                + source.name() + " to:");
        title.getStyleClass().add("section-title");
        if (targets.isEmpty()) {
            rows.addRow(0, new Label("No other host is live. Make a simulated host (Hosts, New simulated host…) and"
                    + " copy the image to it."));
        }
        outcome = new Outcome("copy-outcome", actions.runner());
        copy.setId("copy-start");
        copy.setDefaultButton(true);
        copy.setOnAction(e -> start());
        cancel.setId("copy-cancel");
        cancel.setOnAction(e -> {
            if (cancel.getText().equals("Close")) cancel.getScene().getWindow().hide();
            else cancelJobs();
        });
        cancel.setText("Close");
        Button picture = new Button("Show in the layer graph");
        picture.setId("copy-show-graph");
        picture.setTooltip(new javafx.scene.control.Tooltip("Every host's layers, this image selected and what the first"
                + " ticked host lacks faded"));
        picture.setOnAction(e -> actions.graph(null, picture.getScene().getWindow()).select(image.id(), targets.stream()
                .filter(t -> t.tick().isSelected()).map(t -> t.host().name()).findFirst().orElse(null)));
        HBox buttons = new HBox(8, copy, cancel, picture);
        VBox root = new VBox(12, title, rows, outcome.label(), buttons);
        root.setPadding(new Insets(14));
        Stage stage = Windows.stage(owner, "Copy image — " + image.displayName(), root, 640, 320);
        stage.setOnHidden(e -> cancelJobs());
        refresh();
        stage.show();
    }

    static CopyWindow open(Window owner, ImageActions actions, HostModel source, ImageInfo image) {
        return new CopyWindow(owner, actions, source, image);
    }

    /** "holds 2 of its 4 layers": what the engine there will skip, as the layer graph draws it. */
    private String heldText(HostModel host) {
        int held = ImageActions.layersHeld(host, image);
        int of = image.layers().size();
        return held == 0 ? "holds none of its " + of + " layers" : "holds " + held + " of its " + of + " layers already";
    }

    private void refresh() {
        copy.setDisable(targets.stream().noneMatch(t -> t.tick().isSelected()));
    }

    private void start() {
        List<Target> chosen = targets.stream().filter(t -> t.tick().isSelected()).toList();
        HostOperations from = actions.connected(source, outcome).orElse(null);
        if (from == null) return;
        copy.setDisable(true);
        cancel.setText("Cancel");
        outcome.working("Copying…");
        String reference = image.tags().isEmpty() ? image.id() : image.tags().getFirst();
        List<String> failures = new ArrayList<>();
        int[] left = {chosen.size()}; // counted on the FX thread, where every outcome arrives
        long started = System.nanoTime();
        jobs.clear();
        for (Target target : chosen) {
            target.tick().setDisable(true);
            target.state().setText("starting…");
            jobs.add(Job.start("Copying to " + target.host().name(), progress -> {
                from.copyImageTo(actions.operations(target.host()), reference, progress(target, progress));
                return target;
            }, null, ended -> {
                String state = switch (ended) {
                    case Job.Outcome.Done<Target> done -> "copied";
                    case Job.Outcome.Cancelled<Target> c -> {
                        failures.add(target.host().name() + ": cancelled");
                        yield "cancelled";
                    }
                    case Job.Outcome.Failed<Target> failed -> {
                        failures.add(failed.message());
                        yield "failed";
                    }
                };
                target.state().setText(state);
                target.bar().setProgress(state.equals("copied") ? 1 : 0);
                target.tick().setDisable(false);
                // a host that has it now is not ticked for a second copy
                if (state.equals("copied")) target.tick().setSelected(false);
                if (--left[0] > 0) return;
                String names = String.join(", ", chosen.stream().map(t -> t.host().name()).toList());
                if (failures.isEmpty()) outcome.done(String.format("Copied %s to %s in %.1f s.", image.displayName(), names,
                        (System.nanoTime() - started) / 1e9));
                else outcome.failed(String.join(" ", failures));
                cancel.setText("Close");
                refresh();
            }));
        }
    }

    private void cancelJobs() {
        jobs.forEach(Job::cancel);
    }

    private TransferProgress progress(Target target, dev.portolan.host.Progress job) {
        return TransferProgress.of((done, expected) -> Platform.runLater(() -> {
            if (expected > 0) target.bar().setProgress(Math.min(0.99, (double) done / expected));
            target.state().setText(StatusText.bytes(done) + " sent");
        }), job::isCancelled);
    }
}
