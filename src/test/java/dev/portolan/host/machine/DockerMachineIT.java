package dev.portolan.host.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EngineClients;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHostSpec;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docker-machine provider against src/test/machine/docker-machine, a stand-in with the
 * real CLI's output and exit codes; its "machine" is a simulated host, so connecting
 * with the machine's certificates is real TLS against a real engine.
 */
class DockerMachineIT extends EngineTest {

    @TempDir
    static Path home;
    private static SimulatedHosts simulated;
    private static SimulatedHost vm;
    private static final String LAB = "dm" + UUID.randomUUID().toString().substring(0, 6);

    private static DockerMachine machine(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("MACHINE_STORAGE_PATH", home.resolve("machine").toString()));
        env.putAll(extra);
        return new DockerMachine(Path.of("src/test/machine/docker-machine").toAbsolutePath(), env);
    }

    @BeforeAll
    static void makeTheVm() {
        simulated = new SimulatedHosts(engine.docker(), home.resolve("config"), new DockerContexts(home.resolve("docker")));
        vm = simulated.create(new SimulatedHostSpec(LAB, "vm", TestEngine.DIND, List.of()), Progress.NONE);
    }

    @AfterAll
    static void removeTheVm() {
        simulated.remove(vm, false);
    }

    @Test
    void createStreamsItsOutputAndTheMachineConnectsWithItsCertificates() {
        DockerMachine dm = machine(Map.of("STANDIN_URL", "tcp://127.0.0.1:" + vm.apiPort(),
                "STANDIN_CERTS", vm.clientCertificates().toString()));
        List<String> output = new CopyOnWriteArrayList<>();
        dm.create("dev", "virtualbox", List.of("--virtualbox-memory", "2048"), output::add, Progress.NONE);
        assertTrue(output.contains("Docker is up and running!"), output.toString());

        Machine dev = dm.list().stream().filter(m -> m.name().equals("dev")).findFirst().orElseThrow();
        assertTrue(dev.isRunning());
        assertEquals("virtualbox", dev.driver());
        try (EngineClients clients = EngineClients.connect(dm.endpoint("dev"))) {
            clients.ping();
            assertEquals(vm.name(), clients.requests().infoCmd().exec().getName(), "reached the machine's engine over TLS");
        }
        dm.stop("dev", line -> { }, Progress.NONE);
        assertEquals("Stopped", dm.list().stream().filter(m -> m.name().equals("dev")).findFirst().orElseThrow().state());
        var notRunning = assertThrows(MachineCommandException.class, () -> dm.endpoint("dev"));
        assertTrue(notRunning.getMessage().contains("Host is not running"), notRunning.getMessage());
        dm.remove("dev", line -> { }, Progress.NONE);
        assertTrue(dm.list().stream().noneMatch(m -> m.name().equals("dev")));
    }

    @Test
    void anIpChangeShowsAnErrorThatRegenerateCertsMends() throws Exception {
        DockerMachine dm = machine(Map.of());
        dm.create("moved", "virtualbox", List.of(), line -> { }, Progress.NONE);
        dm.stop("moved", line -> { }, Progress.NONE);
        Files.createFile(home.resolve("machine/machines/moved/ip-changes-on-start"));
        dm.start("moved", line -> { }, Progress.NONE);
        Machine moved = dm.list().stream().filter(m -> m.name().equals("moved")).findFirst().orElseThrow();
        assertTrue(moved.hasError() && moved.needsNewCertificates(), moved.toString());
        var error = assertThrows(MachineCommandException.class, () -> dm.endpoint("moved"));
        assertTrue(error.getMessage().contains("regenerate-certs"), error.getMessage());

        dm.regenerateCertificates("moved", line -> { }, Progress.NONE);
        assertFalse(dm.list().stream().filter(m -> m.name().equals("moved")).findFirst().orElseThrow().hasError());
        dm.remove("moved", line -> { }, Progress.NONE);
    }

    @Test
    void aHangingCommandTimesOutAndCancelStopsIt() {
        DockerMachine dm = machine(Map.of());
        long start = System.nanoTime();
        var timeout = assertThrows(MachineCommandException.class, () -> dm.run(List.of("create", "-d", "hang", "stuck"),
                line -> { }, Duration.ofSeconds(2), Progress.NONE));
        assertTrue(timeout.getMessage().contains("did not finish within 2 s"), timeout.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 10, "stopped, not waited for");

        List<String> seen = new ArrayList<>();
        var cancelled = assertThrows(MachineCommandException.class, () -> dm.create("stuck2", "hang", List.of(),
                seen::add, new Progress() {
                    @Override
                    public void step(String text) {}

                    @Override
                    public boolean isCancelled() {
                        return seen.size() >= 3;
                    }
                }));
        assertTrue(cancelled.getMessage().contains("was cancelled"), cancelled.getMessage());
    }

    @Test
    void knownFailuresAreSaidInPlainWordsAndALeftoverMachineIsRemovedByTheOfferedFix() {
        DockerMachine dm = machine(Map.of());
        var vtx = assertThrows(MachineCommandException.class,
                () -> dm.create("nofirmware", "vtx-off", List.of(), line -> { }, Progress.NONE));
        assertTrue(vtx.getMessage().contains("enable \"Intel Virtualization Technology\""), vtx.getMessage());
        assertTrue(vtx.failure().orElseThrow().safeFix() == null, "firmware is the user's to change");

        var hostOnly = assertThrows(MachineCommandException.class,
                () -> dm.create("leftover", "hostonly-invisible", List.of(), line -> { }, Progress.NONE));
        assertTrue(hostOnly.failure().orElseThrow().cause().contains("host-only"), hostOnly.getMessage());
        // the failed create left the machine's folder: the next create is refused, and the fix is offered
        var again = assertThrows(MachineCommandException.class,
                () -> dm.create("leftover", "generic", List.of(), line -> { }, Progress.NONE));
        assertEquals(MachineFailure.SafeFix.REMOVE_LEFTOVER, again.failure().orElseThrow().safeFix(), again.getMessage());
        dm.remove("leftover", line -> { }, Progress.NONE);
        dm.create("leftover", "generic", List.of(), line -> { }, Progress.NONE);
        assertTrue(dm.list().stream().anyMatch(m -> m.name().equals("leftover") && m.isRunning()));
        dm.remove("leftover", line -> { }, Progress.NONE);
    }

    @Test
    void badInputGivesTheCliOwnWords() {
        DockerMachine dm = machine(Map.of());
        var driver = assertThrows(MachineCommandException.class, () -> dm.create("x", "nosuchdriver", List.of(),
                line -> { }, Progress.NONE));
        assertTrue(driver.getMessage().contains("Driver \"nosuchdriver\" not found"), driver.getMessage());
        var missing = assertThrows(MachineCommandException.class, () -> dm.start("ghost", line -> { }, Progress.NONE));
        assertTrue(missing.getMessage().contains("Host does not exist: \"ghost\""), missing.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aLabHostWithProviderDockerMachineIsMadeUsedAndStoppedByTheLab() {
        DockerMachine dm = machine(Map.of("STANDIN_URL", "tcp://127.0.0.1:" + vm.apiPort(),
                "STANDIN_CERTS", vm.clientCertificates().toString()));
        String name = "lm" + UUID.randomUUID().toString().substring(0, 6);
        dev.portolan.lab.LabSpec lab = dev.portolan.lab.LabFile.parse("""
                name: %s
                hosts:
                  - name: box
                    provider: docker-machine
                    driver: virtualbox
                containers:
                  - name: %s-app
                    image: portolan-test/busybox
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                """.formatted(name, name), "machine.yaml");
        dev.portolan.lab.Labs labs = new dev.portolan.lab.Labs(engine.docker(), simulated, TestEngine.DIND, dm);
        assertEquals("box: create docker-machine host box (driver virtualbox)",
                labs.plan(lab).getFirst().host() + ": " + labs.plan(lab).getFirst().describe());
        labs.apply(lab, Progress.NONE);
        try (EngineClients clients = EngineClients.connect(dm.endpoint(name + "-box"))) {
            assertTrue(clients.requests().inspectContainerCmd(name + "-app").exec().getState().getRunning(),
                    "the lab's container runs on the machine's engine");
            assertEquals(List.of(), labs.plan(lab), "converged");
            labs.destroy(lab, false, Progress.NONE);
            assertEquals("Stopped", dm.list().stream().filter(m -> m.name().equals(name + "-box")).findFirst().orElseThrow().state(),
                    "destroy keeps the machine's disk: stopped, not removed");
            labs.destroy(lab, true, Progress.NONE);
            assertTrue(dm.list().stream().noneMatch(m -> m.name().equals(name + "-box")), "asked to, the machine goes");
            clients.requests().removeContainerCmd(name + "-app").withForce(true).exec();
        }
        var noMachine = new dev.portolan.lab.Labs(engine.docker(), simulated, TestEngine.DIND, null);
        var e = assertThrows(dev.portolan.engine.InvalidInputException.class, () -> noMachine.plan(lab));
        assertTrue(e.getMessage().contains("docker-machine is not installed here"), e.getMessage());
    }
}
