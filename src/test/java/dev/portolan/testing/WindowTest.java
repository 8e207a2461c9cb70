package dev.portolan.testing;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.ui.MainWindow;
import dev.portolan.ui.PortolanApp;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Base of the GUI tests: opens Portolan's real main window (headless glass, see the pom)
 * on an engine the test chooses, and closes it, with its watchers, afterwards.
 */
public abstract class WindowTest extends EngineTest {

    protected final FxRobot robot = new FxRobot();
    protected MainWindow window;
    /** The file dialogs, answered by the test. */
    protected final TestDialogs dialogs = new TestDialogs();
    private Stage stage;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    protected MainWindow open(EndpointResolver resolver) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxThread.run(() -> {
            window = PortolanApp.open(stage, resolver, dialogs);
            // most tests work with a host's tables; the diagram's own test switches back
            window.showDiagram(false);
            // the headless screen is 1000 x 1000: keep the whole window on it, so clicks land
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1000);
            stage.setHeight(800);
        });
        return window;
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxThread.run(() -> {
            // close every other window first (logs, dialogs), then the main one
            for (var w : javafx.stage.Window.getWindows().toArray(javafx.stage.Window[]::new)) {
                if (w != stage) w.hide();
            }
            if (window != null) window.close();
        });
        FxToolkit.hideStage();
    }

    /** The text of a labeled node, read on the FX thread. */
    protected String text(String query) {
        return FxThread.get(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    /** Fires a menu button's item as a click would: headless, a menu's popup gets no clicks. */
    protected void fireMenuItem(String menuButton, String itemId) {
        FxThread.run(() -> ((javafx.scene.control.MenuButton) robot.lookup(menuButton).query()).getItems().stream()
                .filter(i -> itemId.equals(i.getId())).findFirst().orElseThrow().fire());
    }

    /** A picture exported from its Export menu: the PNG as Java reads it, and the SVG's text (checked to parse). */
    protected record Exported(java.awt.image.BufferedImage png, String svg) {}

    /**
     * Exports a picture as PNG and SVG through its menu ({@code prefix}-export, -export-png,
     * -export-svg) into target/{@code folder}/{@code name}.png and .svg, kept for review.
     */
    protected Exported exportPngAndSvg(String prefix, String folder, String name) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", folder));
        java.nio.file.Path png = dir.resolve(name + ".png");
        java.nio.file.Path svg = dir.resolve(name + ".svg");
        java.nio.file.Files.deleteIfExists(png);
        java.nio.file.Files.deleteIfExists(svg);
        dialogs.answer(png);
        dialogs.answer(svg);
        fireMenuItem("#" + prefix + "-export", prefix + "-export-png");
        fireMenuItem("#" + prefix + "-export", prefix + "-export-svg");
        waitFor("both files are written", Duration.ofSeconds(5),
                () -> java.nio.file.Files.exists(png) && java.nio.file.Files.exists(svg));
        var image = javax.imageio.ImageIO.read(png.toFile());
        org.junit.jupiter.api.Assertions.assertNotNull(image, "a PNG that Java can read");
        var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        org.junit.jupiter.api.Assertions.assertEquals("svg", document.getDocumentElement().getNodeName());
        return new Exported(image, java.nio.file.Files.readString(svg));
    }

    protected boolean exists(String query) {
        return FxThread.get(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    protected void waitFor(String what, Duration limit, Supplier<Boolean> onFx) {
        Eventually.within(limit, what, () -> FxThread.get(onFx));
    }
}
