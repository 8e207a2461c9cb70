package dev.portolan.ui.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.inventory.SwarmSnapshot;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.Labs;
import dev.portolan.testing.DockerCli;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Swarm window (#20) on a real two-node Swarm: opened from the toolbar on the lab, it draws
 * each node's tasks as `docker service ps` lists them, and exports as a PNG; a replica count that is not a number is
 * refused in a sentence; scaled from the panel, the picture follows the engine; a node drained
 * from its panel shows its tasks moved and how long that took; a stopped manager is said.
 */
class SwarmWindowIT extends WindowTest {

    private static final Duration SETTLES = Duration.ofSeconds(60);

    @Test
    void theSwarmIsDrawnLiveScaledAndDrainedFromTheWindowAndALostManagerIsSaid(@TempDir Path dir) throws Exception {
        String name = "swwin" + UUID.randomUUID().toString().substring(0, 5);
        LabSpec lab = LabFile.parse("""
                name: %s
                hosts: [{name: manager}, {name: worker}]
                networks: [{name: appnet, driver: overlay}]
                swarm:
                  managers: [manager]
                  workers: [worker]
                  services:
                    - name: web
                      image: %s
                      replicas: 2
                      command: [sh, -c, "trap 'exit 0' TERM; sleep 3600 & wait"]
                      networks: [appnet]
                """.formatted(name, TestEngine.BUSYBOX), "lab.yaml", dir);
        SimulatedHosts simulated = new SimulatedHosts(engine.docker(), dev.portolan.app.UserDirectories.forThisUser().config(),
                new DockerContexts(dir.resolve("docker")));
        Labs labs = new Labs(engine.docker(), simulated, TestEngine.DIND);
        DockerCli docker = new DockerCli(dir.resolve("docker"));
        try {
            labs.apply(lab, Progress.NONE);
            open(EndpointResolver.forThisProcess());
            waitFor("the lab's hosts are in the window", SETTLES, () -> window.hosts().stream()
                    .filter(h -> h.name().startsWith(name + "/") && h.isLive()).count() == 2);

            click("#open-swarm");
            waitFor("the Swarm window is open", Duration.ofSeconds(10), () -> robot.lookup("#swarm-choice").tryQuery().isPresent());
            // hosts in no Swarm: a word on how to start one, not an alarm
            FxThread.run(() -> robot.lookup("#swarm-choice").queryComboBox().getSelectionModel().select("local"));
            waitFor("the local engine is said to be in no Swarm", Duration.ofSeconds(20), () -> exists("#swarm-none")
                    && text("#swarm-none").startsWith("local is in no Swarm. Start a Swarm") && !exists("#swarm-lost"));
            FxThread.run(() -> robot.lookup("#swarm-choice").queryComboBox().getSelectionModel().select(name));
            waitFor("both nodes and both tasks are drawn", SETTLES, () -> tasks().size() == 2
                    && robot.lookup("#swarm-node-manager").tryQuery().isPresent() && robot.lookup("#swarm-node-worker").tryQuery().isPresent());
            assertEquals(servicePs(docker, simulated, name), drawnTasks(), "the picture is what docker service ps says");
            // a new service is offered the images every node has (there is no registry to pull one from)
            waitFor("the images on both nodes are offered", Duration.ofSeconds(5), () -> robot.lookup("#swarm-new-image").tryQuery()
                    .map(n -> ((javafx.scene.control.ComboBox<?>) n).getItems().contains(TestEngine.BUSYBOX + ":latest")).orElse(false));
            assertTrue(FxThread.get(() -> robot.lookup("#swarm-node-manager").queryAs(VBox.class).getChildren().stream()
                    .filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText()).toList()).contains("★ manager"), "the leader is starred");

            // exported as the window draws it; a folder that cannot be written is said, with what to do
            Path png = Files.createDirectories(Path.of("target", "swarm-window")).resolve("swarm.png");
            Files.deleteIfExists(png);
            dialogs.answer(png);
            click("#swarm-export-png");
            waitFor("the picture is exported", Duration.ofSeconds(10), () -> text("#swarm-status").equals("Exported the Swarm picture to " + png));
            var image = javax.imageio.ImageIO.read(png.toFile());
            var drawnSize = FxThread.get(() -> robot.lookup(".swarm-picture").query().getLayoutBounds());
            assertEquals((int) Math.ceil(drawnSize.getWidth()), image.getWidth(), "the whole picture, at 100 %");
            assertEquals((int) Math.ceil(drawnSize.getHeight()), image.getHeight());
            assertTrue(colours(image) > 20, "the picture is drawn in it, not a blank: " + colours(image) + " colours");
            Path nowhere = dir.resolve("no-such-folder").resolve("swarm.png");
            dialogs.answer(nowhere);
            click("#swarm-export-png");
            waitFor("the failure is said", Duration.ofSeconds(10), () -> text("#swarm-status").startsWith(
                    "Exporting the Swarm picture to " + nowhere + " failed") && text("#swarm-status").endsWith("Choose a folder you can write to."));

            // the overlay is probed once, by itself: across hosts it works; the kernel's IPVS is said either way
            waitFor("the overlay is checked", SETTLES, () -> text("#swarm-overlay").startsWith("Tasks reach each other across hosts"));
            System.out.println("the window says of the overlay: " + text("#swarm-overlay"));
            if (text("#swarm-overlay").contains("has no IPVS")) {
                var classes = FxThread.get(() -> List.copyOf(robot.lookup("#swarm-overlay").query().getStyleClass()));
                assertTrue(classes.contains("swarm-warning") && !classes.contains("swarm-problem"),
                        "tasks reach each other, only IPVS is missing: a warning, not all red: " + classes);
            }

            // a replica count that is not a number: a sentence, nothing changed
            double chipHeight = FxThread.get(() -> robot.lookup("#swarm-service-web").query().getBoundsInParent().getHeight());
            click("#swarm-service-web");
            waitFor("the service's panel", Duration.ofSeconds(5), () -> robot.lookup("#swarm-replicas").tryQuery().isPresent());
            waitFor("the service is drawn selected", Duration.ofSeconds(5),
                    () -> FxThread.get(() -> robot.lookup("#swarm-service-web").query().getStyleClass().contains("selected")));
            assertEquals(chipHeight, FxThread.get(() -> robot.lookup("#swarm-service-web").query().getBoundsInParent().getHeight()), 0.5,
                    "selected, the service keeps its size (it grew 4 px and pushed the nodes down)");
            for (String button : List.of("#swarm-scale", "#swarm-update", "#swarm-rollback", "#swarm-remove")) {
                waitFor(button + " reads whole (Scale and Update read \"...\" in the panel's width before)", Duration.ofSeconds(5),
                        () -> FxThread.get(() -> drawnWhole(robot.lookup(button).queryAs(Labeled.class))));
            }
            assertEquals("Update web", text("#swarm-update"));
            assertTrue(text("#swarm-service-progress").contains("one virtual IP"), text("#swarm-service-progress"));
            setText("#swarm-replicas", "six");
            click("#swarm-scale");
            waitFor("the refusal is said", Duration.ofSeconds(10), () -> text("#swarm-status").equals(
                    "Replicas is a whole number of tasks, 0 or more, not 'six'."));
            assertTrue(FxThread.get(() -> robot.lookup("#swarm-status").query().getStyleClass().contains("swarm-error")));

            setText("#swarm-replicas", "4");
            click("#swarm-scale");
            waitFor("four tasks drawn, all running", SETTLES, () -> tasks().size() == 4 && text("#swarm-service-web").startsWith("web  4/4"));
            assertEquals(servicePs(docker, simulated, name), drawnTasks());

            // drain the worker from its panel: its tasks move, and the window says how long that took
            click("#swarm-node-worker");
            waitFor("the node's panel", Duration.ofSeconds(5), () -> robot.lookup("#swarm-node-availability").tryQuery().isPresent());
            click("#swarm-node-availability");
            waitFor("the worker runs nothing, the manager all four", SETTLES, () -> tasks().size() == 4
                    && tasksOn("#swarm-node-worker") == 0 && text("#swarm-service-web").startsWith("web  4/4"));
            waitFor("the move is timed", SETTLES, () -> moves().stream()
                    .anyMatch(m -> m.matches("worker drained: its \\d tasks ran elsewhere [0-9.]+ s later")));
            System.out.println("the window says: " + moves());
            assertEquals(servicePs(docker, simulated, name), drawnTasks());

            // the worker leaves from its panel: it is off the picture, offered to join; joined again, it is a node again
            click("#swarm-node-leave");
            waitFor("the worker is off the picture", SETTLES, () -> robot.lookup("#swarm-node-worker").tryQuery().isEmpty());
            // the node selected is gone: the panel is the one with nothing selected, which offers the lab's other hosts
            String join = "#swarm-join-" + name + "-worker";
            waitFor("the worker is offered to join", Duration.ofSeconds(10), () -> robot.lookup(join).tryQuery().isPresent());
            click(join);
            waitFor("the worker is a node again", SETTLES, () -> robot.lookup("#swarm-node-worker").tryQuery().isPresent(),
                    () -> "(the window says: " + text("#swarm-status") + ")");
            assertEquals(name + "/worker joined the Swarm as a worker.", text("#swarm-status"));

            // the manager's host stops: no manager answers, and the window says so
            simulated.stop(simulated.find(name, "manager").orElseThrow());
            long stopped = System.nanoTime();
            waitFor("the lost manager is said", SETTLES, () -> lost().startsWith("No host of " + name + " manages a Swarm")
                    || lost().startsWith("No manager of " + name) || lost().startsWith("No host of " + name + " is connected"),
                    () -> "(the window says: '" + lost() + "'; its status line: '" + text("#swarm-status") + "')");
            System.out.printf("with the manager stopped (said %.1f s after its host stopped): %s%n", (System.nanoTime() - stopped) / 1e9, lost());
            assertTrue(FxThread.get(() -> robot.lookup("#swarm-check-overlay").query().isDisabled()),
                    "no overlay to check while no manager answers (the button did nothing)");
        } finally {
            labs.destroy(lab, true, Progress.NONE);
        }
    }

    private static int colours(java.awt.image.BufferedImage image) {
        Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) seen.add(image.getRGB(x, y));
        }
        return seen.size();
    }

    private String lost() {
        return FxThread.get(() -> robot.lookup("#swarm-lost").tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
    }

    private void setText(String query, String text) {
        FxThread.run(() -> robot.lookup(query).queryAs(TextField.class).setText(text));
    }

    /** The task cards drawn now. */
    private List<String> tasks() {
        return FxThread.get(() -> robot.lookup(".swarm-task").queryAll().stream().map(n -> ((Labeled) n).getText()).toList());
    }

    private long tasksOn(String node) {
        return FxThread.get(() -> robot.lookup(node).queryAs(VBox.class).getChildren().stream()
                .filter(n -> n.getStyleClass().contains("swarm-task")).count());
    }

    private List<String> moves() {
        return FxThread.get(() -> robot.lookup("#swarm-moves").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Labeled) n).getText()).toList());
    }

    /** "web.1 manager" for each task drawn, from the picture the window shows. */
    private Set<String> drawnTasks() {
        SwarmSnapshot s = FxThread.get(() -> SwarmWindow.current().shown());
        return s.currentTasks().stream().map(t -> s.taskName(t) + " " + s.nodeName(t.nodeId()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> servicePs(DockerCli docker, SimulatedHosts simulated, String lab) throws Exception {
        var result = docker.run("--context", simulated.find(lab, "manager").orElseThrow().contextName(), "service", "ps", "web",
                "--filter", "desired-state=running", "--format", "{{.Name}} {{.Node}}");
        return result.output().lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

}
