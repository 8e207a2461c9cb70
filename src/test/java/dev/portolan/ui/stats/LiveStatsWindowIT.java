package dev.portolan.ui.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.diagram.Layout;
import dev.portolan.ui.diagram.Marks;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * Live stats in the window on the real engine: a busy and an idle container, their CPU moving
 * on their cards and the host's totals in its title; the details of the selected one; the
 * host's Top consumers with the busy one first; and no stream left open once nothing shows.
 */
class LiveStatsWindowIT extends WindowTest {

    @Test
    void statsMoveOnTheCardsInTheDetailsAndInTopAndStopWhenHidden() throws Exception {
        String busy = TestEngine.uniqueName("busy");
        String busyId = engine.create(busy, "sh", "-c", "trap 'exit 0' TERM; while :; do :; done");
        engine.docker().startContainerCmd(busyId).exec();
        engine.runSleeper(TestEngine.uniqueName("idle"));
        open(EndpointResolver.forThisProcess());
        FxThread.run(() -> window.showDiagram(true));
        String key = "local/" + busyId;
        waitFor("the busy card shows its CPU", Duration.ofSeconds(20), () -> {
            Marks.CardStats stats = window.diagram().controller().marks().stats().get(key);
            return stats != null && stats.cpu().length >= 3 && stats.cpu()[stats.cpu().length - 1] > 30;
        });
        int before = FxThread.get(() -> window.diagram().controller().marks().stats().get(key).cpu().length);
        waitFor("and it moves", Duration.ofSeconds(10),
                () -> window.diagram().controller().marks().stats().get(key).cpu().length > before);
        assertTrue(FxThread.get(() -> window.diagram().controller().marks().hostStats().get("local")).startsWith("cpu "),
                "the host's totals are in its title");

        double[] dividers = FxThread.get(() -> robot.lookup(".split-pane").queryAs(javafx.scene.control.SplitPane.class).getDividerPositions());
        FxThread.run(() -> window.diagram().select(key));
        waitFor("the details show its stats", Duration.ofSeconds(5), () -> exists("#details-stats")
                && text("#details-stats").startsWith("CPU\u00a0") && text("#details-stats").contains("Network\u00a0↓"));
        waitFor("and its CPU line", Duration.ofSeconds(5), () -> robot.lookup("#details-cpu").query().isVisible());
        // the stats change every second, and a label draws its new text at the next layout: waited for, not read at once
        waitFor("the details are drawn whole", Duration.ofSeconds(5), () -> drawnWhole(robot.lookup("#details-stats").queryLabeled())
                && drawnWhole(robot.lookup("#details-summary").queryLabeled()));
        assertEquals(java.util.Arrays.toString(dividers), FxThread.get(() -> java.util.Arrays.toString(
                robot.lookup(".split-pane").queryAs(javafx.scene.control.SplitPane.class).getDividerPositions())),
                "the details keep the width the window gave them: the sidebar is not pushed narrower");

        Layout.HostBox local = FxThread.get(() -> window.diagram().layout().host("local"));
        Platform.runLater(() -> window.diagram().menuFor(local).getItems().stream().filter(i -> "top-open".equals(i.getId()))
                .findFirst().orElseThrow().fire());
        waitFor("Top consumers opens", Duration.ofSeconds(5), () -> exists("#top-table"));
        TableView<TopWindow.Row> top = FxThread.get(() -> robot.lookup("#top-table").queryTableView());
        waitFor("the busy one first", Duration.ofSeconds(10), () -> !top.getItems().isEmpty() && top.getItems().getFirst().name().equals(busy));
        assertTrue(text("#top-totals").contains("CPU "), text("#top-totals"));

        // nothing shows any more: the host's tables instead of the diagram, nothing selected, Top closed
        FxThread.run(() -> {
            top.getScene().getWindow().hide();
            window.diagram().select(null);
            window.showDiagram(false);
        });
        var session = FxThread.get(() -> window.session(window.hosts().getFirst()));
        waitFor("no stats stream is left open", Duration.ofSeconds(5), () -> session.stats().streaming() == 0);
        assertEquals(0, session.stats().streaming());
    }
}
