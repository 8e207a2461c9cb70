package dev.portolan.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.HealthCheck;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.inventory.EngineEvent;
import dev.portolan.inventory.EventLog;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.diagram.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "What went wrong" from the window on the real engine: a container that crashes is marked on
 * its card with its exit code, its details keep the lines it printed before dying; the events
 * timeline (Ctrl+Shift+E) lists its death, its filters narrow to it, selecting the event
 * selects its card on the diagram, and Export writes what the filter shows as JSON lines.
 */
class WhatWentWrongWindowIT extends WindowTest {

    @TempDir
    Path dir;

    @Test
    void aCrashIsMarkedOnItsCardExplainedInDetailsAndFoundInTheTimeline() throws Exception {
        open(EndpointResolver.forThisProcess());
        FxThread.run(() -> window.showDiagram(true));
        String name = TestEngine.uniqueName("crashy");
        String quiet = TestEngine.uniqueName("quiet");
        engine.runSleeper(quiet);
        String id = engine.create(name, "sh", "-c", "echo 'config missing: /etc/crashy.conf'; exit 2");
        engine.docker().startContainerCmd(id).exec();

        String key = "local/" + id;
        waitFor("the card is marked with its exit code", Duration.ofSeconds(15), () -> {
            window.diagram().refreshNow();
            return "exit 2".equals(window.diagram().controller().troubleMarks().get(key));
        });
        Layout.Card card = FxThread.get(() -> window.diagram().layout().cardNamed(name));
        assertEquals(key, card.key());
        assertFalse(FxThread.get(() -> window.diagram().controller().troubleMarks().keySet().stream()
                .anyMatch(k -> k.endsWith(engine.docker().inspectContainerCmd(quiet).exec().getId()))), "a running container is fine");

        FxThread.run(() -> window.diagram().select(key));
        waitFor("the details say what is wrong", Duration.ofSeconds(10), () -> exists("#details-trouble")
                && text("#details-trouble").contains("exit 2") && text("#details-trouble").contains("called wrongly"));
        waitFor("its last words are in the details", Duration.ofSeconds(10), () -> exists("#details-last-words")
                && robot.lookup("#details-last-words").queryAs(TextArea.class).getText().contains("config missing: /etc/crashy.conf"));

        // more events than the table has rows for, before it opens
        String quietId = engine.docker().inspectContainerCmd(quiet).exec().getId();
        for (int i = 0; i < 30; i++) engine.docker().renameContainerCmd(quietId).withName(quiet + "-" + i).exec();
        waitFor("the renames are heard", Duration.ofSeconds(10), () -> { // the card follows its events into the log
            window.diagram().refreshNow();
            return window.diagram().layout().cardNamed(quiet + "-29") != null;
        });

        // the timeline, from the keyboard: it opens on the newest event
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor("the timeline opens", Duration.ofSeconds(5), () -> exists("#timeline-table"));
        TableView<EngineEvent> table = FxThread.get(() -> robot.lookup("#timeline-table").queryTableView());
        waitFor("its death is listed", Duration.ofSeconds(10), () -> table.getItems().stream()
                .anyMatch(e -> e.id().equals(id) && e.verb().equals("die")));
        waitFor("the newest event is in view", Duration.ofSeconds(5), () -> lastRowInView(table));
        robot.moveTo("#timeline-table").scroll(5, javafx.geometry.VerticalDirection.UP);
        waitFor("scrolling up to read turns Follow off", Duration.ofSeconds(5),
                () -> !FxThread.get(() -> robot.lookup("#timeline-follow").queryAs(javafx.scene.control.ToggleButton.class).isSelected()));
        FxThread.run(() -> table.scrollTo(0));
        waitFor("the oldest stays in view", Duration.ofSeconds(5), () -> !lastRowInView(table));
        click("#timeline-follow");
        waitFor("Follow brings the newest back", Duration.ofSeconds(5), () -> lastRowInView(table));
        int before = FxThread.get(() -> table.getItems().size());
        FxThread.run(() -> {
            robot.lookup("#timeline-container").queryAs(TextField.class).setText(name);
            robot.lookup("#timeline-problems").queryAs(CheckBox.class).setSelected(true);
        });
        List<EngineEvent> shown = FxThread.get(() -> new ArrayList<>(table.getItems()));
        assertEquals(1, shown.size(), "problems of that container only: " + shown);
        assertEquals("died · exit 2", shown.getFirst().text());
        assertTrue(before > shown.size(), "the filter narrowed " + before + " events");
        assertTrue(text("#timeline-count").startsWith("1 event shown of "), text("#timeline-count"));

        // selecting the event selects its card; the main window's diagram follows
        FxThread.run(() -> {
            window.diagram().select(null);
            table.getSelectionModel().select(0);
        });
        assertEquals(java.util.Set.of(key), FxThread.get(() -> window.diagram().selectedKeys()));
        assertEquals("Selected " + name + " on the diagram", text("#timeline-said"));

        // export what the filter shows, as JSON lines
        FxThread.run(() -> robot.lookup("#timeline-problems").queryAs(CheckBox.class).setSelected(false));
        int rows = FxThread.get(() -> table.getItems().size());
        assertTrue(rows >= 3, "create, start, die at least: " + rows);
        Path file = dir.resolve("events.jsonl");
        dialogs.answer(file);
        click("#timeline-export");
        waitFor("the export is done", Duration.ofSeconds(10), () -> text("#timeline-said").contains("written to events.jsonl"));
        List<String> lines = Files.readAllLines(file);
        assertEquals(rows, lines.size());
        for (String line : lines) assertEquals(id, EventLog.fromJson(line).id(), line);

        // a removed container's event says so when selected
        engine.docker().removeContainerCmd(id).withForce(true).exec();
        waitFor("its destroy is listed", Duration.ofSeconds(10), () -> table.getItems().stream()
                .anyMatch(e -> e.verb().equals("destroy")));
        waitFor("the card is gone", Duration.ofSeconds(10), () -> {
            window.diagram().refreshNow();
            return window.diagram().layout().cardNamed(name) == null;
        });
        FxThread.run(() -> table.getSelectionModel().select(0));
        assertEquals(name + " is no longer on local", text("#timeline-said"));
        Map<String, String> marks = FxThread.get(() -> window.diagram().controller().troubleMarks());
        assertFalse(marks.containsKey(key), "its mark went with it");
    }

    private static boolean lastRowInView(TableView<EngineEvent> table) {
        return FxThread.get(() -> {
            var flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
            var last = flow == null ? null : flow.getLastVisibleCell();
            return last != null && table.getItems().size() > 12 && last.getIndex() == table.getItems().size() - 1;
        });
    }

    /** A check each second makes three exec events a second: hidden unless asked for, with its verdict and a person's exec shown. */
    @Test
    void aHealthChecksProbesAreHiddenUntilAskedForAndItsVerdictStays() throws Exception {
        open(EndpointResolver.forThisProcess());
        String name = TestEngine.uniqueName("checked");
        String id = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(name)
                .withLabels(Map.of(TestEngine.LABEL, "true")).withCmd(TestEngine.SLEEPER).withStopTimeout(1)
                .withHealthcheck(new HealthCheck().withTest(List.of("CMD-SHELL", "test -d /")).withInterval(1_000_000_000L))
                .exec().getId();
        engine.docker().startContainerCmd(id).exec();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor("the timeline opens", Duration.ofSeconds(5), () -> exists("#timeline-table"));
        TableView<EngineEvent> table = FxThread.get(() -> robot.lookup("#timeline-table").queryTableView());
        FxThread.run(() -> robot.lookup("#timeline-container").queryAs(TextField.class).setText(name));
        waitFor("its verdict is shown", Duration.ofSeconds(15), () -> table.getItems().stream()
                .anyMatch(e -> e.action().equals("health_status: healthy")));
        var exec = engine.docker().execCreateCmd(id).withCmd("true").exec();
        engine.docker().execStartCmd(exec.getId()).start().awaitCompletion();
        waitFor("a person's exec is shown", Duration.ofSeconds(10), () -> table.getItems().stream()
                .anyMatch(e -> e.verb().equals("exec_die") && exec.getId().equals(e.attributes().get("execID"))));
        List<EngineEvent> hidden = FxThread.get(() -> new ArrayList<>(table.getItems()));
        assertTrue(hidden.stream().noneMatch(EngineEvent::isHealthCheck), hidden.toString());
        assertTrue(hidden.stream().noneMatch(e -> e.action().endsWith("test -d /")), "no probe shows: " + hidden);

        FxThread.run(() -> robot.lookup("#timeline-hide-health-checks").queryAs(CheckBox.class).setSelected(false));
        List<EngineEvent> all = FxThread.get(() -> new ArrayList<>(table.getItems()));
        List<String> probe = all.stream().filter(EngineEvent::isHealthCheck).map(EngineEvent::verb).distinct().sorted().toList();
        assertEquals(List.of("exec_create", "exec_die", "exec_start"), probe, "each of a probe's events: " + all);
        assertTrue(all.stream().filter(e -> e.action().startsWith("exec_create: /bin/sh -c test -d /")).allMatch(EngineEvent::isHealthCheck));
        assertTrue(all.size() > hidden.size() + 2, all.size() + " shown of which " + hidden.size() + " with probes hidden");

        // filtered down to nothing: the empty list says the filters hide them, not that there are none
        FxThread.run(() -> robot.lookup("#timeline-container").queryAs(TextField.class).setText("no-such-container"));
        waitFor("the list is empty", Duration.ofSeconds(5), () -> table.getItems().isEmpty());
        waitFor("it says the filters hide them", Duration.ofSeconds(5), () -> robot.lookup("#timeline-empty").tryQuery()
                .map(l -> ((Label) l).getText().matches("None of the [0-9,]+ events matches the filters\\. Clear filters to see them\\."))
                .orElse(false), () -> robot.lookup("#timeline-empty").tryQuery().map(l -> ((Label) l).getText()).orElse("(not shown)"));
        FxThread.run(() -> robot.lookup("#timeline-hide-health-checks").queryAs(CheckBox.class).setSelected(true));
        assertTrue(text("#timeline-empty").endsWith("matches the filters (health checks are hidden). Clear filters, or untick Hide"
                + " health checks, to see them."), text("#timeline-empty"));
    }
}
