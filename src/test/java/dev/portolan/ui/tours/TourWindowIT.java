package dev.portolan.ui.tours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.cli.LabCommands;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.testing.DockerCli;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.diagram.Layout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tour from the window on a real one-host lab: opened, its lab started, stepped with the
 * keys, a step done (space) and checked, the diagram dimming what the step does not show, a
 * failed check with its hint, R going back, presenter mode with its banner and keys on the
 * main window, and a tour with a mistake refused at its place.
 */
class TourWindowIT extends WindowTest {

    @TempDir
    Path dir;
    private String lab;
    private Path tourFile;
    private DockerCli docker;

    @BeforeEach
    void writeTourAndOpen() throws Exception {
        lab = "trgui" + UUID.randomUUID().toString().substring(0, 5);
        Files.writeString(dir.resolve("lab.yaml"), """
                name: %s
                hosts: [{name: node1}]
                containers:
                  - {name: app, image: busybox:1.36, restart: unless-stopped, command: [sh, -c, "trap 'exit 0' TERM; while true; do sleep 1; done"]}
                  - {name: other, image: busybox:1.36, restart: unless-stopped, command: [sh, -c, "trap 'exit 0' TERM; while true; do sleep 1; done"]}
                """.formatted(lab));
        tourFile = Files.writeString(dir.resolve("demo.tour.yaml"), """
                title: A small tour
                audience: tests
                lab: lab.yaml
                steps:
                  - title: Two containers
                    say: Both **run**.
                    check: {running: [app, other]}
                    hint: press R
                  - title: Stop app
                    say: Stop `app`; `other` goes on.
                    notes: Point at app's card.
                    do: {stop: app}
                    show: app
                    check: {stopped: [app], running: [other]}
                    hint: Stop app from its menu.
                  - title: Ask for the impossible, with a title longer than the list of steps is wide
                    say: app cannot run and be stopped at once.
                    do: {exec: {in: other, command: [sh, -c, "echo a command longer than the tour window is wide, as real ones are > /dev/null"]}}
                    check: {running: [app]}
                    hint: Start app again, then Check.
                    within: 1s
                """);
        docker = new DockerCli(dir);
        open(new EndpointResolver(Map.of(), dir.resolve("docker"), false));
    }

    @AfterEach
    void destroyLab() {
        StringWriter out = new StringWriter();
        LabCommands.run(new String[] {"destroy", "--remove-volumes", dir.resolve("lab.yaml").toString()}, new PrintWriter(out),
                new PrintWriter(out));
    }

    private String state(String container) throws Exception {
        return docker.run("exec", "portolan-" + lab + "-node1", "docker", "inspect", "-f", "{{.State.Status}}", container).output().strip();
    }

    private String resultText() {
        return FxThread.get(() -> String.join("\n", robot.lookup("#tour-result").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList()));
    }

    /** A key typed on the main window's scene, as the projector's keyboard would (headless focus stays where it was). */
    private void pressOnProjector(Node mainRoot, KeyCode key) {
        FxThread.run(() -> javafx.event.Event.fireEvent(mainRoot, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                "", "", key, false, false, false, false)));
    }

    private void press(KeyCode key, Stage in) {
        FxThread.run(in::requestFocus);
        robot.press(key).release(key);
    }

    @Test
    void aTourIsSteppedDoneCheckedResetAndPresented() throws Exception {
        TourWindow tour = FxThread.get(() -> window.openTour(tourFile.toString()));
        Stage tourStage = tour.stage();
        waitFor("its lab starts", Duration.ofSeconds(60), () -> text("#tour-status").startsWith("The lab " + lab + " is ready ("));
        waitFor("the diagram shows the lab", Duration.ofSeconds(30), () -> {
            window.diagram().refreshNow();
            return window.diagram().layout() != null && window.diagram().layout().cardNamed("other") != null;
        });
        assertEquals("Step 1 of 3 · Two containers", text("#tour-step-title"));
        assertFalse(sidewaysScrollBar("#tour-steps"), "a long step title wraps in the list of steps");

        press(KeyCode.RIGHT, tourStage);
        waitFor("→ goes to step 2", Duration.ofSeconds(5), () -> text("#tour-step-title").equals("Step 2 of 3 · Stop app"));
        assertEquals("export DOCKER_CONTEXT=portolan-" + lab + "-node1\ndocker stop app",
                FxThread.get(() -> robot.lookup("#tour-command").queryAs(javafx.scene.control.TextArea.class).getText()));
        // the diagram shows what the step is about, and dims the rest
        waitFor("other is dimmed, app is not", Duration.ofSeconds(10), () -> {
            window.diagram().refreshNow();
            Layout layout = window.diagram().layout();
            Layout.Card app = layout.cardNamed("app");
            Layout.Card other = layout.cardNamed("other");
            return app != null && other != null && window.diagram().controller().dims(other.key())
                    && !window.diagram().controller().dims(app.key());
        });

        press(KeyCode.SPACE, tourStage);
        waitFor("space did the step and it passed", Duration.ofSeconds(30), () -> resultText().contains("✓ app is stopped"));
        assertEquals("exited", state("app"));
        assertTrue(resultText().startsWith("app on node1 is stopped. ("), resultText());
        waitFor("it is said passed", Duration.ofSeconds(5), () -> text("#tour-status").startsWith("Step 2 passed"));

        press(KeyCode.RIGHT, tourStage);
        waitFor("step 3's command is shown", Duration.ofSeconds(5), () -> robot.lookup("#tour-command")
                .queryAs(javafx.scene.control.TextArea.class).getText().contains("as real ones are"));
        assertEquals("", text("#tour-status"), "step 2's verdict is not left under step 3");
        assertFalse(FxThread.get(() -> robot.lookup("#tour-command").query().lookupAll(".scroll-bar").stream()
                .anyMatch(javafx.scene.Node::isVisible)), "a long command wraps and is shown whole, with no scroll bar");
        click("#tour-check");
        waitFor("a failed check shows its hint", Duration.ofSeconds(15), () -> resultText().contains("Hint: Start app again, then Check."));
        assertTrue(resultText().contains("✗ app is running — stopped"), resultText());

        press(KeyCode.R, tourStage);
        waitFor("R goes back: the lab as its file says", Duration.ofSeconds(60), () -> text("#tour-status").startsWith("Back to before step 3"));
        assertEquals("running", state("app"));
        click("#tour-check");
        waitFor("now the check holds", Duration.ofSeconds(15), () -> resultText().contains("✓ app is running"));

        // presenter mode: the main window shows the banner in large type and takes the keys
        click("#tour-present");
        Node mainRoot = FxThread.get(() -> window.root());
        waitFor("the main window presents", Duration.ofSeconds(5), () -> mainRoot.getStyleClass().contains("presenting")
                && mainRoot.lookup("#tour-banner") != null);
        assertTrue(FxThread.get(() -> tourStage.getScene().getRoot().getStyleClass().contains("speaker")));
        waitFor("the timer runs", Duration.ofSeconds(5), () -> text("#tour-timer").matches("0:0\\d"));
        pressOnProjector(mainRoot, KeyCode.LEFT);
        waitFor("← on the projector goes back", Duration.ofSeconds(5), () -> text("#tour-step-title").startsWith("Step 2 of 3"));
        assertTrue(FxThread.get(() -> ((javafx.scene.control.Label) mainRoot.lookup(".tour-banner-title")).getText())
                .equals("2 / 3  Stop app"));
        pressOnProjector(mainRoot, KeyCode.ESCAPE);
        waitFor("Esc ends presenting", Duration.ofSeconds(5), () -> !mainRoot.getStyleClass().contains("presenting"));
        assertFalse(FxThread.get(() -> tourStage.getScene().getRoot().getStyleClass().contains("speaker")));

        FxThread.run(tourStage::close);
        waitFor("closing the tour ends its focus", Duration.ofSeconds(5), () -> window.diagram().controller().filter().words().isEmpty());
    }

    @Test
    void theTourFileIsEditedWithItsProblemsAtTheirPlaceAndCompletion() throws Exception {
        dev.portolan.tour.Tour tour = dev.portolan.tour.TourFile.read(tourFile);
        java.util.List<Path> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        TourEditor editor = FxThread.get(() -> TourEditor.open(null, tour, dialogs, started::add));
        waitFor("a good tour has no problems", Duration.ofSeconds(5),
                () -> text("#tour-editor-outcome").equals("No problems: the tour can start."));
        var area = FxThread.get(() -> (org.fxmisc.richtext.CodeArea) editor.stage().getScene().lookup("#tour-editor"));
        FxThread.run(() -> area.replaceText(area.getText().replace("do: {stop: app}", "do:\n      stop: oth")));
        // Ctrl+Space with one candidate puts it in, as editors do
        FxThread.run(() -> {
            area.moveTo(area.getText().indexOf("stop: oth") + "stop: oth".length());
            area.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        waitFor("the lab's container is completed", Duration.ofSeconds(5), () -> area.getText().contains("stop: other\n"));
        FxThread.run(() -> area.replaceText(area.getText().replace("stop: other", "stop: node7/other")));
        waitFor("a mistake is listed at its line and column", Duration.ofSeconds(5), () -> robot.lookup("#tour-editor-problems")
                .queryAs(javafx.scene.control.ListView.class).getItems().stream().anyMatch(p -> String.valueOf(p)
                        .startsWith("demo.tour.yaml:13:7: node7 is not a host of the lab " + lab)));
        assertTrue(FxThread.get(() -> robot.lookup("#tour-editor-start").query().isDisabled()));
        FxThread.run(() -> area.replaceText(area.getText().replace("stop: node7/other", "stop: other")));
        waitFor("fixed, it can start", Duration.ofSeconds(5), () -> !robot.lookup("#tour-editor-start").query().isDisabled());
        click("#tour-editor-start");
        waitFor("start saves the file and opens it", Duration.ofSeconds(5), () -> started.equals(java.util.List.of(tourFile)));
        assertTrue(Files.readString(tourFile).contains("      stop: other\n"));
    }

    @Test
    void aTourWithAMistakeIsRefusedAtItsPlace() throws Exception {
        Files.writeString(tourFile, Files.readString(tourFile).replace("do: {stop: app}", "do: {stop: node9/app}"));
        assertNull(FxThread.get(() -> window.openTour(tourFile.toString())));
        waitFor("the status bar says where", Duration.ofSeconds(5), () -> text("#status-message").contains("demo.tour.yaml:12:")
                && text("#status-message").contains("node9 is not a host of the lab " + lab));
        assertTrue(docker.run("ps", "-a", "-q", "--filter", "name=portolan-" + lab).output().isBlank(), "nothing was made");
    }
}
