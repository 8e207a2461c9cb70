package dev.portolan.ui;

import dev.portolan.app.AppInfo;
import dev.portolan.app.Logging;
import dev.portolan.ui.actions.ActionRunner;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The top bar: the app's name, the theme switch and About. */
final class MainToolbar {

    private final ToolBar root;

    MainToolbar(Region window, ActionRunner runner, java.util.function.Consumer<java.nio.file.Path> openLab) {
        Label name = new Label(AppInfo.NAME);
        name.getStyleClass().add("app-title");
        ToggleButton dark = new ToggleButton("Dark");
        dark.setId("theme-dark");
        dark.setOnAction(e -> PortolanApp.Themes.apply(window.getScene(), dark.isSelected()));
        Button lab = new Button("Open lab…");
        lab.setId("open-lab");
        lab.setOnAction(e -> {
            var chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Open a lab file");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Lab files", "*.yaml", "*.yml"));
            var chosen = chooser.showOpenDialog(window.getScene().getWindow());
            if (chosen != null) openLab.accept(chosen.toPath());
        });
        Button about = new Button("About");
        about.setOnAction(e -> about());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root = new ToolBar(name, lab, spacer, dark, about);
        window.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), lab::fire);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), dark::fire);
            }
        });
    }

    ToolBar root() {
        return root;
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("About " + AppInfo.NAME);
        alert.setHeaderText(AppInfo.NAME + " " + AppInfo.version());
        alert.setContentText("A live map of the Docker hosts on this computer.\n\nJava " + AppInfo.javaVersion()
                + " · JavaFX " + AppInfo.javafxVersion() + "\nLogs: " + Logging.folder());
        alert.show();
    }
}
