package dev.portolan.ui.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.diagram.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merged logs from the window on the real engine: two containers' lines, printed in turns,
 * shown in the order they were printed whatever order their streams deliver them, each
 * container's name in its own colour; search narrows, Save writes them with their times; a
 * container that stops says so among the lines; the menu of two selected cards opens theirs.
 */
class MergedLogsWindowIT extends WindowTest {

    @TempDir
    Path dir;

    private static String run(String name, String script) {
        String id = engine.create(name, "sh", "-c", script);
        engine.docker().startContainerCmd(id).exec();
        return id;
    }

    @SuppressWarnings("unchecked")
    private ListView<MergedLog.Entry> lines() {
        return FxThread.get(() -> robot.lookup("#merged-log-lines").queryAs(ListView.class));
    }

    private List<String> texts() {
        return FxThread.get(() -> lines().getItems().stream().map(MergedLog.Entry::text).toList());
    }

    @Test
    void twoContainersLogsAreMergedInTheOrderTheyWerePrinted() throws Exception {
        open(EndpointResolver.forThisProcess());
        FxThread.run(() -> window.showDiagram(true));
        String a = TestEngine.uniqueName("ping");
        String b = TestEngine.uniqueName("pong");
        // B starts up to a second after A here: its lines fall between A's all the same
        String idA = run(a, "trap 'exit 0' TERM; echo one; sleep 2; echo three; sleep 3600 & wait");
        String idB = run(b, "trap 'exit 0' TERM; sleep 0.5; echo two; sleep 2; echo four; sleep 3600 & wait");
        Thread.sleep(4000); // all printed before the window opens: each stream sends its tail at once, one after the other
        waitFor("both cards are drawn", Duration.ofSeconds(10), () -> {
            window.diagram().refreshNow();
            return window.diagram().layout().cardNamed(a) != null && window.diagram().layout().cardNamed(b) != null;
        });

        // two cards selected: the menu of one of them offers their logs, merged
        FxThread.run(() -> {
            window.diagram().select("local/" + idA);
            window.diagram().controller().click(window.diagram().layout().card("local/" + idB), true);
        });
        Layout.Card card = FxThread.get(() -> window.diagram().layout().cardNamed(a));
        Platform.runLater(() -> {
            MenuItem item = window.diagram().menuFor(card).getItems().stream().filter(i -> "merged-logs-selected".equals(i.getId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no merged logs item for two selected cards"));
            assertEquals("Logs of the 2, merged…", item.getText());
            item.fire();
        });
        waitFor("the merged log opens", Duration.ofSeconds(5), () -> exists("#merged-log-lines"));
        waitFor("four lines, in the order printed", Duration.ofSeconds(10), () -> texts().size() >= 4);
        assertEquals(List.of("one", "two", "three", "four"), texts());
        List<MergedLog.Entry> entries = FxThread.get(() -> List.copyOf(lines().getItems()));
        for (int i = 1; i < entries.size(); i++) assertTrue(!entries.get(i).time().isBefore(entries.get(i - 1).time()), "by time: " + entries);
        assertEquals(entries.get(0).source(), entries.get(2).source());
        assertNotEquals(entries.get(0).source(), entries.get(1).source(), "each container is told apart");
        assertTrue(text("#merged-log-count").startsWith("4 lines from 2 containers"), text("#merged-log-count"));

        // search: a part of a line or a container's name
        FxThread.run(() -> robot.lookup("#merged-log-search").queryAs(TextField.class).setText("o"));
        assertEquals(List.of("one", "two", "four"), texts());
        FxThread.run(() -> robot.lookup("#merged-log-search").queryAs(TextField.class).setText(b));
        assertEquals(List.of("two", "four"), texts());
        FxThread.run(() -> robot.lookup("#merged-log-search").queryAs(TextField.class).setText(""));

        // save what is shown
        Path file = dir.resolve("logs.txt");
        dialogs.answer(file);
        FxThread.run(() -> robot.lookup("#merged-log-save").queryButton().fire());
        waitFor("saved", Duration.ofSeconds(10), () -> text("#merged-log-said").contains("saved to logs.txt"));
        List<String> saved = Files.readAllLines(file);
        assertEquals(4, saved.size());
        assertTrue(saved.get(1).matches("\\S+Z local/" + b + " \\| two"), saved.get(1));

        // a line printed now lands at the end; a stop says so among the lines
        engine.docker().stopContainerCmd(idB).withTimeout(2).exec();
        waitFor("the stop is told", Duration.ofSeconds(10), () -> texts().stream().anyMatch(t -> t.equals(b + "'s log ended: it is not running.")));
    }
}
