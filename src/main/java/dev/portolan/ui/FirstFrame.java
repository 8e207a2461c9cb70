package dev.portolan.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For the start-up benchmark: with {@code -Dportolan.report-first-frame=true} the window
 * prints one line once its first frame has been drawn, so another process can time a start
 * from launch to something on screen. Off by default: nothing is printed.
 */
public final class FirstFrame {

    public static final String PROPERTY = "portolan.report-first-frame";
    public static final String LINE = "portolan: first frame";

    private FirstFrame() {}

    public static void reportWhenDrawn(Scene scene) {
        if (!Boolean.getBoolean(PROPERTY)) return;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // after the pulse that laid the scene out: its frame has been rendered by then
            Platform.runLater(() -> {
                System.out.println(LINE);
                System.out.flush();
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
