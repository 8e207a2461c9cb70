package dev.portolan.ui;

import dev.portolan.inventory.HostStatus;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.model.HostModel;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: the selected host's state and counts, and the latest action's outcome. */
final class StatusBar {

    private final Label host = new Label();
    private final Label message = new Label();
    private final HBox root;

    StatusBar(ActionRunner runner) {
        host.setId("status-host");
        message.setId("status-message");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(14, 14);
        busy.visibleProperty().bind(runner.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new HBox(10, host, spacer, busy, message);
        root.getStyleClass().add("status-bar");
        runner.messageProperty().addListener((obs, old, m) -> {
            // one line in the bar (an engine's log can follow a failure); the whole of it on hover
            // an empty message clears the bar (work done with nothing to say), it is not a failure without a reason
            message.setText(m.text().isBlank() ? "" : dev.portolan.engine.EngineErrors.firstLine(m.text()));
            message.setTooltip(m.text().contains("\n") ? new javafx.scene.control.Tooltip(m.text()) : null);
            message.getStyleClass().remove("error-text");
            if (m.error()) message.getStyleClass().add("error-text");
        });
    }

    HBox root() {
        return root;
    }

    void show(HostModel model) {
        if (model == null) {
            host.setText("No host selected");
            return;
        }
        HostStatus status = model.status();
        String text = model.name() + " — " + StatusText.status(status, Instant.now());
        if (status instanceof HostStatus.Live && model.inventory() != null) {
            text += " · Docker " + model.inventory().facts().versionText() + " · " + StatusText.counts(model.inventory());
        }
        host.setText(dev.portolan.engine.EngineErrors.firstLine(text));
    }

    void showProblem(String problem) {
        host.setText(problem);
    }
}
