package dev.portolan.testing;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.ui.MainWindow;
import dev.portolan.ui.PortolanApp;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.api.FxToolkit;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

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
        // an exception on any thread is queued by TestFX and thrown into whichever test calls it
        // next, one per test: a burst of them once failed forty tests that had nothing to do with
        // it. Each test answers for its own instead (see checkUncaughtExceptions).
        WaitForAsyncUtils.autoCheckException = false;
        WaitForAsyncUtils.printException = false;
        FxToolkit.registerPrimaryStage();
        for (Throwable before : uncaughtExceptions()) {
            System.err.println("An exception escaped a thread before this test class:");
            before.printStackTrace();
        }
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
        checkUncaughtExceptions();
    }

    /**
     * Fails the test that just ran with the first exception that escaped one of Portolan's
     * threads while it ran. JavaFX's own, with no Portolan frame (its bounds cache racing a
     * read from another thread, TestFX#813), are printed and fail nothing more: what they
     * broke on screen, the test's own waits see.
     */
    private static void checkUncaughtExceptions() {
        Throwable ours = null;
        for (Throwable t : uncaughtExceptions()) {
            if (ours == null && isPortolans(t)) {
                ours = t;
            } else {
                System.err.println("An exception escaped a thread during this test (not failing it):");
                t.printStackTrace();
            }
        }
        if (ours != null) throw new AssertionError("an exception escaped a thread during this test", ours);
    }

    /** What TestFX has queued since the last call, oldest first. */
    private static java.util.List<Throwable> uncaughtExceptions() {
        var found = new java.util.ArrayList<Throwable>();
        while (found.size() < 1000) {
            try {
                WaitForAsyncUtils.checkException();
                break;
            } catch (Throwable t) {
                found.add(t);
            }
        }
        WaitForAsyncUtils.clearExceptions();
        return found;
    }

    private static boolean isPortolans(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            for (var frame : c.getStackTrace()) {
                if (frame.getClassName().startsWith("dev.portolan.")) return true;
            }
        }
        return false;
    }

    /**
     * Clicks the visible node a query finds, as {@code robot.clickOn(query)} does, but finds
     * it and reads where it is on the FX thread: TestFX reads a live node's bounds on the
     * test thread, which races a pulse and can leave a Parent's bounds cache broken (TestFX#813).
     */
    protected FxRobotInterface click(String query) {
        return clickWhereSettled(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery()
                .orElseThrow(() -> new AssertionError("nothing visible matches " + query)));
    }

    /** Clicks the middle of a node, read on the FX thread (see {@link #click(String)}). */
    protected FxRobotInterface click(Node node) {
        return clickWhereSettled(() -> node);
    }

    /**
     * Moves to the node, then reads again where it is once the mouse is there, as TestFX does
     * (a window still laying out moves its buttons), and clicks where it is now.
     */
    private FxRobotInterface clickWhereSettled(Supplier<Node> find) {
        Point2D at = FxThread.get(() -> robot.point(find.get()).query());
        for (int moves = 0; moves < 5; moves++) {
            robot.moveTo(at);
            Point2D now = FxThread.get(() -> robot.point(find.get()).query());
            if (now.equals(at)) break;
            at = now;
        }
        return robot.clickOn(at);
    }

    protected FxRobotInterface click(Point2D onScreen) {
        return robot.clickOn(onScreen);
    }

    /**
     * Clicks a text field and types into it as a person would. TestFX types into the focused
     * window, and a click does not always focus a window under headless glass: the field's
     * window and the field are given the focus a click gives on a desktop.
     */
    protected void type(String query, String text) {
        click(query);
        FxThread.run(() -> {
            Node field = robot.lookup(query).match(NodeQueryUtils.isVisible()).query();
            field.getScene().getWindow().requestFocus();
            field.requestFocus();
        });
        robot.write(text);
    }

    /** Clears a text field, then types into it (see {@link #type}). */
    protected void retype(String query, String text) {
        FxThread.run(() -> robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class).clear());
        type(query, text);
    }

    /** The text of a labeled node, read on the FX thread. */
    protected String text(String query) {
        return FxThread.get(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    /**
     * Whether a label, cell or button draws its whole text, not cut to "…" (FX thread). A label
     * draws a new text at its next layout: for a text that changes, wait for this, do not read it once.
     */
    protected static boolean drawnWhole(Labeled labeled) {
        var drawn = (javafx.scene.text.Text) labeled.lookup(".text");
        return drawn != null && drawn.getText().equals(labeled.getText());
    }

    /**
     * How many faults in force strike {@code hosts} (a lab, or one LAB/HOST), as the shared list
     * has them: other tests' faults may be in it too, so a test counts its own.
     */
    protected static long faultsOn(String hosts) {
        return new dev.portolan.host.faults.FaultBook(dev.portolan.app.UserDirectories.forThisUser().config()).list().stream()
                .filter(f -> dev.portolan.operations.Faults.strikes(f, hosts)).count();
    }

    /** Whether the toolbar's Faults button counts what the shared list holds. */
    protected boolean faultsCounted() {
        int held = new dev.portolan.host.faults.FaultBook(dev.portolan.app.UserDirectories.forThisUser().config()).list().size();
        return text("#open-faults").equals(held == 0 ? "Faults" : "Faults · " + held);
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

    /** Whether the list (or any scrolling control) shows a horizontal scroll bar: its lines are cut off on the right. */
    protected boolean sidewaysScrollBar(String query) {
        return FxThread.get(() -> robot.lookup(query).query().lookupAll(".scroll-bar").stream()
                .map(javafx.scene.control.ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible()));
    }

    protected boolean exists(String query) {
        return FxThread.get(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    protected void waitFor(String what, Duration limit, Supplier<Boolean> onFx) {
        Eventually.within(limit, what, () -> FxThread.get(onFx));
    }

    /** The same; when it does not happen, the failure also says what {@code seen} (read then) says. */
    protected void waitFor(String what, Duration limit, Supplier<Boolean> onFx, Supplier<String> seen) {
        Eventually.within(limit, what, () -> FxThread.get(onFx), seen);
    }
}
