package dev.portolan.ui.labs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestLab;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.model.HostModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lab file opened from the GUI (the file dialog is the one thing stood in for): plan, apply, destroy. */
class LabWindowIT extends WindowTest {

    @TempDir
    Path dir;

    @BeforeEach
    void openWindow() throws Exception {
        open(new EndpointResolver(Map.of(), dir.resolve("docker"), false));
        waitFor("the local host is live", Duration.ofSeconds(10), () -> window.hosts().getFirst().isLive());
    }

    private HostModel host(String name) {
        return FxThread.get(() -> window.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null));
    }

    private boolean linesContain(String text) {
        return robot.lookup("#lab-lines").queryListView().getItems().stream().anyMatch(l -> l.toString().contains(text));
    }

    @Test
    void aLabIsPlannedAppliedAndDestroyedFromItsWindow() throws Exception {
        TestLab lab = TestLab.webDb("gui");
        String name = lab.name();
        Path file = lab.writeTo(dir);
        FxThread.run(() -> window.openLab(file));
        waitFor("the plan is shown", Duration.ofSeconds(10), () -> linesContain("web: create simulated host web"));
        robot.clickOn("#lab-apply");
        waitFor("the lab is applied", Duration.ofSeconds(60),
                () -> robot.lookup("#lab-outcome").queryLabeled().getText().startsWith("Applied in"));
        assertTrue(FxThread.get(() -> linesContain("data: create container db")), "the steps were shown as they ran");
        waitFor("its hosts are live in the sidebar", Duration.ofSeconds(20), () -> host(name + "/web") != null
                && host(name + "/web").isLive() && host(name + "/data") != null && host(name + "/data").isLive());

        robot.clickOn("#lab-remove-data");
        javafx.application.Platform.runLater(() -> robot.lookup("#lab-destroy").queryButton().fire());
        waitFor("destroy asks first", Duration.ofSeconds(3), () -> robot.lookup("OK").tryQuery().isPresent());
        robot.clickOn("OK");
        waitFor("its hosts leave the sidebar", Duration.ofSeconds(30),
                () -> host(name + "/web") == null && host(name + "/data") == null);
    }

    @Test
    void aLabFileWithProblemsShowsThemAndAppliesNothing() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: demo\nhosts:\n  - name: n1\n    provder: simulated\n");
        FxThread.run(() -> window.openLab(file));
        waitFor("the problem is shown where it is", Duration.ofSeconds(5),
                () -> linesContain("bad.yaml:4:5: unknown key 'provder'"));
        assertTrue(FxThread.get(() -> robot.lookup("#lab-apply").query().isDisabled()), "nothing to apply");
    }
}
