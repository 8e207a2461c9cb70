package dev.portolan.ui.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.inventory.HostStatus;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.model.HostModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hosts from the sidebar: a simulated host made, stopped, started and removed; an engine added and forgotten. */
class HostsIT extends WindowTest {

    private static final String LAB = "gui" + UUID.randomUUID().toString().substring(0, 6);

    @TempDir
    Path dockerConfig;

    @AfterAll
    static void disconnect() {
        engine.removeLab(LAB);
    }

    @BeforeEach
    void openWindow() throws Exception {
        open(new EndpointResolver(java.util.Map.of(), dockerConfig, false));
        waitFor("the local host is live", Duration.ofSeconds(10), () -> window.hosts().getFirst().isLive());
    }

    private HostModel host(String name) {
        return FxThread.get(() -> window.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null));
    }


    private void menu(HostModel host, String itemId) {
        FxThread.run(() -> window.menus().menu(host).getItems().stream().filter(i -> itemId.equals(i.getId()))
                .findFirst().orElseThrow().fire());
    }

    @Test
    void aSimulatedHostIsMadeStoppedStartedAndRemovedFromTheSidebar() {
        String key = LAB + "/node1";
        click("#add-host").clickOn("#add-simulated");
        String inset = FxThread.get(() -> {
            var form = (javafx.scene.layout.Region) robot.lookup("#sim-lab").query().getParent();
            return form.getClass().getSimpleName() + " " + form.getPadding() + " in " + form.getParent().getClass().getSimpleName();
        });
        assertTrue(FxThread.get(() -> ((javafx.scene.layout.Region) robot.lookup("#sim-lab").query().getParent()).getPadding()
                .getLeft() >= 10), "the form is not flush against the dialog's left edge: " + inset);
        // the Ports field's prompt fits in it, in the field's own font (it was cut at "… → the host's")
        assertTrue(FxThread.get(() -> {
            var ports = robot.lookup("#sim-ports").queryAs(javafx.scene.control.TextField.class);
            var prompt = new javafx.scene.text.Text(ports.getPromptText());
            prompt.setFont(ports.getFont());
            return prompt.getLayoutBounds().getWidth() <= ports.getWidth() - ports.getPadding().getLeft() - ports.getPadding().getRight();
        }), "the Ports prompt fits its field");
        retype("#sim-lab", "Bad Lab");
        waitFor("bad input is named", Duration.ofSeconds(2), () -> robot.lookup("#sim-problems")
                .queryLabeled().getText().contains("'Bad Lab' is not allowed"));
        assertTrue(FxThread.get(() -> robot.lookup("#sim-create").query().isDisabled()));
        retype("#sim-lab", LAB);
        retype("#sim-name", "node1");
        FxThread.run(() -> robot.lookup("#sim-image").queryAs(javafx.scene.control.ComboBox.class).getEditor().clear());
        type("#sim-image", TestEngine.DIND);
        click("#sim-create");
        waitFor(key + " is in the sidebar while it is made", Duration.ofSeconds(10), () -> host(key) != null);
        assertFalse(sidewaysScrollBar("#hosts"), "a long state ends in … in the sidebar: "
                + FxThread.get(() -> host(key).status().toString()));

        waitFor(key + " is live in the sidebar", Duration.ofSeconds(30),
                () -> host(key) != null && host(key).isLive());
        waitFor("the progress window says it is ready", Duration.ofSeconds(5),
                () -> robot.lookup("#progress-outcome").queryLabeled().getText().startsWith("Ready: portolan-" + LAB + "-node1"));
        // its long first step ("Checking the image …; making certificates, network and volume") wraps: read whole
        assertFalse(sidewaysScrollBar("#progress-steps"), "no sideways scrolling in the progress window");
        click("#progress-cancel"); // now "Close"
        assertEquals("simulated host", host(key).provider());
        String detail = FxThread.get(() -> host(key).providerDetailProperty().get());
        assertTrue(detail.contains("started --privileged") || detail.contains("started with capabilities"),
                "the host says how it was started: " + detail);
        assertTrue(new dev.portolan.engine.DockerContexts(dockerConfig).exists("portolan-" + LAB + "-node1"),
                "registered as a docker context");

        // another in the same lab is offered the lab's next free name, and a name taken is refused before anything is made
        click("#add-host").clickOn("#add-simulated");
        retype("#sim-lab", LAB);
        waitFor("the lab's next free name is offered", Duration.ofSeconds(2),
                () -> robot.lookup("#sim-name").queryTextInputControl().getText().equals("node2"));
        retype("#sim-name", "node1");
        waitFor("a name taken is refused", Duration.ofSeconds(2), () -> robot.lookup("#sim-problems").queryLabeled().getText()
                .contains(key + " exists already: choose another name, or another lab."));
        assertTrue(FxThread.get(() -> robot.lookup("#sim-create").query().isDisabled()));
        click("Cancel");

        menu(host(key), "host-stop");
        waitFor(key + " is shown stopped", Duration.ofSeconds(20),
                () -> host(key).status() instanceof HostStatus.Offline o && o.reason().equals("stopped"));
        FxThread.run(() -> window.showDiagram(true));
        waitFor("the diagram says how to start it", Duration.ofSeconds(5), () -> {
            window.diagram().refreshNow();
            var box = window.diagram().layout().host(key);
            return box != null && box.status().equals("stopped · right-click it to start it");
        });
        // the stopped host's own page offers Start
        FxThread.run(() -> {
            window.showDiagram(false);
            window.select(host(key));
        });
        waitFor("a Start button on the stopped host", Duration.ofSeconds(5),
                () -> robot.lookup("#host-start-now").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        click("#host-start-now");
        waitFor(key + " is live again", Duration.ofSeconds(30), () -> host(key).isLive());

        // a start that fails shows the end of its engine's log and what to do, and offers to start again
        menu(host(key), "host-stop");
        waitFor(key + " is shown stopped again", Duration.ofSeconds(20),
                () -> host(key).status() instanceof HostStatus.Offline o && o.reason().equals("stopped"));
        String container = "portolan-" + LAB + "-node1";
        try {
            dev.portolan.host.simulated.SimulatedHostRestartIT.breakEngineConfiguration(engine.docker(), container);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        click("#host-start-now");
        waitFor("the failure is shown with the engine's log", Duration.ofSeconds(30),
                () -> host(key).status() instanceof HostStatus.Failed
                        && robot.lookup("#host-failure").queryLabeled().getText().contains("docker logs " + container)
                        && robot.lookup("#host-failure-log").queryLabeled().getText().contains("specified both as a flag"));
        assertEquals("Start again", FxThread.get(() -> robot.lookup("#host-start-now").queryButton().getText()));
        engine.docker().copyArchiveToContainerCmd(container).withRemotePath("/etc/docker")
                .withTarInputStream(emptyDaemonJson()).exec();
        click("#host-start-now");
        waitFor(key + " is live once mended", Duration.ofSeconds(30), () -> host(key).isLive());

        HostModel node1 = host(key);
        assertTrue(FxThread.get(() -> window.menus().keptDataItems("local", hostData(LAB, "node1"), null)).isEmpty(),
                "the disk of a host that is there cannot be removed on its own");
        assertEquals(1, FxThread.get(() -> window.menus().keptDataItems("local", hostData(LAB, "gone"), null)).size());
        assertTrue(FxThread.get(() -> window.menus().keptDataItems("local", new dev.portolan.inventory.VolumeInfo("plain", "local",
                "/v", java.util.Map.of(), null), null)).isEmpty(), "an ordinary volume: nothing of the sort");
        // a fault on the host, as `portolan fault drop` makes it: it goes with the host
        java.io.StringWriter said = new java.io.StringWriter();
        assertEquals(0, dev.portolan.cli.LabCommands.run(new String[] {"fault", "drop", key, "50%"}, new java.io.PrintWriter(said),
                new java.io.PrintWriter(said)), said.toString());
        waitFor("the toolbar counts the fault", Duration.ofSeconds(5), () -> faultsOn(key) == 1 && faultsCounted());
        // the dialog waits for an answer inside the handler, so do not wait for the handler
        javafx.application.Platform.runLater(() -> window.menus().menu(node1).getItems().stream()
                .filter(i -> "host-remove".equals(i.getId())).findFirst().orElseThrow().fire());
        waitFor("remove asks first", Duration.ofSeconds(2), () -> robot.lookup("#keep-data").tryQuery().isPresent());
        assertTrue(FxThread.get(() -> robot.lookup("#keep-data").queryAs(javafx.scene.control.CheckBox.class).isSelected()),
                "the data volume is kept unless the user says otherwise");
        click("#confirm-remove-host");
        waitFor(key + " leaves the sidebar", Duration.ofSeconds(20), () -> host(key) == null);
        waitFor("its fault went with it (it stayed listed for a host that was gone)", Duration.ofSeconds(5),
                () -> faultsOn(key) == 0 && faultsCounted());
        String kept = "portolan-" + LAB + "-node1-docker";
        assertEquals(kept, engine.docker().inspectVolumeCmd(kept).exec().getName());

        // the kept data is on the diagram, named after its host; its menu removes it, asked first
        FxThread.run(() -> window.showDiagram(true));
        waitFor("the kept data is on the diagram", Duration.ofSeconds(10), () -> FxThread.get(() -> {
            window.diagram().refreshNow();
            var layout = window.diagram().layout();
            return layout != null && layout.volumes().stream().anyMatch(v -> v.volume().name().equals(kept));
        }));
        var volume = FxThread.get(() -> window.diagram().layout().volumes().stream().filter(v -> v.volume().name().equals(kept))
                .findFirst().orElseThrow());
        javafx.application.Platform.runLater(() -> window.diagram().menuFor(volume).getItems().stream()
                .filter(i -> "kept-data-remove".equals(i.getId())).findFirst().orElseThrow().fire());
        waitFor("removing the kept data asks first", Duration.ofSeconds(5), () -> exists("#confirm-remove-kept-data"));
        click("#confirm-remove-kept-data");
        waitFor("the status bar says it is removed", Duration.ofSeconds(20),
                () -> window.runner().messageProperty().get().text().equals("Removed the kept data of " + key));
        org.junit.jupiter.api.Assertions.assertThrows(com.github.dockerjava.api.exception.NotFoundException.class,
                () -> engine.docker().inspectVolumeCmd(kept).exec());
        assertFalse(Files.exists(dev.portolan.app.UserDirectories.forThisUser().config().resolve("labs").resolve(LAB)),
                "nothing of the lab is left: its CA and certificates went with its last data");
    }

    /** The data volume of LAB/HOST as the inventory names it. */
    private static dev.portolan.inventory.VolumeInfo hostData(String lab, String host) {
        return new dev.portolan.inventory.VolumeInfo("portolan-" + lab + "-" + host + "-docker", "local", "/v",
                java.util.Map.of(dev.portolan.host.Ownership.ROLE, dev.portolan.host.Ownership.HOST_DATA,
                        dev.portolan.host.Ownership.LAB, lab, dev.portolan.host.Ownership.HOST, host), null);
    }

    /** /etc/docker/daemon.json with nothing in it: the host's engine starts again. */
    private static java.io.InputStream emptyDaemonJson() {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("daemon.json");
            entry.setSize(2);
            tar.putArchiveEntry(entry);
            tar.write("{}".getBytes());
            tar.closeArchiveEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new java.io.ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    void aWholeLabIsRemovedFromAHostsMenuWithItsDataWhenAsked() throws Exception {
        String lab = "gul" + UUID.randomUUID().toString().substring(0, 5);
        // made as a tour's lab is, with no lab file open in the window; certificates where the window looks for them
        var labs = dev.portolan.testing.TestLabs.in(engine, Path.of(System.getProperty("portolan.home")));
        // what the sidebar says of them, from their discovery on
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        FxThread.run(() -> window.hosts().addListener((javafx.collections.ListChangeListener<HostModel>) c -> {
            while (c.next()) {
                for (HostModel m : c.getAddedSubList()) {
                    if (!m.name().startsWith(lab + "/")) continue;
                    said.add(m.name() + ": " + dev.portolan.ui.StatusText.status(m.status(), java.time.Instant.now()));
                    m.statusProperty().addListener((o, was, now) ->
                            said.add(m.name() + ": " + dev.portolan.ui.StatusText.status(now, java.time.Instant.now())));
                }
            }
        }));
        dev.portolan.app.Futures.inParallel(java.util.List.of("a", "b"), name -> labs.hosts().create(
                new dev.portolan.host.simulated.SimulatedHostSpec(lab, name, TestEngine.DIND, java.util.List.of()),
                dev.portolan.host.Progress.NONE));
        try {
            waitFor("both hosts are live in the sidebar", Duration.ofSeconds(30),
                    () -> host(lab + "/a") != null && host(lab + "/a").isLive() && host(lab + "/b") != null && host(lab + "/b").isLive());
            assertTrue(said.stream().noneMatch(s -> s.contains("lost")), "a host whose engine is starting is not called lost: " + said);
            assertTrue(said.stream().anyMatch(s -> s.endsWith(": starting its engine")), said.toString());
            // one host, the same actions, in the sidebar and on the diagram
            List<String> sidebarItems = FxThread.get(() -> window.menus().menu(host(lab + "/a")).getItems().stream()
                    .map(javafx.scene.control.MenuItem::getText).filter(java.util.Objects::nonNull).toList());
            assertTrue(sidebarItems.containsAll(List.of("Stop host", "Faults", "Who can talk to whom in " + lab + "…")), sidebarItems.toString());
            FxThread.run(() -> window.showDiagram(true));
            waitFor(lab + "/a is drawn", Duration.ofSeconds(5), () -> {
                window.diagram().refreshNow();
                return window.diagram().layout() != null && window.diagram().layout().host(lab + "/a") != null;
            });
            List<String> diagramItems = FxThread.get(() -> window.diagram().menuFor(window.diagram().layout().host(lab + "/a"))
                    .getItems().stream().map(javafx.scene.control.MenuItem::getText).filter(java.util.Objects::nonNull).toList());
            assertTrue(diagramItems.containsAll(sidebarItems), "the diagram's menu of " + lab + "/a has all the sidebar's: "
                    + diagramItems + " against " + sidebarItems);
            var item = FxThread.get(() -> window.menus().menu(host(lab + "/a")).getItems().stream()
                    .filter(i -> "lab-remove".equals(i.getId())).findFirst().orElseThrow());
            assertEquals("Remove lab " + lab + " (2 hosts)…", item.getText());
            // the dialog waits for an answer inside the handler, so do not wait for the handler
            javafx.application.Platform.runLater(item::fire);
            waitFor("it asks first, naming the hosts", Duration.ofSeconds(2), () -> robot.lookup("#keep-data").tryQuery().isPresent());
            click("#keep-data"); // the data goes too
            click("#confirm-remove-host");
            waitFor("both hosts leave the sidebar", Duration.ofSeconds(30), () -> host(lab + "/a") == null && host(lab + "/b") == null);
            waitFor("their data volumes and the lab's network are gone", Duration.ofSeconds(10), () ->
                    java.util.Objects.requireNonNullElse(engine.docker().listVolumesCmd().exec().getVolumes(),
                            java.util.List.<com.github.dockerjava.api.command.InspectVolumeResponse>of()).stream()
                            .noneMatch(v -> v.getName().contains(lab))
                            && engine.docker().listNetworksCmd().exec().stream().noneMatch(n -> n.getName().contains(lab)));
        } finally {
            engine.removeLab(lab);
        }
    }

    private List<String> problemStyle() {
        return FxThread.get(() -> robot.lookup("#endpoint-problem").query().getStyleClass().stream()
                .filter(c -> c.equals("muted") || c.equals("error-text")).toList());
    }

    @Test
    void anExistingEngineIsAddedRememberedAndForgotten() throws Exception {
        String socket = engine.endpoint().host().getPath();
        org.junit.jupiter.api.Assumptions.assumeTrue("unix".equals(engine.endpoint().host().getScheme()));
        click("#add-host").clickOn("#add-endpoint");
        // a dialog just opened has done nothing wrong: what it needs reads as a hint, plainly, not in red
        waitFor("the dialog opens", Duration.ofSeconds(5), () -> exists("#endpoint-problem"));
        assertEquals(List.of("muted"), problemStyle());
        assertTrue(text("#endpoint-problem").contains("Address: type the engine's address"), text("#endpoint-problem"));
        retype("#endpoint-name", "x y");
        assertEquals(List.of("error-text"), problemStyle(), "once a field is changed, a problem is one");
        FxThread.run(() -> robot.lookup("#endpoint-kind").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(AddEndpointDialog.SOCKET));
        retype("#endpoint-name", "same-engine");
        retype("#endpoint-address", "/no/such.sock");
        // the disk is asked when Add is pressed, not on every key: the dialog stays open and says why
        click("#endpoint-add");
        waitFor("a missing socket is named", Duration.ofSeconds(2),
                () -> robot.lookup("#endpoint-problem").queryLabeled().getText().contains("does not exist"));
        retype("#endpoint-address", socket);
        click("#endpoint-add");
        waitFor("the engine is live in the sidebar", Duration.ofSeconds(10),
                () -> host("same-engine") != null && host("same-engine").isLive());
        Path saved = Path.of(System.getProperty("portolan.home"), "config", "endpoints.json");
        assertTrue(Files.readString(saved).contains("same-engine"), "remembered in " + saved);

        menu(host("same-engine"), "host-forget");
        waitFor("it leaves the sidebar", Duration.ofSeconds(2), () -> host("same-engine") == null);
        assertTrue(!Files.readString(saved).contains("same-engine"), "forgotten in " + saved);
    }
}
