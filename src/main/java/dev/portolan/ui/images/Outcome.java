package dev.portolan.ui.images;

import dev.portolan.ui.actions.ActionRunner;
import javafx.scene.control.Label;

/**
 * The sentence under a long task's buttons: what it is doing, then how it ended; the
 * ending also goes to the status bar, so it is seen after the window is closed.
 */
final class Outcome {

    private final Label label = new Label();
    private final ActionRunner runner;

    Outcome(String id, ActionRunner runner) {
        this.runner = runner;
        label.setId(id);
        label.setWrapText(true);
    }

    Label label() {
        return label;
    }

    void working(String text) {
        show(text, false);
    }

    void done(String text) {
        show(text, false);
        runner.say(new ActionRunner.Message(text, false));
    }

    void failed(String text) {
        show(text, true);
        runner.say(new ActionRunner.Message(text, true));
    }

    private void show(String text, boolean error) {
        label.setText(text);
        label.getStyleClass().remove("error-text");
        if (error) label.getStyleClass().add("error-text");
    }
}
