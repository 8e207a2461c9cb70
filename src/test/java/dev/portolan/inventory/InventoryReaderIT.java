package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.Mount;
import dev.portolan.inventory.ContainerInfo.NetworkAttachment;
import dev.portolan.inventory.ContainerInfo.PortMapping;
import dev.portolan.inventory.ContainerInfo.State;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container is read from its inspect's JSON (not docker-java's beans): every field the
 * inventory keeps, for a container with published and unpublished ports, a named volume and a
 * read-only bind, a user network with an alias, labels and a health check; running, then stopped.
 */
class InventoryReaderIT extends EngineTest {

    @TempDir
    Path conf;

    @AfterEach
    void cleanUp() {
        engine.cleanUp();
    }

    @Test
    void aContainerIsReadFieldByFieldRunningAndThenStopped() throws Exception {
        var docker = engine.docker();
        String suffix = TestEngine.uniqueName("read");
        String network = docker.createNetworkCmd().withName("net-" + suffix).withLabels(Map.of(TestEngine.LABEL, "true"))
                .exec().getId();
        String volume = docker.createVolumeCmd().withName("data-" + suffix).withLabels(Map.of(TestEngine.LABEL, "true"))
                .exec().getName();
        int hostPort = TestEngine.freePort();
        Ports bindings = new Ports();
        bindings.bind(ExposedPort.tcp(80), Ports.Binding.bindIpAndPort("127.0.0.1", hostPort));
        Files.writeString(conf.resolve("app.conf"), "x");
        String id = docker.createContainerCmd(TestEngine.BUSYBOX).withName(suffix)
                .withLabels(Map.of(TestEngine.LABEL, "true", "tier", "web"))
                .withCmd("sh", "-c", "trap 'exit 3' TERM; sleep 3600 & wait")
                .withExposedPorts(ExposedPort.tcp(80), ExposedPort.udp(9000))
                .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "true")).withInterval(1_000_000_000L))
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(bindings).withNetworkMode("net-" + suffix)
                        .withBinds(new Bind(volume, new Volume("/data")),
                                new Bind(conf.toString(), new Volume("/conf"), com.github.dockerjava.api.model.AccessMode.ro)))
                .withAliases("web")
                .withStopTimeout(5)
                .exec().getId();
        Instant beforeStart = Instant.now().minusSeconds(2);
        docker.startContainerCmd(id).exec();

        ContainerInfo running = new InventoryReader(docker).container(id).orElseThrow();
        assertEquals(id, running.id());
        assertEquals(suffix, running.name(), "the name without the engine's leading slash");
        assertEquals(TestEngine.BUSYBOX, running.image());
        assertEquals(docker.inspectImageCmd(TestEngine.BUSYBOX).exec().getId(), running.imageId());
        assertEquals("sh -c trap 'exit 3' TERM; sleep 3600 & wait", running.command());
        assertEquals(State.RUNNING, running.state());
        assertTrue(running.health() == Health.STARTING || running.health() == Health.HEALTHY, "health: " + running.health());
        assertEquals(List.of(new PortMapping("127.0.0.1", hostPort, 80, "tcp"), new PortMapping(null, 0, 9000, "udp")),
                running.ports(), "a published port, and an exposed one that is not");
        NetworkAttachment attached = running.networks().getFirst();
        assertEquals(1, running.networks().size());
        assertEquals("net-" + suffix, attached.network());
        assertEquals(network, attached.networkId());
        assertNotNull(attached.ipAddress());
        assertTrue(attached.aliases().contains("web"), "aliases: " + attached.aliases());
        Mount data = running.mounts().stream().filter(m -> m.destination().equals("/data")).findFirst().orElseThrow();
        assertEquals("volume", data.type());
        assertEquals(volume, data.name());
        assertTrue(data.readWrite());
        Mount bind = running.mounts().stream().filter(m -> m.destination().equals("/conf")).findFirst().orElseThrow();
        assertEquals("bind", bind.type());
        assertEquals(conf.toString(), bind.source());
        assertFalse(bind.readWrite(), "mounted read-only");
        assertEquals("web", running.labels().get("tier"));
        assertEquals(0, running.restartCount());
        assertFalse(running.oomKilled());
        assertTrue(running.created().isAfter(beforeStart.minusSeconds(30)) && !running.created().isAfter(running.startedAt()),
                "created " + running.created() + ", started " + running.startedAt());
        assertTrue(running.startedAt().isAfter(beforeStart), "started " + running.startedAt());

        docker.stopContainerCmd(id).exec();
        ContainerInfo stopped = new InventoryReader(docker).container(id).orElseThrow();
        assertEquals(State.EXITED, stopped.state());
        assertEquals(3, stopped.exitCode());
        assertEquals(List.of(new PortMapping("127.0.0.1", hostPort, 80, "tcp")), stopped.ports(),
                "stopped, it shows the port it asks for (from its host config)");
        assertEquals(running.startedAt(), stopped.startedAt());
    }

    @Test
    void aContainerThatIsGoneIsEmptyAndTheFactsNameTheEnginesVersions() {
        var docker = engine.docker();
        var reader = new InventoryReader(docker);
        assertTrue(reader.container("no-such-container-" + TestEngine.uniqueName("x")).isEmpty());

        EngineFacts facts = reader.facts();
        var version = docker.versionCmd().exec();
        assertEquals(version.getVersion(), facts.serverVersion());
        assertEquals(version.getApiVersion(), facts.apiVersion(), "the API version from the ping equals /version's");
        assertEquals(docker.infoCmd().exec().getId(), facts.id());
    }

    @Test
    void aFullSnapshotHoldsEveryContainerTheEngineLists() {
        String a = engine.runSleeper(TestEngine.uniqueName("all-a"));
        String b = engine.create(TestEngine.uniqueName("all-b"));
        HostInventory inventory = new InventoryReader(engine.docker()).readAll();
        var listed = engine.docker().listContainersCmd().withShowAll(true).exec().stream().map(c -> c.getId()).toList();
        assertTrue(inventory.containers().keySet().containsAll(listed), "every listed container is read");
        assertEquals(State.RUNNING, inventory.containers().get(a).state());
        assertEquals(State.CREATED, inventory.containers().get(b).state());
        assertNotNull(inventory.facts().apiVersion());
    }
}
