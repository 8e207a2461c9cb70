package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestLab;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.TestLabs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web-db template applied to simulated hosts of the local test images: converges, is idempotent, keeps data. */
class LabsIT extends EngineTest {

    @TempDir
    static Path home;
    private static SimulatedHosts hosts;
    private static Labs labs;
    private static int webPort;
    private static LabSpec lab;

    @BeforeAll
    static void prepare() throws Exception {
        TestLabs both = TestLabs.in(engine, home);
        hosts = both.hosts();
        labs = both.labs();
        TestLab test = TestLab.webDb("it");
        webPort = test.webPort();
        lab = LabFile.parse(test.text(), "web-db.yaml");
    }

    @AfterAll
    static void destroyEverything() {
        labs.destroy(lab.name(), true, Progress.NONE);
    }

    private List<String> plan() {
        return labs.plan(lab).stream().map(s -> s.host() + ": " + s.describe()).toList();
    }

    private String exec(String host, String container, String... command) throws Exception {
        try (EngineClients clients = EngineClients.connect(hosts.find(lab.name(), host).orElseThrow().endpoint())) {
            return new ContainerOps(clients).exec(container, List.of(command), Duration.ofSeconds(10)).output();
        }
    }

    @Test
    void theTemplateAppliesConvergesAndKeepsItsDataAcrossDestroy() throws Exception {
        labs.destroy(lab.name(), true, Progress.NONE);
        List<String> first = plan();
        assertTrue(first.containsAll(List.of("web: create simulated host web", "data: create simulated host data",
                "data: create volume db-data", "data: create network backend", "data: create container db",
                "data: create container backup", "web: create container web")), first.toString());
        assertTrue(first.indexOf("data: create container db") < first.indexOf("data: create container backup"),
                "depends_on puts db first: " + first);

        // stopped halfway, then run again: converges with no duplicates
        var cancelled = new java.util.concurrent.atomic.AtomicInteger();
        assertThrows(CancellationException.class, () -> labs.apply(lab, new Progress() {
            @Override
            public void step(String text) {
                cancelled.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() >= 5;
            }
        }));
        labs.apply(lab, Progress.NONE);
        assertEquals(List.of(), plan(), "a second plan has nothing to do");
        labs.apply(lab, Progress.NONE);
        try (EngineClients data = EngineClients.connect(hosts.find(lab.name(), "data").orElseThrow().endpoint())) {
            assertEquals(2, data.requests().listContainersCmd().withShowAll(true).exec().size(), "db and backup, once each");
        }
        String page = new String(URI.create("http://127.0.0.1:" + webPort + "/").toURL().openStream().readAllBytes());
        assertTrue(page.contains("Hello from Portolan"), page);

        Thread.sleep(1500);
        String before = exec("data", "db", "cat", "/data/log");
        assertTrue(!before.isBlank(), "the database wrote its data");
        labs.destroy(lab.name(), false, Progress.NONE);
        assertTrue(hosts.list().stream().noneMatch(h -> h.lab().equals(lab.name())), "no host left");
        Path labDir = home.resolve("config").resolve("labs").resolve(lab.name());
        assertTrue(Files.exists(labDir.resolve("ca").resolve("ca-key.pem")), "its data kept, the lab's CA is kept");
        labs.apply(lab, Progress.NONE);
        String after = exec("data", "db", "cat", "/data/log");
        assertTrue(after.startsWith(before.strip()), "the data survived destroy and apply");

        // before destroying the data, a backup: each lab volume streamed into a tar file
        Path backups = home.resolve("backups");
        List<Path> files = labs.backUp(lab.name(), backups, Progress.NONE);
        assertEquals(1, files.size(), "the lab has one volume: " + files);
        assertTrue(files.getFirst().getFileName().toString().startsWith(lab.name() + "-data-db-data-"), files.toString());
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(files.getFirst()))) {
            boolean logFound = false;
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                logFound |= entry.getName().equals("data/log") && entry.getSize() > 0;
            }
            assertTrue(logFound, "the database's log is in the backup");
        }
        assertTrue(Files.readString(dev.portolan.host.VolumeArchive.manifest(files.getFirst()))
                .startsWith(dev.portolan.host.VolumeArchive.checksum(files.getFirst()) + "  "), "its SHA-256 is beside it");
        labs.destroy(lab.name(), true, Progress.NONE);
        assertThrows(NotFoundException.class,
                () -> engine.docker().inspectVolumeCmd("portolan-" + lab.name() + "-data-docker").exec(),
                "asked to, destroy removes the data too");
        assertFalse(Files.exists(home.resolve("config").resolve("labs").resolve(lab.name())),
                "and, nothing of the lab left, its CA and certificates on this computer");
    }

    @Test
    void aChangedContainerIsReplacedAndNothingElse() {
        labs.apply(lab, Progress.NONE);
        String text = lab.containers().get(2).toString();
        var changed = new LabSpec(lab.name(), lab.description(), lab.hosts(), lab.networks(), lab.volumes(),
                List.of(lab.containers().get(0), lab.containers().get(1), withEnv(lab.containers().get(2))), lab.swarm(), lab.images(), lab.faults());
        assertEquals(List.of("web: replace container web"),
                labs.plan(changed).stream().map(s -> s.host() + ": " + s.describe()).toList(), text);
    }

    @Test
    void anExistingEngineRunsTheLabsContainersAndDestroyRemovesOnlyWhatTheLabMade() {
        String name = "ex" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String web = name + "-web";
        String bystander = engine.runSleeper(TestEngine.uniqueName("bystander"));
        LabSpec existing = LabFile.parse("""
                name: %s
                hosts:
                  - name: here
                    provider: existing
                    endpoint: %s
                volumes:
                  - name: %s-data
                networks:
                  - name: %s-net
                containers:
                  - name: %s
                    image: portolan-test/busybox
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                    volumes: ["%s-data:/data"]
                    networks: [%s-net]
                """.formatted(name, engine.endpoint().address(), name, name, web, name, name), "existing.yaml");
        assertEquals(List.of("here: create volume " + name + "-data", "here: create network " + name + "-net",
                "here: create container " + web), labs.plan(existing).stream().map(s -> s.host() + ": " + s.describe()).toList(),
                "no host to make, no image to copy: the engine is there and has the image");
        labs.apply(existing, Progress.NONE);
        assertTrue(engine.docker().inspectContainerCmd(web).exec().getState().getRunning(), "the lab's container runs on it");
        assertEquals(List.of(), labs.plan(existing), "converged");

        labs.destroy(existing, false, Progress.NONE);
        assertThrows(NotFoundException.class, () -> engine.docker().inspectContainerCmd(web).exec());
        assertTrue(engine.docker().listNetworksCmd().withNameFilter(name + "-net").exec().isEmpty(), "its network is gone");
        assertEquals(name + "-data", engine.docker().inspectVolumeCmd(name + "-data").exec().getName(), "its volume is kept");
        assertTrue(engine.docker().inspectContainerCmd(bystander).exec().getState().getRunning(), "nothing else is touched");
        labs.destroy(existing, true, Progress.NONE);
        assertThrows(NotFoundException.class, () -> engine.docker().inspectVolumeCmd(name + "-data").exec(), "asked to, it goes");

        LabSpec unreachable = LabFile.parse("name: %s\nhosts:\n  - name: far\n    provider: existing\n    endpoint: tcp://127.0.0.1:%d\n"
                .formatted(name, TestEngine.freePort()), "far.yaml");
        var e = assertThrows(dev.portolan.engine.InvalidInputException.class, () -> labs.plan(unreachable));
        assertTrue(e.getMessage().startsWith("Host far: "), e.getMessage());
    }

    @Test
    void anImageTheLabBuildsIsBuiltHereCopiedToItsHostAndBuiltAgainWhenItsFilesChange() throws Exception {
        String name = "bi" + java.util.UUID.randomUUID().toString().substring(0, 6);
        Path dir = Files.createDirectories(home.resolve(name));
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("Dockerfile"), "FROM portolan-test/busybox\nCOPY message /message\n");
        Files.writeString(app.resolve("message"), "first\n");
        String image = "portolan-test/" + name + ":1";
        Path file = Files.writeString(dir.resolve("lab.yaml"), """
                name: %s
                hosts:
                  - name: node1
                images:
                  - name: %s
                    build: ./app
                containers:
                  - name: app
                    image: %s
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                """.formatted(name, image, image));
        try {
            LabSpec built = LabFile.read(file);
            assertEquals(app.toString(), built.images().getFirst().build(), "the folder is taken relative to the lab file");
            List<String> first = labs.plan(built).stream().map(s -> s.host() + ": " + s.describe()).toList();
            assertEquals("this computer: build image " + image + " from " + app, first.getFirst());
            labs.apply(built, Progress.NONE);
            assertEquals("first\n", execOn(name, "node1", "app", "cat", "/message"));
            assertEquals(List.of(), labs.plan(built), "built once: nothing to do");
            String firstBuild = engine.docker().inspectImageCmd(image).exec().getId();

            Files.writeString(app.resolve("message"), "second\n");
            List<String> again = labs.plan(LabFile.read(file)).stream().map(s -> s.host() + ": " + s.describe()).toList();
            assertEquals(List.of("this computer: build image " + image + " from " + app, "node1: copy image " + image + " to node1",
                    "node1: replace container app"), again, "a changed file: built again, copied again, its container made again");
            labs.apply(LabFile.read(file), Progress.NONE);
            assertEquals("second\n", execOn(name, "node1", "app", "cat", "/message"));
            assertThrows(NotFoundException.class, () -> engine.docker().inspectImageCmd(firstBuild).exec(),
                    "the build it replaced is not left behind, untagged");
        } finally {
            labs.destroy(name, true, Progress.NONE);
            engine.removeLab(name);
            engine.docker().removeImageCmd(image).withForce(true).exec();
        }
    }

    @Test
    void anImageThisComputerLacksIsSaidBeforeANewHostIsMade() {
        String name = "noimage" + java.util.UUID.randomUUID().toString().substring(0, 6);
        LabSpec missing = LabFile.parse("""
                name: %s
                hosts: [{name: node1}]
                containers: [{name: app, host: node1, image: portolan-test/no-such-image:1}]
                """.formatted(name), name + ".yaml");
        try {
            var refused = assertThrows(InvalidInputException.class, () -> labs.apply(missing, Progress.NONE));
            assertEquals("The image portolan-test/no-such-image:1 is not on this computer's engine, so it cannot be copied to"
                    + " node1. Pull or build it first (docker pull portolan-test/no-such-image:1).", refused.getMessage());
            assertTrue(hosts.find(name, "node1").isEmpty(), "no host was made for nothing");
        } finally {
            labs.destroy(name, true, Progress.NONE);
            engine.removeLab(name);
        }
    }

    private String execOn(String labName, String host, String container, String... command) throws Exception {
        try (EngineClients clients = EngineClients.connect(hosts.find(labName, host).orElseThrow().endpoint())) {
            return new ContainerOps(clients).exec(container, List.of(command), Duration.ofSeconds(10)).output();
        }
    }

    private static LabSpec.Container withEnv(LabSpec.Container c) {
        return new LabSpec.Container(c.name(), c.host(), c.image(), c.replicas(), c.command(), java.util.Map.of("MODE", "blue"),
                c.ports(), c.volumes(), c.networks(), c.restart(), c.healthcheck(), c.dependsOn(), c.volumesFrom(), c.user(),
                c.workingDir(), c.entrypoint(), c.labels(), c.init(), c.capAdd(), c.capDrop(), c.tmpfs(), c.memory(), c.cpus(), c.files(), c.expose(), c.waitFor(), c.ulimits(), c.logging(),
                c.aliases(), c.ipv4Address());
    }
}
