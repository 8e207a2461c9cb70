package dev.portolan.ui.hosts;

import dev.portolan.host.Progress;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Long work shown step by step, with Cancel: the steps appear as the work reports them,
 * then "Ready" or the reason it failed. Cancel asks the work to stop; it rolls back.
 */
public final class ProgressWindow {

    private final ListView<String> steps = new ListView<>();
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Label outcome = new Label();
    private final Button cancel = new Button("Cancel");
    /** The one-click fix of a known failure, shown only when there is one. */
    private final Button fix = new Button();
    private final long started = System.nanoTime();
    private volatile boolean cancelled;

    public ProgressWindow(Window owner, String title) {
        steps.setId("progress-steps");
        steps.setPrefHeight(180);
        steps.setCellFactory(dev.portolan.ui.WrappingCell.of(line -> line));
        outcome.setId("progress-outcome");
        outcome.setWrapText(true);
        bar.setMaxWidth(Double.MAX_VALUE);
        cancel.setId("progress-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (cancel.getText().equals("Close")) {
                cancel.getScene().getWindow().hide();
            } else {
                cancelled = true;
                cancel.setDisable(true);
                outcome.setText("Cancelling: undoing what was made…");
            }
        });
        fix.setId("progress-fix");
        fix.setVisible(false);
        fix.setManaged(false);
        HBox buttons = new HBox(8, fix, cancel);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        VBox root = new VBox(10, steps, bar, outcome, buttons);
        root.setPadding(new Insets(12));
        dev.portolan.ui.Windows.stage(owner, title, root, 520, 330).show();
    }

    /** A Progress for the work: its steps come here (and to {@code onStep}), Cancel reaches it. */
    public Progress progress(Consumer<String> onStep) {
        return new Progress() {
            @Override
            public void step(String text) {
                Platform.runLater(() -> {
                    steps.getItems().add(String.format("%5.1f s  %s", (System.nanoTime() - started) / 1e9, text));
                    steps.scrollTo(steps.getItems().size() - 1);
                    onStep.accept(text);
                });
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
    }

    public void done(String text) {
        finish(text, false);
    }

    public void failed(String reason) {
        finish(reason, true);
    }

    /** Offers a safe fix of what failed, as one button; the window closes when it is pressed. */
    public void offerFix(String label, Runnable action) {
        fix.setText(label);
        fix.getStyleClass().add("accent");
        fix.setOnAction(e -> {
            fix.getScene().getWindow().hide();
            action.run();
        });
        fix.setVisible(true);
        fix.setManaged(true);
    }

    private void finish(String text, boolean error) {
        bar.setProgress(error ? 0 : 1);
        outcome.setText(text);
        outcome.getStyleClass().remove("error-text");
        if (error) outcome.getStyleClass().add("error-text");
        cancel.setText("Close");
        cancel.setDisable(false);
    }
}
