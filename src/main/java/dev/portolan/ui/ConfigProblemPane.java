package dev.portolan.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Shown when the local engine's address itself is wrong (a bad DOCKER_HOST or context). */
final class ConfigProblemPane {

    private final Label problem = new Label();
    private final VBox root;

    ConfigProblemPane(Runnable tryAgain) {
        Label title = new Label("Portolan cannot use the configured Docker engine");
        title.getStyleClass().add("empty-title");
        problem.setWrapText(true);
        problem.setMaxWidth(600);
        problem.setId("config-problem");
        problem.getStyleClass().add("empty-text");
        Label hint = new Label("Fix the setting and press Try again; Portolan itself has not changed anything.");
        hint.getStyleClass().add("empty-hint");
        Button again = new Button("Try again");
        again.getStyleClass().add("accent");
        again.setOnAction(e -> tryAgain.run());
        root = new VBox(14, title, problem, hint, again);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("empty-state");
    }

    VBox root() {
        return root;
    }

    void show(String message) {
        problem.setText(message);
    }
}
