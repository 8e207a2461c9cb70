package dev.portolan.host.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.RestartPolicy;
import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.ContainerRunner;
import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.ExplainedFailure;
import dev.portolan.engine.RunSpec;
import dev.portolan.host.Progress;
import dev.portolan.image.ImageCopy;
import dev.portolan.testing.DockerCli;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated host comes back as it was, whatever stopped it: a stop whose containers ignore
 * SIGTERM, a SIGKILL, its API port taken meanwhile; and a start that fails says why.
 */
public class SimulatedHostRestartIT extends EngineTest {

    private static final String LAB = "rs" + UUID.randomUUID().toString().substring(0, 6);
    /** A service that ignores SIGTERM: its engine must wait for it, then kill it. */
    private static final List<String> STUBBORN = List.of("sh", "-c", "trap '' TERM; echo started >> /data/starts; "
            + "while true; do sleep 1; done");

    @TempDir
    static Path home;
    private static SimulatedHosts hosts;
    private static DockerCli cli;

    @BeforeAll
    static void connect() {
        hosts = new SimulatedHosts(engine.docker(), home.resolve("config"), new DockerContexts(home.resolve("docker")));
        cli = new DockerCli(home.resolve("docker"));
    }

    @AfterAll
    static void removeLab() {
        engine.removeLab(LAB);
    }

    /** A host running the stubborn service (restart: unless-stopped) with its data in a volume. */
    private static SimulatedHost hostWithStubbornService(String name) {
        SimulatedHost host = hosts.create(new SimulatedHostSpec(LAB, name, TestEngine.DIND, List.of()), Progress.NONE);
        try (EngineClients inside = EngineClients.connect(host.endpoint())) {
            ImageCopy.copy(engine.docker(), inside.requests(), TestEngine.BUSYBOX);
            inside.requests().createVolumeCmd().withName("data").exec();
            new ContainerRunner(inside.requests()).run(new RunSpec(TestEngine.BUSYBOX, "stubborn", STUBBORN, List.of(),
                    List.of(), List.of("data:/data"), null, "unless-stopped"), java.util.Map.of(), null, List.of());
        }
        return host;
    }

    private static String inside(SimulatedHost host, String... command) throws Exception {
        try (EngineClients clients = EngineClients.connect(host.endpoint())) {
            return new ContainerOps(clients).exec("stubborn", List.of(command), Duration.ofSeconds(10)).output().strip();
        }
    }

    @Test
    void aHostWhoseContainersIgnoreSigtermStopsAndStartsAgainOnItsPortAndTheCliStillReachesIt() throws Exception {
        SimulatedHost host = hostWithStubbornService("stubborn");
        var config = engine.docker().inspectContainerCmd(host.containerId()).exec();
        assertEquals(RestartPolicy.unlessStoppedRestart().getName(), config.getHostConfig().getRestartPolicy().getName());
        assertEquals("exit 0: " + HostLauncher.STOP_GRACE_SECONDS + "\n",
                cli.run("inspect", "-f", "{{.Config.StopTimeout}}", host.contextName()).toString());

        // the docker CLI's own stop, with no -t: the host's stop timeout lets its engine stop the service first
        long stopStart = System.nanoTime();
        var stop = cli.run("stop", host.contextName());
        long stopMillis = (System.nanoTime() - stopStart) / 1_000_000;
        assertEquals(0, stop.exit(), stop.toString());
        var stopped = engine.docker().inspectContainerCmd(host.containerId()).exec().getState();
        System.out.printf("[restart] docker stop of a host whose service ignores SIGTERM: %d ms, exit code %d%n",
                stopMillis, stopped.getExitCodeLong());
        assertEquals(0L, stopped.getExitCodeLong(), "the inner engine stopped by itself, not killed");
        assertEquals(HostCondition.State.STOPPED, hosts.condition(LAB, "stubborn").state());

        SimulatedHost again = hosts.start(hosts.find(LAB, "stubborn").orElseThrow(), Progress.NONE);
        assertEquals(host.apiPort(), again.apiPort(), "the API port is the host's for good");
        assertEquals("started\nstarted", inside(again, "cat", "/data/starts"), "the service came back, its volume too");
        var ps = cli.run("--context", again.contextName(), "ps", "--format", "{{.Names}}");
        assertEquals("exit 0: stubborn\n", ps.toString(), "docker --context " + again.contextName() + " ps");
        assertEquals(HostCondition.State.RUNNING, hosts.condition(LAB, "stubborn").state());
    }

    @Test
    void aKilledHostStartsAgainAndATakenPortMovesItWithItsContext() throws Exception {
        SimulatedHost host = hostWithStubbornService("killed");
        assertEquals(0, cli.run("kill", "--signal", "KILL", host.contextName()).exit());
        SimulatedHost again = hosts.start(hosts.find(LAB, "killed").orElseThrow(), Progress.NONE);
        assertEquals("started\nstarted", inside(again, "cat", "/data/starts"), "no stale pid file stopped its engine");

        // another program takes the host's port while it is stopped: it is made again on a new one
        hosts.stop(again);
        try (ServerSocket squatter = new ServerSocket(again.apiPort(), 1, InetAddress.getLoopbackAddress())) {
            SimulatedHost moved = hosts.start(hosts.find(LAB, "killed").orElseThrow(), Progress.NONE);
            assertNotEquals(again.apiPort(), moved.apiPort());
            assertEquals("started\nstarted\nstarted", inside(moved, "cat", "/data/starts"), "its data came along");
            var ps = cli.run("--context", moved.contextName(), "ps", "--format", "{{.Names}}");
            assertEquals("exit 0: stubborn\n", ps.toString(), "the context follows the new port at once");
        }
    }

    @Test
    void aStartThatFailsSaysWhyWithItsEnginesLogAndWhatToDo() throws Exception {
        SimulatedHost host = hosts.create(new SimulatedHostSpec(LAB, "broken", TestEngine.DIND, List.of()), Progress.NONE);
        hosts.stop(host);
        breakEngineConfiguration(engine.docker(), host.containerId());
        var failure = assertThrows(ExplainedFailure.class, () -> hosts.start(hosts.find(LAB, "broken").orElseThrow(), Progress.NONE));
        assertTrue(failure.getMessage().contains("stopped while starting"), failure.getMessage());
        assertTrue(failure.getMessage().contains("specified both as a flag and in the configuration file"), failure.getMessage());
        assertTrue(failure.getMessage().contains("docker logs " + host.contextName()), failure.getMessage());
        HostCondition condition = hosts.condition(LAB, "broken");
        assertEquals(HostCondition.State.STOPPED, condition.state());
        assertTrue(condition.reason().contains("exit code 1"), condition.reason());
    }

    /**
     * Its engine listens, but Portolan's certificates are not the ones it trusts: the failure says
     * what the ping ran into and what to do, and doing it mends the host.
     */
    @Test
    void aHostWhoseEngineRefusesPortolansCertificatesSaysWhatThePingRanInto() throws Exception {
        SimulatedHost host = hosts.create(new SimulatedHostSpec(LAB, "strange", TestEngine.DIND, List.of()), Progress.NONE);
        hosts.stop(host);
        // a client of another CA: the host's engine turns it away at the handshake
        var other = dev.portolan.host.tls.CertificateAuthority.loadOrCreate(home.resolve("other-ca"), "other");
        other.issueClient(hosts.hostDir(LAB, "strange").resolve("client"), "other");
        var patience = hosts.readiness.patience;
        hosts.readiness.patience = java.time.Duration.ofSeconds(4);
        try {
            var failure = assertThrows(ExplainedFailure.class, () -> hosts.start(hosts.find(LAB, "strange").orElseThrow(), Progress.NONE));
            assertTrue(failure.getMessage().startsWith("strange's API did not answer within 4 s: its port answered, but the last"
                    + " ping failed ("), failure.getMessage());
            assertTrue(failure.getMessage().contains("PKIX path building failed"), "what the handshake said: " + failure.getMessage());
            assertTrue(failure.getMessage().contains("portolan certs renew " + LAB + "/strange"), failure.getMessage());
        } finally {
            hosts.readiness.patience = patience;
        }
        // the advice holds: new certificates from the lab's CA and it answers again
        SimulatedHost renewed = hosts.renewCertificates(hosts.find(LAB, "strange").orElseThrow(), Progress.NONE);
        assertEquals(HostCondition.State.RUNNING, hosts.condition(LAB, "strange").state());
        assertEquals(host.apiPort(), renewed.apiPort());
    }

    /** A daemon.json that contradicts the host's flags: its engine refuses to start, and says so in its log. */
    public static void breakEngineConfiguration(com.github.dockerjava.api.DockerClient docker, String containerId)
            throws Exception {
        byte[] json = "{\"hosts\": [\"unix:///var/run/other.sock\"]}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry dir = new TarArchiveEntry("etc/docker/");
            tar.putArchiveEntry(dir);
            tar.closeArchiveEntry();
            TarArchiveEntry file = new TarArchiveEntry("etc/docker/daemon.json");
            file.setSize(json.length);
            tar.putArchiveEntry(file);
            tar.write(json);
            tar.closeArchiveEntry();
        }
        docker.copyArchiveToContainerCmd(containerId).withRemotePath("/")
                .withTarInputStream(new ByteArrayInputStream(bytes.toByteArray())).exec();
    }
}
