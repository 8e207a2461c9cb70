package dev.portolan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window on the real engine: what a person sees on start, on a good and a bad engine. */
class MainWindowIT extends WindowTest {

    @TempDir
    Path dockerConfig;

    @Test
    void showsTheEnginesNameVersionAndCounts() throws Exception {
        engine.runSleeper(TestEngine.uniqueName("counted"));
        open(EndpointResolver.forThisProcess());
        waitFor("the local host is live", Duration.ofSeconds(10), () -> window.hosts().getFirst().isLive());

        var version = engine.docker().versionCmd().exec();
        var info = engine.docker().infoCmd().exec();
        waitForCounts(info.getContainers(), engine.docker().listImagesCmd().exec().size());
        assertTrue(text("#status-host").contains("Docker " + version.getVersion()), text("#status-host"));
        assertTrue(text(".overview-heading").startsWith("local — Docker " + version.getVersion()), "named as the sidebar names it: "
                + text(".overview-heading"));
        assertTrue(FxThread.get(() -> robot.lookup(".facts .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().endsWith(" · named " + info.getName()))), "the engine's own name is one of its facts");
        assertEquals(Integer.toString(engine.docker().listNetworksCmd().exec().size()), text("#count-networks"));
        assertEquals(Integer.toString(engine.docker().listVolumesCmd().exec().getVolumes().size()), text("#count-volumes"));
        // the toolbar's separators stand upright between its buttons (a horizontal one showed as a dash)
        var separators = FxThread.get(() -> robot.lookup(".tool-bar .separator").queryAllAs(javafx.scene.control.Separator.class)
                .stream().map(javafx.scene.control.Separator::getOrientation).toList());
        assertTrue(!separators.isEmpty() && separators.stream().allMatch(javafx.geometry.Orientation.VERTICAL::equals),
                separators.toString());
    }

    @Test
    void theToursMenuSaysHowManyStepsEachTourHasAndWhatItShows() throws Exception {
        open(EndpointResolver.forThisProcess());
        var about = dev.portolan.tour.ShippedTours.about("volumes");
        var item = (javafx.scene.control.CustomMenuItem) FxThread.get(() -> robot.lookup("#tours-menu")
                .queryAs(javafx.scene.control.MenuButton.class).getItems().stream().filter(i -> "tour-volumes".equals(i.getId()))
                .findFirst().orElseThrow());
        assertEquals(about.title(), item.getText());
        var labels = FxThread.get(() -> item.getContent().lookupAll(".label").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        assertEquals(java.util.List.of(about.title(), about.steps() + " steps"), labels, "its title, then its steps (titles only before)");
        assertEquals(about.summary() + "\nFor: " + about.audience(), FxThread.get(() -> {
            var tip = (javafx.scene.control.Tooltip) item.getContent().getProperties().get("javafx.scene.control.Tooltip");
            return tip.getText();
        }));
    }

    @Test
    void aboutSaysTheVersionsAndItsButtonIsReadWhole() throws Exception {
        open(EndpointResolver.forThisProcess());
        // About waits for its answer (showAndWait): fired later, not from inside this call
        javafx.application.Platform.runLater(() -> robot.lookup("#open-about").queryButton().fire());
        waitFor("About opens", Duration.ofSeconds(5), () -> robot.lookup("#about-welcome").tryQuery().isPresent());
        assertTrue(FxThread.get(() -> robot.lookup(".dialog-pane .content").queryLabeled().getText()).contains("JavaFX "));
        assertTrue(FxThread.get(() -> {
            var button = robot.lookup("#about-welcome").queryButton();
            return ((javafx.scene.text.Text) button.lookup(".text")).getText().equals(button.getText());
        }), "'Getting started…' whole, not cut behind …");
        click("OK");
        waitFor("About closes", Duration.ofSeconds(5), () -> robot.lookup("#about-welcome").tryQuery().isEmpty());
    }

    @Test
    void f1ListsEveryShortcutOfTheWindow() throws Exception {
        open(EndpointResolver.forThisProcess());
        waitFor("the local host is live", Duration.ofSeconds(10), () -> window.hosts().getFirst().isLive());
        robot.press(javafx.scene.input.KeyCode.F1).release(javafx.scene.input.KeyCode.F1);
        waitFor("the list opens", Duration.ofSeconds(5), () -> exists("#shortcuts-list"));
        java.util.List<String> shown = FxThread.get(() -> robot.lookup("#shortcuts-list .label").queryAllAs(javafx.scene.control.Label.class)
                .stream().map(javafx.scene.control.Label::getText).toList());
        java.util.Set<String> onTheWindow = FxThread.get(() -> robot.lookup("#view-diagram").query().getScene().getAccelerators().keySet()
                .stream().map(javafx.scene.input.KeyCombination::getDisplayText).collect(java.util.stream.Collectors.toSet()));
        assertTrue(onTheWindow.size() >= 10, onTheWindow.toString());
        assertTrue(shown.containsAll(onTheWindow), "every shortcut on the window is listed: " + onTheWindow + " in " + shown);
        assertTrue(shown.containsAll(java.util.List.of("Open a lab file", "Diagram (click it first)", "Search the picture",
                "A tour, and its presenter view", "Do it: run the step's command")), shown.toString());
        assertEquals(FxThread.get(() -> window.shortcuts().main().size()), onTheWindow.size(), "and nothing listed that is not there");
        var order = FxThread.get(() -> window.shortcuts().main().stream().map(dev.portolan.ui.Shortcuts.Key::keys).toList());
        assertEquals(java.util.List.of("Ctrl+1", "Ctrl+2"), order.subList(0, 2), "the views first: " + order);
        assertEquals("F1", order.getLast(), "the function keys last: " + order);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        waitFor("Esc closes it", Duration.ofSeconds(5), () -> !exists("#shortcuts-list"));
    }

    private void waitForCounts(int containers, int images) {
        waitFor("the counts match the engine", Duration.ofSeconds(5), () ->
                robot.lookup("#count-containers").queryLabeled().getText().equals(Integer.toString(containers))
                && robot.lookup("#count-images").queryLabeled().getText().equals(Integer.toString(images)));
    }

    @Test
    void withNoEngineTheWindowStillOpensAndSaysWhatToDo() throws Exception {
        int closedPort = TestEngine.freePort();
        open(new EndpointResolver(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + closedPort), dockerConfig, false));
        waitFor("the host is shown as unreachable", Duration.ofSeconds(5), () -> robot.lookup(".empty-title")
                .queryAllAs(javafx.scene.control.Label.class).stream().anyMatch(l -> l.isVisible()
                        && l.getText().equals("Cannot reach local")));
        assertTrue(exists("#retry-now"), "a Retry now button is offered");
        String reason = FxThread.get(() -> robot.lookup(".empty-text").queryAllAs(javafx.scene.control.Label.class)
                .stream().filter(javafx.scene.Node::isVisible).findFirst().orElseThrow().getText());
        assertTrue(reason.contains("Nothing answers at tcp://127.0.0.1:" + closedPort), reason);
        assertTrue(reason.contains("Start the engine"), reason);
        assertTrue(text("#status-host").contains("retrying in"), text("#status-host"));
    }

    @Test
    void aBadDockerHostIsNamedInTheWindow() throws Exception {
        open(new EndpointResolver(Map.of("DOCKER_HOST", "localhost:2375"), dockerConfig, false));
        waitFor("the problem is shown", Duration.ofSeconds(5), () -> robot.lookup("#config-problem").tryQuery().isPresent());
        assertTrue(text("#config-problem").contains("DOCKER_HOST is 'localhost:2375'"), text("#config-problem"));
    }
}
