package dev.portolan.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The secondary windows (logs, lab, layers, build, ...): Portolan's stylesheet, closed with Ctrl+W. */
public final class Windows {

    private Windows() {}

    public static Stage stage(Window owner, String title, Parent root, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Windows.class.getResource("/dev/portolan/assets/portolan.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setScene(scene);
        return stage;
    }
}
