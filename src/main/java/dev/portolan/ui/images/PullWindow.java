package dev.portolan.ui.images;

import dev.portolan.operations.HostOperations;
import dev.portolan.image.ImagePull;
import dev.portolan.ui.jobs.Job;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.Windows;
import dev.portolan.ui.model.AllOnFx;
import dev.portolan.ui.model.HostModel;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Pulls an image onto a chosen host with a bar per layer; where no registry can be
 * reached it says so and how to get the image anyway (copy it from another host, build it).
 */
public final class PullWindow {

    private final ImageActions actions;
    private final ComboBox<HostModel> host;
    private final TextField reference = new TextField();
    private final GridPane layerRows = new GridPane(10, 4);
    private final Map<String, ProgressBar> bars = new LinkedHashMap<>();
    private final Map<String, Label> states = new LinkedHashMap<>();
    private final Outcome outcome;
    private final Button pull = new Button("Pull");
    private final Button cancel = new Button("Cancel");
    private Job<Double> job;
    private final AllOnFx<ImagePull.LayerProgress> layerNews = new AllOnFx<>(list -> list.forEach(this::showLayer));

    private PullWindow(Window owner, ImageActions actions, HostModel initial) {
        this.actions = actions;
        host = HostChoice.of(actions, initial);
        host.setId("pull-host");
        reference.setId("pull-reference");
        reference.setPromptText("nginx:1.27, alpine, registry.example.com:5000/team/app:2");
        reference.setPrefColumnCount(30);
        outcome = new Outcome("pull-outcome", actions.runner());
        pull.setId("pull-start");
        pull.setDefaultButton(true);
        pull.disableProperty().bind(reference.textProperty().isEmpty().or(host.valueProperty().isNull()));
        pull.setOnAction(e -> start());
        cancel.setId("pull-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> cancelJob());
        GridPane form = dev.portolan.ui.forms.Form.grid(8, 8);
        form.addRow(0, new Label("Host"), host);
        form.addRow(1, new Label("Image"), reference);
        VBox root = new VBox(12, form, new HBox(8, pull, cancel), outcome.label(), layerRows);
        root.setPadding(new Insets(14));
        Stage stage = Windows.stage(owner, "Pull an image", root, 680, 420);
        stage.setOnHidden(e -> cancelJob());
        stage.show();
    }

    private void cancelJob() {
        if (job != null) job.cancel();
    }

    static PullWindow open(Window owner, ImageActions actions, HostModel host) {
        return new PullWindow(owner, actions, host);
    }

    private void start() {
        HostModel target = host.getValue();
        String image = reference.getText().strip();
        HostOperations operations = actions.connected(target, outcome).orElse(null);
        if (operations == null) return;
        bars.clear();
        states.clear();
        layerRows.getChildren().clear();
        cancel.setDisable(false);
        outcome.working("Pulling " + image + " onto " + target.name() + "…");
        long started = System.nanoTime();
        job = Job.start("Pulling " + image + " onto " + target.name(), progress -> {
            operations.pull(image, new ImagePull.Listener() {
                @Override
                public void layer(ImagePull.LayerProgress news) {
                    layerNews.offer(news);
                }

                @Override
                public void status(String text) {
                    progress.step(text);
                }
            }, progress::isCancelled);
            return (System.nanoTime() - started) / 1e9;
        }, outcome::working, ended -> {
            cancel.setDisable(true);
            switch (ended) {
                case Job.Outcome.Done<Double> done -> outcome.done(
                        String.format("Pulled %s onto %s in %.1f s.", image, target.name(), done.value()));
                case Job.Outcome.Cancelled<Double> c -> outcome.failed("The pull was cancelled.");
                case Job.Outcome.Failed<Double> failed -> outcome.failed(failed.message());
            }
        });
    }

    private void showLayer(ImagePull.LayerProgress news) {
        ProgressBar bar = bars.computeIfAbsent(news.layer(), id -> {
            ProgressBar b = new ProgressBar(0);
            b.setPrefWidth(260);
            Label state = new Label();
            states.put(id, state);
            layerRows.addRow(bars.size(), new Label(id), b, state);
            return b;
        });
        String status = news.status() == null ? "" : news.status();
        if (news.total() > 0) {
            bar.setProgress((double) news.current() / news.total());
            status += "  " + StatusText.bytes(news.current()) + " / " + StatusText.bytes(news.total());
        } else if (status.contains("complete") || status.contains("exists")) {
            bar.setProgress(1);
        }
        states.get(news.layer()).setText(status);
    }

}
