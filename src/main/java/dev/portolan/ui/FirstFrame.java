package dev.portolan.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Start-up hooks for packaging and benchmarks, off by default:
 * {@code -Dportolan.report-first-frame=true} prints one line once the window's first frame
 * has been drawn, so another process can time a start from launch to something on screen;
 * {@code -Dportolan.training-run=true} closes the app a few seconds after its first frame,
 * so the packaging's training run (installers/AotTraining.java) ends by itself and the JVM
 * writes the classes it used into the package's AOT cache.
 */
public final class FirstFrame {

    public static final String PROPERTY = "portolan.report-first-frame";
    public static final String TRAINING = "portolan.training-run";
    public static final String LINE = "portolan: first frame";
    /** Long enough for the local engine's inventory to arrive and be drawn, and the first-run screen to ask its engines. */
    private static final long TRAINING_MILLIS = 6_000;

    private FirstFrame() {}

    public static void reportWhenDrawn(Scene scene) {
        boolean report = Boolean.getBoolean(PROPERTY);
        boolean training = Boolean.getBoolean(TRAINING);
        if (!report && !training) return;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // after the pulse that laid the scene out: its frame has been rendered by then
            Platform.runLater(() -> {
                if (report) {
                    System.out.println(LINE);
                    System.out.flush();
                }
                if (training) endTrainingRun();
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static void endTrainingRun() {
        Thread.ofPlatform().daemon().name("training run").start(() -> {
            try {
                Thread.sleep(TRAINING_MILLIS);
                Platform.runLater(Platform::exit);
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(0); // an engine's threads may outlive the window: the JVM must end for the cache to be written
        });
    }
}
