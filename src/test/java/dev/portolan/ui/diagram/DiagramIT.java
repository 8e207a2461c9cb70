package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.Rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.diagram.Layout.Card;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The diagram on the real engine: a container appears, is selected, connected by a drag, exported. */
class DiagramIT extends WindowTest {

    @org.junit.jupiter.api.io.TempDir
    Path dockerConfig;
    private String front;
    private String back;

    @BeforeEach
    void openDiagram() throws Exception {
        engine.cleanUp();
        front = TestEngine.uniqueName("front");
        back = TestEngine.uniqueName("back");
        for (String net : List.of(front, back)) {
            engine.docker().createNetworkCmd().withName(net).withLabels(Map.of(TestEngine.LABEL, "true")).exec();
        }
        // a docker config of its own: a simulated host made here registers its context there, not in ~/.docker
        open(new EndpointResolver(Map.of(), dockerConfig, false));
        FxThread.run(() -> window.showDiagram(true));
        waitFor("the local host is live", Duration.ofSeconds(10), () -> window.hosts().getFirst().isLive());
    }

    private DiagramView diagram() {
        return FxThread.get(() -> window.diagram());
    }

    private Card card(String name) {
        return FxThread.get(() -> {
            diagram().refreshNow();
            Layout layout = diagram().layout();
            return layout == null ? null : layout.cardNamed(name);
        });
    }

    private Point2D center(Rect r) {
        return FxThread.get(() -> diagram().toScreen(r.centerX(), r.centerY()));
    }

    /** A busybox container on the front network, mounting a volume. */
    private String run(String name, String volume) {
        return run(name, volume, HostConfig.newHostConfig());
    }

    /** The same, with port 80 published on loopback. */
    private String runPublished(String name, String volume) {
        return run(name, volume, HostConfig.newHostConfig().withPortBindings(com.github.dockerjava.api.model.PortBinding.parse("127.0.0.1::80")));
    }

    private String run(String name, String volume, HostConfig config) {
        engine.docker().createVolumeCmd().withName(volume).withLabels(Map.of(TestEngine.LABEL, "true")).exec();
        String id = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(name)
                .withLabels(Map.of(TestEngine.LABEL, "true")).withCmd(TestEngine.SLEEPER)
                .withVolumes(new Volume("/data")).withExposedPorts(com.github.dockerjava.api.model.ExposedPort.tcp(80))
                .withHostConfig(config.withNetworkMode(front)
                        .withBinds(new com.github.dockerjava.api.model.Bind(volume, new Volume("/data"))))
                .exec().getId();
        engine.docker().startContainerCmd(id).exec();
        return id;
    }

    private List<String> networksOf(String id) {
        return List.copyOf(engine.docker().inspectContainerCmd(id).exec().getNetworkSettings().getNetworks().keySet());
    }

    @Test
    void aStartedContainerAppearsIsSelectedAndDraggingItOntoANetworkConnectsIt() {
        String name = TestEngine.uniqueName("pictured");
        String volume = TestEngine.uniqueName("vol");
        String id = runPublished(name, volume);
        waitFor(name + " is on the diagram", Duration.ofSeconds(10), () -> card(name) != null);
        Card card = card(name);
        assertEquals(front, FxThread.get(() -> diagram().layout().bandAt(card.bounds().centerX(), card.bounds().centerY()).name()),
                "its card sits in its network's band");
        assertTrue(FxThread.get(() -> diagram().layout().links().stream()
                .anyMatch(l -> l.cardKey().equals(card.key()) && l.volumeKey().endsWith("/vol/" + volume))), "joined to its volume");

        click(center(card.bounds()));
        waitFor("the details pane shows it", Duration.ofSeconds(5), () -> name.equals(text("#details-title")));
        waitFor("with its inspect output, exposed port and all", Duration.ofSeconds(5),
                () -> robot.lookup("#details-json").queryTextInputControl().getText().contains("\"80/tcp\""),
                () -> FxThread.get(() -> robot.lookup("#details-json").queryTextInputControl().getText()));

        Layout.Band target = FxThread.get(() -> diagram().layout().bands().stream().filter(b -> b.name().equals(back))
                .findFirst().orElseThrow());
        robot.drag(center(card.bounds())).dropTo(center(target.bounds()));
        waitFor("the engine says it is on " + back, Duration.ofSeconds(10), () -> networksOf(id).contains(back));
        waitFor("the card says so", Duration.ofSeconds(5), () -> card(name).container().isOn(back));

        // out of its band onto the host's title: disconnected from that band's network
        Card now = card(name);
        String bandName = FxThread.get(() -> diagram().layout().bandAt(now.bounds().centerX(), now.bounds().centerY()).name());
        Layout.HostBox host = FxThread.get(() -> diagram().layout().hosts().getFirst());
        robot.drag(center(now.bounds())).dropTo(FxThread.get(() -> diagram().toScreen(host.bounds().x() + 60, host.bounds().y() + 20)));
        waitFor("the engine says it left " + bandName, Duration.ofSeconds(10), () -> !networksOf(id).contains(bandName));
        waitFor("the status bar offers undo", Duration.ofSeconds(5), () -> text("#status-message").contains("Ctrl+Z undoes it"));

        // moved within its own band: it stays where it was put, and the place is kept for its lab
        waitFor("the card has left " + bandName, Duration.ofSeconds(5),
                () -> card(name) != null && !card(name).container().isOn(bandName));
        sleepAnimation();
        Card moved = card(name);
        Point2D from = center(moved.bounds());
        robot.drag(from).dropTo(new Point2D(from.getX() + 30, from.getY() + 8));
        waitFor("the card is pinned where it was dropped", Duration.ofSeconds(5), () -> card(name).pinned());
        Path kept = dev.portolan.app.UserDirectories.forThisUser().config().resolve("diagram-positions.json");
        waitFor("the place is written for its lab", Duration.ofSeconds(5),
                () -> Files.exists(kept) && read(kept).contains("/" + name + "\""));
    }

    @Test
    void anEmptyPictureSaysWhereToStartAndAHostsMenuRunsAContainerThere() {
        waitFor("the empty picture says where to start", Duration.ofSeconds(10), () -> hintShown(),
                () -> "(the engine runs " + engine.docker().listContainersCmd().withShowAll(true).exec().stream()
                        .map(c -> String.join(",", c.getNames())).toList() + ")");
        assertTrue(text("#diagram-empty-hint").contains("Labs ▸ New lab from a template"), text("#diagram-empty-hint"));

        Layout.HostBox local = FxThread.get(() -> diagram().layout().hosts().getFirst());
        fire(local, "diagram-run-container");
        waitFor("the run dialog opens", Duration.ofSeconds(5), () -> exists("#run-image"));
        String name = TestEngine.uniqueName("from-menu");
        type("#run-name", name);
        type("#run-command", "sleep 600");
        click("#run-confirm");
        try {
            waitFor(name + " is on the diagram", Duration.ofSeconds(15), () -> card(name) != null);
            assertFalse(hintShown(), "something runs: no hint");
        } finally {
            engine.docker().removeContainerCmd(name).withForce(true).exec(); // made by the app: no test label
        }
    }

    private boolean hintShown() {
        return FxThread.get(() -> {
            diagram().refreshNow();
            return robot.lookup("#diagram-empty-hint").query().isVisible();
        });
    }

    /** Lets a card glide to its new place before the robot grabs it. */
    private static void sleepAnimation() {
        try {
            Thread.sleep(DiagramAnimator.DURATION_NANOS / 1_000_000 + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void aVolumeIsBackedUpAndRestoredIntoAnotherFromItsMenu() throws Exception {
        String name = TestEngine.uniqueName("writer");
        String volume = TestEngine.uniqueName("vol");
        String id = run(name, volume);
        var exec = engine.docker().execCreateCmd(id).withCmd("sh", "-c", "echo hello from the volume > /data/greeting").exec();
        engine.docker().execStartCmd(exec.getId()).start().awaitCompletion();
        String empty = TestEngine.uniqueName("empty");
        engine.docker().createVolumeCmd().withName(empty).withLabels(Map.of(TestEngine.LABEL, "true")).exec();
        waitFor("both volumes are on the diagram", Duration.ofSeconds(10), () -> volumeBox(volume) != null && volumeBox(empty) != null);

        Path file = dockerConfig.resolve("backup.tar");
        dialogs.answer(file);
        fire(volumeBox(volume), "volume-backup");
        waitFor("the backup and its SHA-256 are written", Duration.ofSeconds(20),
                () -> Files.exists(file) && Files.exists(dev.portolan.host.VolumeArchive.manifest(file)));

        dialogs.answer(file);
        fire(volumeBox(empty), "volume-restore");
        waitFor("the restore asks before it replaces", Duration.ofSeconds(5), () -> exists("#confirm-restore"));
        click("#confirm-restore");
        waitFor("the status bar says it is restored", Duration.ofSeconds(20),
                () -> window.runner().messageProperty().get().text().startsWith("Restored backup.tar into " + empty));
        assertEquals("hello from the volume", readGreeting(empty));
    }

    private Layout.VolumeBox volumeBox(String volume) {
        return FxThread.get(() -> {
            diagram().refreshNow();
            Layout layout = diagram().layout();
            return layout == null ? null : layout.volumes().stream().filter(v -> v.volume().name().equals(volume)).findFirst()
                    .orElse(null);
        });
    }

    private void fire(Layout.Item item, String menuItemId) {
        javafx.application.Platform.runLater(() -> diagram().menuFor(item).getItems().stream()
                .filter(i -> menuItemId.equals(i.getId())).findFirst().orElseThrow().fire());
    }

    private String readGreeting(String volume) throws Exception {
        String id = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withLabels(Map.of(TestEngine.LABEL, "true"))
                .withCmd("cat", "/data/greeting")
                .withHostConfig(HostConfig.newHostConfig().withBinds(new com.github.dockerjava.api.model.Bind(volume, new Volume("/data"))))
                .exec().getId();
        engine.docker().startContainerCmd(id).exec();
        engine.docker().waitContainerCmd(id).start().awaitStatusCode();
        StringBuilder out = new StringBuilder();
        engine.docker().logContainerCmd(id).withStdOut(true).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<
                com.github.dockerjava.api.model.Frame>() {
            @Override
            public void onNext(com.github.dockerjava.api.model.Frame frame) {
                out.append(new String(frame.getPayload()));
            }
        }).awaitCompletion();
        engine.docker().removeContainerCmd(id).exec();
        return out.toString().strip();
    }

    @Test
    void itsMenuStopsItTheFilterHidesItAndCollapsingAHostHidesItsCards() {
        String name = TestEngine.uniqueName("menu");
        String id = run(name, TestEngine.uniqueName("vol"));
        waitFor(name + " is on the diagram", Duration.ofSeconds(10), () -> card(name) != null);
        javafx.application.Platform.runLater(() -> diagram().menuFor(card(name)).getItems().stream()
                .filter(i -> "Stop".equals(i.getText())).findFirst().ifPresent(MenuItem::fire));
        waitFor("the engine stopped it", Duration.ofSeconds(10),
                () -> !engine.docker().inspectContainerCmd(id).exec().getState().getRunning());
        waitFor("the card shows it exited", Duration.ofSeconds(5), () -> card(name).container().state() == ContainerInfo.State.EXITED);

        FxThread.run(() -> robot.lookup("#diagram-search").queryTextInputControl().clear());
        type("#diagram-search", "state:running");
        waitFor("state:running hides it", Duration.ofSeconds(5), () -> card(name) == null);
        FxThread.run(() -> robot.lookup("#diagram-search").queryTextInputControl().setText(name.substring(0, 8)));
        waitFor("a search word highlights it", Duration.ofSeconds(5), () -> card(name) != null
                && text("#diagram-counts").contains("found"));
        FxThread.run(() -> robot.lookup("#diagram-search").queryTextInputControl().clear());

        String hostName = FxThread.get(() -> window.hosts().getFirst().name());
        FxThread.run(() -> diagram().toggleCollapsed(hostName));
        waitFor("a collapsed host shows no cards", Duration.ofSeconds(5), () -> card(name) == null
                && FxThread.get(() -> diagram().layout().hosts().getFirst().collapsed()));
        FxThread.run(() -> diagram().toggleCollapsed(hostName));
        waitFor("opened again", Duration.ofSeconds(5), () -> card(name) != null);
    }

    /**
     * A death marks the card with its tag above the card's top edge, and a start takes the tag
     * away again: only the marked card's place is painted again, so what the tag covered must be
     * painted back (the pixel where the tag was is as it was before the death).
     */
    @Test
    void aDeathsTagIsPaintedAboveTheCardAndGoneWhenItRunsAgain() {
        String name = TestEngine.uniqueName("dies");
        // runs until told to stop, then exits 3 by itself; started again, it runs until told again
        String id = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(name)
                .withLabels(Map.of(TestEngine.LABEL, "true"))
                .withCmd("sh", "-c", "while [ ! -e /stop ]; do sleep 1; done; rm /stop; exit 3")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(front)).exec().getId();
        engine.docker().startContainerCmd(id).exec();
        waitFor(name + " is on the diagram, running", Duration.ofSeconds(10),
                () -> card(name) != null && card(name).container().isRunning());
        sleepAnimation();
        javafx.scene.paint.Color before = whereTheTagGoes(name);

        String exec = engine.docker().execCreateCmd(id).withCmd("touch", "/stop").exec().getId();
        engine.docker().execStartCmd(exec).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>());
        waitFor("its card says exit 3", Duration.ofSeconds(10),
                () -> "exit 3".equals(FxThread.get(() -> diagram().controller().troubleMarks().get(card(name).key()))));
        waitFor("the tag is painted above the card", Duration.ofSeconds(5), () -> !near(whereTheTagGoes(name), before),
                () -> "the pixel is " + whereTheTagGoes(name) + ", as before: " + before);

        engine.docker().startContainerCmd(id).exec();
        // looked at in the frame that takes the mark off: the live stats paint the whole picture once a second
        javafx.scene.paint.Color[] seen = new javafx.scene.paint.Color[1];
        waitFor("the mark is taken off", Duration.ofSeconds(10), () -> {
            if (diagram().controller().troubleMarks().get(card(name).key()) != null) return false;
            seen[0] = whereTheTagGoes(name);
            return true;
        });
        assertTrue(near(seen[0], before), "what the tag covered is painted back: the pixel is " + seen[0] + ", before the death " + before);
    }

    /** The canvas's pixel a little above a card's top-left corner, where its trouble tag is drawn (after a frame). */
    private javafx.scene.paint.Color whereTheTagGoes(String name) {
        return FxThread.get(() -> {
            diagram().refreshNow();
            javafx.scene.canvas.Canvas canvas = robot.lookup("#diagram-canvas").queryAs(javafx.scene.canvas.Canvas.class);
            Rect r = diagram().layout().cardNamed(name).bounds();
            Point2D at = canvas.screenToLocal(diagram().toScreen(r.x() + 16, r.y() - 3));
            return canvas.snapshot(null, null).getPixelReader().getColor((int) at.getX(), (int) at.getY());
        });
    }

    private static boolean near(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.03 && Math.abs(a.getGreen() - b.getGreen()) < 0.03
                && Math.abs(a.getBlue() - b.getBlue()) < 0.03;
    }

    @Test
    void aSimulatedHostIsARegionItsContainerPointsAtAndALostHostSaysSo() throws Exception {
        String lab = "dia" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String key = lab + "/node1";
        try {
            FxThread.run(() -> window.controller().create(new dev.portolan.host.simulated.SimulatedHostSpec(lab, "node1",
                    TestEngine.DIND, List.of()), new dev.portolan.ui.hosts.ProgressWindow(null, "test")));
            waitFor(key + " is a live region of the diagram", Duration.ofSeconds(30), () -> FxThread.get(() -> {
                diagram().refreshNow();
                Layout.HostBox box = diagram().layout().host(key);
                return box != null && box.status().equals("live");
            }));
            // its Docker-in-Docker container on the local engine is folded into the lab's chip while its region is drawn
            String chip = FxThread.get(() -> diagram().layout().hosts().getFirst().host()) + "/net/portolan-" + lab;
            assertTrue(FxThread.get(() -> diagram().layout().band(chip).collapsed()), "folded into " + chip);
            FxThread.run(() -> diagram().toggleCollapsed(chip));
            waitFor("opened, its container points at the region", Duration.ofSeconds(5), () -> {
                diagram().refreshNow();
                return diagram().layout().hostLinks().stream().anyMatch(l -> l.host().equals(key));
            });

            // a container on it, from an image made there out of the host's own busybox
            var made = new dev.portolan.testing.DockerCli(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))).run("exec",
                    "portolan-" + lab + "-node1", "sh", "-c", "tar -C / -c bin/busybox | docker import - tiny >/dev/null"
                            + " && docker create --name keep -v keepdata:/data tiny /bin/busybox sleep 1000");
            assertEquals(0, made.exit(), made.output());
            waitFor("keep is on " + key, Duration.ofSeconds(10), () -> FxThread.get(() -> {
                diagram().refreshNow();
                return diagram().layout().cardNamed("keep") != null;
            }));

            engine.docker().stopContainerCmd("portolan-" + lab + "-node1").withTimeout(1).exec();
            waitFor(key + " is shown lost, with the reason", Duration.ofSeconds(20), () -> FxThread.get(() -> {
                diagram().refreshNow();
                Layout.HostBox box = diagram().layout().host(key);
                return box != null && !box.status().equals("live") && !box.status().isBlank();
            }));
            // its last known container's menu says why nothing can be done to it, and greys what cannot
            List<javafx.scene.control.MenuItem> items = FxThread.get(() -> diagram().menuFor(diagram().layout().cardNamed("keep"))
                    .getItems());
            assertEquals(key + " is stopped: start it first (right-click it in Hosts ▸ Start).", items.getFirst().getText());
            assertEquals(List.of("Start: greyed", "Logs: greyed", "Remove…: greyed"), items.stream()
                    .filter(i -> i.getText() != null && List.of("Start", "Logs", "Remove…").contains(i.getText()))
                    .map(i -> i.getText() + (i.isDisable() ? ": greyed" : ": offered")).toList(), "its actions are greyed");
            List<javafx.scene.control.MenuItem> volumeItems = FxThread.get(() -> diagram().menuFor(diagram().layout().volumes()
                    .stream().filter(v -> v.volume().name().equals("keepdata")).findFirst().orElseThrow()).getItems());
            assertEquals(List.of(key + " is stopped: start it first (right-click it in Hosts ▸ Start).", "Back up to a file…: greyed",
                    "Restore from a file…: greyed"), volumeItems.stream().filter(i -> i.getText() != null)
                    .map(i -> i.getText() + (i.getId() != null && i.getId().endsWith("-unavailable") ? "" : i.isDisable() ? ": greyed" : ": offered"))
                    .toList(), "so does its volume's");
        } finally {
            engine.removeLab(lab);
        }
    }

    @Test
    void theDiagramExportsAsAValidPngAndSvgAndAPictureIsKeptForReview() throws Exception {
        String name = TestEngine.uniqueName("export");
        run(name, TestEngine.uniqueName("vol"));
        waitFor(name + " is on the diagram", Duration.ofSeconds(10), () -> card(name) != null);
        Exported exported = exportPngAndSvg("diagram", "diagram", "diagram-small-lab");
        assertEquals(List.of("Export the diagram as PNG", "Export the diagram as SVG"), dialogs.asked());
        var image = exported.png();
        assertTrue(image.getWidth() > 300 && image.getHeight() > 150, image.getWidth() + " x " + image.getHeight());
        assertTrue(exported.svg().contains(">" + name + "<"), "the SVG names the container");
        assertFalse(text("#status-message").contains("failed"), text("#status-message"));
    }
}
