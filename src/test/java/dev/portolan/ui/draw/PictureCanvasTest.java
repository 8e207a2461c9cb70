package dev.portolan.ui.draw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.testing.Eventually;
import dev.portolan.testing.FxThread;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A picture paints while its window shows, and only then: closing the window stops its frame
 * timer, so a closed window's picture (a Layers window's, a view and all it holds) is let go,
 * and no pulse runs for it; shown again, it paints again.
 */
class PictureCanvasTest {

    @BeforeAll
    static void start() {
        FxThread.startToolkit();
    }

    @Test
    void aClosedWindowsPictureStopsPaintingAndIsLetGo() {
        AtomicInteger painted = new AtomicInteger();
        Stage[] stage = new Stage[1];
        WeakReference<PictureCanvas> picture = FxThread.get(() -> {
            PictureCanvas made = new PictureCanvas("test-canvas", (pen, style, visible, scale) -> painted.incrementAndGet(),
                    () -> new Rect(0, 0, 400, 300));
            stage[0] = new Stage();
            stage[0].setScene(new Scene(made.surface(), 400, 300));
            stage[0].show();
            return new WeakReference<>(made);
        });
        Eventually.within(Duration.ofSeconds(5), "painted while shown", () -> painted.get() > 0);

        FxThread.run(() -> stage[0].hide());
        int before = painted.get();
        FxThread.run(() -> stage[0].show()); // shown again: its size is told again, and it paints
        Eventually.within(Duration.ofSeconds(5), "painted again once shown again", () -> painted.get() > before);

        FxThread.run(() -> {
            stage[0].close();
            stage[0] = null;
        });
        Eventually.within(Duration.ofSeconds(10), "the closed window's picture is let go", () -> {
            System.gc();
            return picture.get() == null;
        });
        assertTrue(picture.refersTo(null));
    }
}
