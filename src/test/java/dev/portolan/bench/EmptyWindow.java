package dev.portolan.bench;

import dev.portolan.ui.FirstFrame;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up benchmark's baseline: an empty JavaFX window of the main window's size,
 * started the same way as Portolan (a main class that is not the Application, JavaFX on
 * the class path).
 */
public final class EmptyWindow {

    private EmptyWindow() {}

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(), 1280, 800);
            FirstFrame.reportWhenDrawn(scene);
            stage.setScene(scene);
            stage.setTitle("Empty");
            stage.show();
        }
    }
}
