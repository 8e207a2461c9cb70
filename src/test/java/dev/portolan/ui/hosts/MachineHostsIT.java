package dev.portolan.ui.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.host.Progress;
import dev.portolan.host.machine.DockerMachine;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHostSpec;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.inventory.HostStatus;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.model.HostModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-machine hosts in the sidebar, driven through the stand-in CLI of src/test/machine. */
class MachineHostsIT extends WindowTest {

    private static final Path STAND_IN = Path.of("src/test/machine/docker-machine").toAbsolutePath();
    private static final String LAB = "gm" + UUID.randomUUID().toString().substring(0, 6);
    @TempDir
    static Path home;
    private static SimulatedHosts simulated;
    private static SimulatedHost vm;

    @BeforeAll
    static void makeMachines() throws Exception {
        simulated = new SimulatedHosts(engine.docker(), home.resolve("config"), new DockerContexts(home.resolve("docker")));
        vm = simulated.create(new SimulatedHostSpec(LAB, "vm", TestEngine.DIND, List.of()), Progress.NONE);
        Path storage = home.resolve("machine");
        new DockerMachine(STAND_IN, Map.of("MACHINE_STORAGE_PATH", storage.toString(),
                "STANDIN_URL", "tcp://127.0.0.1:" + vm.apiPort(), "STANDIN_CERTS", vm.clientCertificates().toString()))
                .create("gm", "virtualbox", List.of(), line -> { }, Progress.NONE);
        DockerMachine plain = new DockerMachine(STAND_IN, Map.of("MACHINE_STORAGE_PATH", storage.toString()));
        plain.create("moved", "virtualbox", List.of(), line -> { }, Progress.NONE);
        plain.stop("moved", line -> { }, Progress.NONE);
        Files.createFile(storage.resolve("machines/moved/ip-changes-on-start"));
        plain.start("moved", line -> { }, Progress.NONE);
        System.setProperty("portolan.machine-storage", storage.toString());
    }

    @AfterAll
    static void cleanUp() {
        System.clearProperty("portolan.docker-machine");
        System.clearProperty("portolan.machine-storage");
        simulated.remove(vm, false);
    }

    @AfterEach
    void forgetCli() {
        System.clearProperty("portolan.docker-machine");
    }

    private HostModel host(String name) {
        return FxThread.get(() -> window.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null));
    }

    private void menu(HostModel host, String itemId) {
        FxThread.run(() -> window.menus().menu(host).getItems().stream().filter(i -> itemId.equals(i.getId()))
                .findFirst().orElseThrow().fire());
    }

    @Test
    void machinesAreListedWatchedStoppedAndMended() throws Exception {
        System.setProperty("portolan.docker-machine", STAND_IN.toString());
        open(new EndpointResolver(Map.of(), home.resolve("docker"), false));
        waitFor("the machine gm is live through its certificates", Duration.ofSeconds(15),
                () -> host("gm") != null && host("gm").isLive());
        assertEquals("docker-machine · virtualbox", host("gm").provider());
        assertEquals(vm.name(), FxThread.get(() -> host("gm").inventory().facts().name()));

        waitFor("the moved machine says why it fails and what to do", Duration.ofSeconds(5), () -> host("moved") != null
                && host("moved").status() instanceof HostStatus.Failed f && f.reason().contains("Regenerate certificates"));
        menu(host("moved"), "machine-regenerate");
        waitFor("regenerate-certs mends it", Duration.ofSeconds(10),
                () -> !(host("moved").status() instanceof HostStatus.Failed));
        click("#progress-cancel"); // Close

        menu(host("gm"), "machine-stop");
        waitFor("the output of the command is shown", Duration.ofSeconds(10), () -> robot.lookup("#progress-steps")
                .queryListView().getItems().stream().anyMatch(l -> l.toString().contains("Machine \"gm\" was stopped.")));
        waitFor("gm is shown stopped", Duration.ofSeconds(10),
                () -> host("gm").status() instanceof HostStatus.Offline o && o.reason().equals("stopped"));

        // removing a machine asks first, with a button that says so, drawn as a danger; Cancel keeps it
        HostModel gm = host("gm");
        javafx.application.Platform.runLater(() -> window.menus().menu(gm).getItems().stream()
                .filter(i -> "machine-remove".equals(i.getId())).findFirst().orElseThrow().fire());
        waitFor("it asks first", Duration.ofSeconds(5), () -> exists("#confirm-remove-machine"));
        assertEquals("Remove", text("#confirm-remove-machine"));
        assertTrue(FxThread.get(() -> robot.lookup("#confirm-remove-machine").query().getStyleClass().contains("danger")));
        FxThread.run(() -> robot.lookup("#confirm-remove-machine").query().getScene().getWindow().hide());
        assertTrue(host("gm") != null, "cancelled, gm is kept");
    }

    @Test
    void aKnownFailureIsSaidInPlainWordsAndItsSafeFixIsOneClick() throws Exception {
        System.setProperty("portolan.docker-machine", STAND_IN.toString());
        open(new EndpointResolver(Map.of(), home.resolve("docker"), false));
        // VirtualBox's host-only bug: said as cause and fix; the failed create leaves its folder behind
        FxThread.run(() -> window.controller().machines().create("stuck", "hostonly-invisible", List.of(),
                new ProgressWindow(null, "docker-machine create stuck")));
        waitFor("the host-only failure is explained", Duration.ofSeconds(10), () -> robot.lookup("#progress-outcome")
                .queryLabeled().getText().contains("could not create or see its host-only network adapter"));
        click("#progress-cancel"); // Close
        FxThread.run(() -> window.controller().machines().create("stuck", "virtualbox", List.of(),
                new ProgressWindow(null, "docker-machine create stuck")));
        waitFor("the leftover is named and its removal offered", Duration.ofSeconds(10),
                () -> robot.lookup("#progress-fix").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        assertEquals("Remove the leftover machine", FxThread.get(() -> robot.lookup("#progress-fix").queryButton().getText()));
        click("#progress-fix");
        Path folder = home.resolve("machine/machines/stuck");
        waitFor("the leftover machine is removed", Duration.ofSeconds(10), () -> !Files.exists(folder));
    }

    @Test
    void withoutDockerMachineTheAppSaysSoAndOffersSimulatedHosts() throws Exception {
        System.setProperty("portolan.docker-machine", home.resolve("no-such-docker-machine").toString());
        open(new EndpointResolver(Map.of(), home.resolve("docker"), false));
        click("#add-host").clickOn("#add-machine");
        waitFor("the app says docker-machine is missing", Duration.ofSeconds(3),
                () -> robot.lookup("#machine-missing").tryQuery().isPresent());
        assertTrue(FxThread.get(() -> robot.lookup("#machine-missing").queryAs(javafx.scene.control.DialogPane.class)
                .getContentText().contains("simulated host")));
        click("New simulated host…");
        waitFor("the simulated host dialog opens", Duration.ofSeconds(3), () -> robot.lookup("#sim-name").tryQuery().isPresent());
        click("Cancel");
    }
}
