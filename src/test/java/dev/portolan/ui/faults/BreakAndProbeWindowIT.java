package dev.portolan.ui.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.cli.LabCommands;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.testing.DockerCli;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.diagram.DiagramView;
import dev.portolan.ui.diagram.Layout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults and the probe from the window on a real one-host lab: the host paused from its
 * diagram menu and marked, the Faults panel listing it and healing all; a container's packets
 * dropped through the dialog for a time after which the fault heals itself, a wrong duration
 * refused; a lab window switching on the lab's fault list; "Can it reach…?" answering, and its
 * one-click fix (connect to a network) making it reach, then undone.
 */
class BreakAndProbeWindowIT extends WindowTest {

    @TempDir
    Path dir;
    private String lab;
    private Path file;
    private DockerCli docker;

    private static int portolan(String... args) {
        StringWriter out = new StringWriter();
        int code = LabCommands.run(args, new PrintWriter(out), new PrintWriter(out));
        if (code != 0) throw new AssertionError("portolan " + String.join(" ", args) + ": " + out);
        return code;
    }

    @BeforeEach
    void applyLabAndOpen() throws Exception {
        lab = "fltgui" + UUID.randomUUID().toString().substring(0, 5);
        file = Files.writeString(dir.resolve(lab + ".yaml"), """
                name: %s
                hosts:
                  - name: node1
                networks:
                  - {name: shop, host: node1}
                  - {name: back, host: node1}
                containers:
                  - name: app
                    host: node1
                    image: %s
                    networks: [shop]
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                  - name: web
                    host: node1
                    image: %s
                    networks: [shop]
                    command: [httpd, -f, -p, "80", -h, /tmp]
                  - name: api
                    host: node1
                    image: %s
                    networks: [back]
                    command: [httpd, -f, -p, "80", -h, /tmp]
                faults:
                  flaky:
                    - drop: node1/app
                      share: 50%%
                    - drop: node1
                      share: 10%%
                """.formatted(lab, TestEngine.BUSYBOX, TestEngine.BUSYBOX, TestEngine.BUSYBOX));
        portolan("apply", "--host-image=" + TestEngine.DIND, file.toString());
        docker = new DockerCli(dir);
        open(new EndpointResolver(Map.of(), dir.resolve("docker"), false));
        FxThread.run(() -> window.showDiagram(true));
        waitFor("the lab's container is on the diagram", Duration.ofSeconds(30), () -> card("app") != null);
    }

    @AfterEach
    void destroyLab() {
        portolan("fault", "heal", "--all");
        portolan("destroy", "--remove-volumes", file.toString());
    }

    private DiagramView diagram() {
        return FxThread.get(() -> window.diagram());
    }

    private Layout.Card card(String name) {
        return FxThread.get(() -> {
            diagram().refreshNow();
            Layout layout = diagram().layout();
            return layout == null ? null : layout.cardNamed(name);
        });
    }

    private Layout.HostBox hostBox() {
        return FxThread.get(() -> diagram().layout().hosts().stream().filter(h -> h.host().equals(lab + "/node1")).findFirst()
                .orElseThrow());
    }

    /** Fires a menu item found by id anywhere under the item's context menu (submenus included). */
    private void fire(Layout.Item item, String... path) {
        Platform.runLater(() -> {
            var items = window.diagram().menuFor(item).getItems();
            MenuItem found = null;
            for (String id : path) {
                found = items.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError("no " + id));
                if (found instanceof Menu menu) items = menu.getItems();
            }
            found.fire();
        });
    }

    private String paused() throws Exception {
        return docker.run("inspect", "-f", "{{.State.Paused}}", "portolan-" + lab + "-node1").output().strip();
    }

    @Test
    void aHostIsPausedFromItsMenuMarkedListedAndHealedFromThePanel() throws Exception {
        fire(hostBox(), "faults-host", "fault-pause", "fault-pause-until-healed");
        Eventually.within("the engine paused the host", () -> "true".equals(paused()));
        waitFor("the diagram marks it", Duration.ofSeconds(5),
                () -> "paused".equals(diagram().controller().faultMarks().get(lab + "/node1")));
        waitFor("the toolbar counts it", Duration.ofSeconds(5), () -> text("#open-faults").equals("Faults · 1"));

        click("#open-faults");
        waitFor("the panel lists it", Duration.ofSeconds(5), () -> robot.lookup("#faults-table").queryAs(TableView.class)
                .getItems().size() == 1);
        click("#heal-all");
        Eventually.within("the host runs again", () -> "false".equals(paused()));
        waitFor("the panel is empty", Duration.ofSeconds(5), () -> robot.lookup("#faults-table").queryAs(TableView.class)
                .getItems().isEmpty());
        assertTrue(FxThread.get(() -> robot.lookup("#heal-all").query().isDisabled()), "nothing left to heal");
        waitFor("the mark is gone", Duration.ofSeconds(5), () -> diagram().controller().faultMarks().isEmpty());
        waitFor("the status bar says what was healed", Duration.ofSeconds(10),
                () -> text("#status-message").startsWith("Healed: " + lab + "/node1 is unpaused"));
    }

    @Test
    void aContainersPacketsAreDroppedForAWhileThroughTheDialogAndHealThemselves() throws Exception {
        fire(card("app"), "faults-container", "fault-drop");
        waitFor("the dialog asks", Duration.ofSeconds(5), () -> robot.lookup("#fault-inject").tryQuery().isPresent());
        assertTrue(text("#fault-explains").startsWith("Each packet reaching it is dropped with this chance")
                && text("#fault-explains").endsWith("or from the Faults panel (Ctrl+Shift+F)."), "what it does, before: " + text("#fault-explains"));
        assertEquals("Drop packets reaching app on " + lab + "/node1", FxThread.get(() -> ((javafx.scene.control.DialogPane)
                robot.lookup("#fault-inject").query().getScene().getRoot()).getHeaderText()));
        FxThread.run(() -> robot.lookup("#fault-share").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(100));
        FxThread.run(() -> robot.lookup("#fault-duration").queryAs(javafx.scene.control.ComboBox.class).getEditor()
                .setText("3 parsecs"));
        waitFor("a wrong duration is refused", Duration.ofSeconds(5), () -> robot.lookup("#fault-inject").query().isDisabled()
                && text("#fault-problems").contains("'3 parsecs' is not a duration"));
        FxThread.run(() -> robot.lookup("#fault-duration").queryAs(javafx.scene.control.ComboBox.class).getEditor().setText("4s"));
        waitFor("a right one is taken", Duration.ofSeconds(5), () -> !robot.lookup("#fault-inject").query().isDisabled());
        click("#fault-inject");

        String target = lab + "/node1/app";
        waitFor("the card is marked with its timer", Duration.ofSeconds(10),
                () -> String.valueOf(diagram().controller().faultMarks().get(target)).startsWith("drops 100% · 0:0"));
        String rules = inContainer("iptables -w -S INPUT");
        assertTrue(rules.contains("--probability 1") && rules.contains("portolan-fault:"), rules);
        long start = System.nanoTime();
        waitFor("it heals itself when its time is up", Duration.ofSeconds(15),
                () -> diagram().controller().faultMarks().isEmpty());
        System.out.printf("drop for 4 s: healed %.1f s after it was seen%n", (System.nanoTime() - start) / 1e9);
        assertFalse(inContainer("iptables -w -S INPUT").contains("portolan-fault:"), "its rule is gone");
    }

    @Test
    void aLabWindowSwitchesOnTheLabsNamedFaults() throws Exception {
        FxThread.run(() -> window.openLab(file));
        waitFor("the lab's fault lists are offered", Duration.ofSeconds(15),
                () -> robot.lookup("#lab-faults").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        Platform.runLater(() -> robot.lookup("#lab-faults").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                .filter(i -> ("lab-fault-flaky").equals(i.getId())).findFirst().orElseThrow().fire());
        Eventually.within("both of flaky's faults are in force", () -> inContainer("iptables -w -S INPUT").contains("portolan-fault:")
                && docker.run("exec", "portolan-" + lab + "-node1", "iptables", "-w", "-S", "INPUT").output().contains("portolan-fault:"));
        waitFor("the toolbar counts them", Duration.ofSeconds(5), () -> text("#open-faults").equals("Faults · 2"));
        assertTrue(FxThread.get(() -> window.diagram().controller().faultMarks().get(lab + "/node1/app")).startsWith("drops 50%"));
    }

    @Test
    void aContainersMenuAsksWhetherItCanReachAnother() {
        fire(card("app"), "probe-open");
        waitFor("the probe window opens", Duration.ofSeconds(5), () -> robot.lookup("#probe-run").tryQuery().isPresent());
        List<?> offered = FxThread.get(() -> List.copyOf(robot.lookup("#probe-to").queryAs(javafx.scene.control.ComboBox.class).getItems()));
        assertTrue(offered.contains(lab + "/node1/web") && offered.stream().noneMatch(t -> t.toString().contains("portolan-" + lab)),
                "the lab's containers are offered, not the simulated hosts' own: " + offered);
        FxThread.run(() -> robot.lookup("#probe-to").queryAs(javafx.scene.control.ComboBox.class).getEditor().setText("web"));
        click("#probe-run");
        waitFor("the probe answers", Duration.ofSeconds(20), () -> text("#probe-verdict").endsWith("reaches " + lab + "/node1/web."));
        assertEquals(4, FxThread.get(() -> robot.lookup("#probe-checks").queryAs(javafx.scene.control.ListView.class).getItems().size()));
        // drawn on the diagram: from app's card to web's, each check ✓
        var drawn = FxThread.get(() -> diagram().controller().marks().probe());
        assertEquals(new dev.portolan.ui.diagram.Marks.ProbePath(lab + "/node1/app", lab + "/node1/web", true,
                List.of("✓ where", "✓ name", "✓ listening", "✓ connect")), drawn);
        FxThread.run(() -> robot.lookup("#probe-to").queryAs(javafx.scene.control.ComboBox.class).getEditor().setText("web:9999"));
        click("#probe-run");
        waitFor("a port nothing listens on is said so", Duration.ofSeconds(20),
                () -> text("#probe-verdict").contains("does not reach"));
        var failed = FxThread.get(() -> diagram().controller().marks().probe());
        assertTrue(!failed.reaches() && failed.steps().contains("✗ connect"), "drawn red: " + failed);
        FxThread.run(() -> {
            var scene = robot.lookup("#probe-checks").query().getScene();
            scene.getWindow().setWidth(420);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
        robot.sleep(300); // a pulse or two, for the list's own layout
        assertFalse(sidewaysScrollBar("#probe-checks"), "in a narrow window, a failed check's finding and fix wrap in the list");
        assertEquals(List.of(), FxThread.get(() -> robot.lookup("#probe-checks .list-cell").queryAllAs(javafx.scene.control.Labeled.class)
                .stream().filter(c -> c.getText() != null && !drawnWhole(c)).map(c -> c.getText()).toList()),
                "each check is drawn whole, its fix too");
        assertTrue(FxThread.get(() -> drawnWhole(robot.lookup("#probe-verdict").queryLabeled())), "the verdict is drawn whole");

        // no shared network: the one-click fix connects app to back, the probe runs again and reaches; undo takes it back
        FxThread.run(() -> robot.lookup("#probe-to").queryAs(javafx.scene.control.ComboBox.class).getEditor().setText("api"));
        click("#probe-run");
        waitFor("the fix is offered", Duration.ofSeconds(20), () -> exists("#probe-remedy")
                && text("#probe-remedy").equals("Connect app to back"));
        click("#probe-remedy");
        waitFor("connected, it reaches", Duration.ofSeconds(30), () -> text("#probe-verdict").endsWith("reaches " + lab + "/node1/api."));
        click("#probe-undo");
        Eventually.within("app is off back again", () -> !docker.run("exec", "portolan-" + lab + "-node1", "docker", "inspect", "-f",
                "{{json .NetworkSettings.Networks}}", "app").output().contains("\"back\""));
        FxThread.run(() -> robot.lookup("#probe-run").query().getScene().getWindow().hide());
        assertEquals(null, FxThread.get(() -> diagram().controller().marks().probe()), "the path goes with the probe's window");
    }

    @Test
    void aHostsMenuShowsWhoCanTalkToWhomAndAPairIsProbedFromThere() {
        fire(hostBox(), "talk-open");
        waitFor("the pairs are listed", Duration.ofSeconds(5), () -> robot.lookup("#talk-table").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        List<dev.portolan.inventory.Reachability.Pair> pairs = FxThread.get(() -> List.copyOf(
                robot.lookup("#talk-table").queryAs(TableView.class).getItems()));
        String node = lab + "/node1/";
        assertTrue(pairs.contains(new dev.portolan.inventory.Reachability.Pair(node + "app", node + "web",
                dev.portolan.inventory.Reachability.Way.BY_NAME, "on shop")), pairs.toString());
        assertTrue(pairs.contains(new dev.portolan.inventory.Reachability.Pair(node + "app", node + "api",
                dev.portolan.inventory.Reachability.Way.NONE, "no shared network")), pairs.toString());
        // every reason can be read whole: its cell says it, or its tooltip does
        assertEquals(List.of(), FxThread.get(() -> robot.lookup("#talk-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().filter(c -> c.getText() != null && !c.getText().isEmpty()
                        && (c.getTooltip() == null || !c.getTooltip().getText().equals(c.getText())))
                .map(javafx.scene.control.TableCell::getText).toList()), "each cell's text is in its tooltip");
        // Probe on the first row (pairs sorted: api → app, on no shared network): the probe window answers for that pair
        var first = pairs.getFirst();
        assertEquals(dev.portolan.inventory.Reachability.Way.NONE, first.way(), first.toString());
        click(FxThread.get(() -> robot.lookup("#talk-table").lookup(".button").queryButton()));
        try {
            waitFor("the pair is probed", Duration.ofSeconds(20), () -> robot.lookup("#probe-verdict").tryQuery().isPresent()
                    && text("#probe-verdict").equals(first.from() + " does not reach " + first.to() + "."));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": verdict " + FxThread.get(() -> robot.lookup("#probe-verdict").tryQuery()
                    .map(n -> ((javafx.scene.control.Label) n).getText()).orElse("(no probe window)")) + "; status "
                    + text("#status-message"));
        }
    }

    @Test
    void theDetailsPaneOfASelectedContainerOpensTheProbe() {
        Layout.Card app = card("app");
        click(FxThread.get(() -> diagram().toScreen(app.bounds().centerX(), app.bounds().centerY())));
        waitFor("the details pane shows app with its probe", Duration.ofSeconds(10),
                () -> "app".equals(text("#details-title")) && exists("#details-probe"));
        click("#details-probe");
        waitFor("the probe window opens from app", Duration.ofSeconds(5), () -> robot.lookup("#probe-run").tryQuery().isPresent());
    }

    /** Runs a shell line in the container app's network namespace, from its host. */
    private String inContainer(String line) throws Exception {
        String host = "portolan-" + lab + "-node1";
        String pid = docker.run("exec", host, "docker", "inspect", "-f", "{{.State.Pid}}", "app").output().strip();
        return docker.run("exec", host, "nsenter", "-t", pid, "-n", "sh", "-c", line).output();
    }

    /** Waits on a condition read off the FX thread (the engine's answers). */
    private static final class Eventually {
        interface Check {
            boolean holds() throws Exception;
        }

        static void within(String what, Check check) {
            dev.portolan.testing.Eventually.within(Duration.ofSeconds(15), what, () -> {
                try {
                    return check.holds();
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }
}
