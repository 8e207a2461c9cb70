package dev.portolan.host.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.engine.ContainerRunner;
import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.RunSpec;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.image.ImageCopy;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated hosts made of the locally built DinD image, checked on the engine and with the docker CLI. */
class SimulatedHostsIT extends EngineTest {

    private static final String LAB = "it" + UUID.randomUUID().toString().substring(0, 6);

    @TempDir
    static Path home;
    private static SimulatedHosts hosts;

    @BeforeAll
    static void connect() {
        hosts = new SimulatedHosts(engine.docker(), home.resolve("config"), new DockerContexts(home.resolve("docker")));
    }

    @AfterAll
    static void removeLab() {
        for (SimulatedHost h : hosts.list()) if (h.lab().equals(LAB)) hosts.remove(h, false);
    }

    private static SimulatedHostSpec spec(String name, List<SimulatedHostSpec.PortMapping> ports) {
        return new SimulatedHostSpec(LAB, name, TestEngine.DIND, ports);
    }

    private static String docker(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "--config", home.resolve("docker").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return "exit " + process.exitValue() + ": " + output;
    }

    @Test
    void twoHostsRunBusyboxAndTheCliReachesThemThroughTheirContexts() throws Exception {
        int web = TestEngine.freePort();
        SimulatedHost one = hosts.create(spec("node1", List.of(new SimulatedHostSpec.PortMapping(web, 80))), Progress.NONE);
        SimulatedHost two = hosts.create(spec("node2", List.of()), Progress.NONE);
        assertEquals(hosts.find(LAB, "node1").orElseThrow(), one, "the host create returns is the one the engine lists");
        assertTrue(List.of("privileged", "capabilities").contains(one.privilege()), one.privilege());

        for (SimulatedHost host : List.of(one, two)) {
            try (EngineClients inside = EngineClients.connect(host.endpoint())) {
                ImageCopy.copy(engine.docker(), inside.requests(), TestEngine.BUSYBOX);
                new ContainerRunner(inside.requests()).run(new RunSpec(TestEngine.BUSYBOX, "web",
                        List.of("httpd", "-f", "-p", "80", "-h", "/var/www"), List.of(),
                        host == one ? List.of("80:80") : List.of(), List.of(), null, null));
            }
        }
        // the docker CLI, through the contexts Portolan registered
        for (SimulatedHost host : List.of(one, two)) {
            String ps = docker("--context", host.contextName(), "ps", "--format", "{{.Names}}");
            assertEquals("exit 0: web\n", ps, "docker --context " + host.contextName() + " ps");
        }
        // a web app published inside node1 is reachable on 127.0.0.1 of the laptop
        String page = fetch("http://127.0.0.1:" + web + "/");
        assertTrue(page.contains("Hello from Portolan"), page);
        // the hosts reach each other by name on the lab network
        var ping = new dev.portolan.engine.ContainerOps(engine.clients()).exec(one.containerId(),
                List.of("ping", "-c", "1", "-W", "2", "node2"), java.time.Duration.ofSeconds(10));
        assertEquals(0, ping.exitCode(), "node1 reaches node2 by name: " + ping.output());
    }

    /** The page at {@code url}; retried for a few seconds while the nested port forwarding settles. */
    private static String fetch(String url) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (var in = URI.create(url).toURL().openStream()) {
                return new String(in.readAllBytes());
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(200);
            }
        }
    }

    @Test
    void theApiListensOn127001OnlyAndRequiresAClientCertificate() throws Exception {
        SimulatedHost host = hosts.create(spec("secure", List.of()), Progress.NONE);
        var bindings = engine.docker().inspectContainerCmd(host.containerId()).exec().getHostConfig().getPortBindings();
        bindings.getBindings().values().forEach(list -> {
            for (var b : list) assertEquals("127.0.0.1", b.getHostIp());
        });
        // TLS but no client certificate: refused by the engine
        Path ca = home.resolve("config/labs").resolve(LAB).resolve("ca/ca.pem");
        String noCert = docker("-H", "tcp://127.0.0.1:" + host.apiPort(), "--tlsverify", "--tlscacert", ca.toString(), "version");
        assertTrue(noCert.startsWith("exit 1") && noCert.contains("certificate"), noCert);
        // plain HTTP: no answer a client can use
        try (EngineClients plain = EngineClients.connect(new EngineEndpoint("plain",
                URI.create("tcp://127.0.0.1:" + host.apiPort()), null, "test"))) {
            assertThrows(RuntimeException.class, plain::ping);
        }
        // the server's certificates came in on the host's stdin, not copied into it; its key is root's only
        assertTrue(docker("logs", host.containerId()).contains(CertificateHandOver.RECEIVED), "handed over on stdin");
        assertEquals("exit 0: 600 0\n", docker("exec", host.containerId(), "stat", "-c", "%a %u", "/certs/server/key.pem"));
        // keys are 0600, their folders 0700
        Path key = host.clientCertificates().resolve("key.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
    }

    /** A transport that attaches but delivers nothing: the certificates are copied in, the hang-up ends the wait. */
    @Test
    void aHostWhoseStdinBringsNothingGetsItsCertificatesCopiedIn() throws Exception {
        CertificateHandOver handOver = hosts.launcher().handOver;
        var silent = new java.io.PipedOutputStream();
        var stdin = new java.io.PipedInputStream(silent);
        handOver.stdin = archive -> stdin;
        handOver.patience = java.time.Duration.ofSeconds(1);
        try {
            long start = System.nanoTime();
            SimulatedHost host = hosts.create(spec("silent", List.of()), Progress.NONE); // returns once its TLS API answers
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "ready soon after the patience ran out");
            assertFalse(docker("logs", host.containerId()).contains(CertificateHandOver.RECEIVED), "nothing came on stdin");
            assertEquals("exit 0: 600 0\n", docker("exec", host.containerId(), "stat", "-c", "%a %u", "/certs/server/key.pem"));
            hosts.remove(host, false);
        } finally {
            handOver.stdin = java.io.ByteArrayInputStream::new;
            handOver.patience = java.time.Duration.ofSeconds(15);
            silent.close();
        }
    }

    @Test
    void stopAndStartKeepAContainerAndRemoveKeepsTheVolumeOnlyIfAsked() throws Exception {
        SimulatedHost host = hosts.create(spec("keeper", List.of()), Progress.NONE);
        try (EngineClients inside = EngineClients.connect(host.endpoint())) {
            ImageCopy.copy(engine.docker(), inside.requests(), TestEngine.BUSYBOX);
            inside.requests().createContainerCmd(TestEngine.BUSYBOX).withName("kept").exec();
        }
        hosts.stop(host);
        SimulatedHost again = hosts.start(hosts.find(LAB, "keeper").orElseThrow(), Progress.NONE);
        try (EngineClients inside = EngineClients.connect(again.endpoint())) {
            assertEquals("/kept", inside.requests().inspectContainerCmd("kept").exec().getName());
        }
        assertTrue(docker("--context", again.contextName(), "ps", "-a").contains("kept"), "the context follows the new port");

        hosts.remove(again, true);
        String volume = SimulatedHosts.volumeName(LAB, "keeper");
        assertEquals(volume, engine.docker().inspectVolumeCmd(volume).exec().getName(), "kept when asked");
        assertTrue(hosts.find(LAB, "keeper").isEmpty());
        assertFalse(new DockerContexts(home.resolve("docker")).exists(again.contextName()), "context removed");
        assertFalse(Files.exists(hosts.hostDir(LAB, "keeper")), "certificates removed");

        SimulatedHost recreated = hosts.create(spec("keeper", List.of()), Progress.NONE);
        try (EngineClients inside = EngineClients.connect(recreated.endpoint())) {
            assertEquals("/kept", inside.requests().inspectContainerCmd("kept").exec().getName(), "data survived");
        }
        hosts.remove(recreated, false);
        assertThrows(NotFoundException.class, () -> engine.docker().inspectVolumeCmd(volume).exec());
    }

    @Test
    void badInputIsExplainedAndLeavesNothingBehind() throws Exception {
        SimulatedHost taken = hosts.create(spec("taken", List.of()), Progress.NONE);
        var again = assertThrows(InvalidInputException.class, () -> hosts.create(spec("taken", List.of()), Progress.NONE));
        assertTrue(again.getMessage().contains("already exists in lab " + LAB), again.getMessage());
        assertTrue(hosts.find(LAB, "taken").isPresent(), "the existing host is untouched");

        var missing = assertThrows(InvalidInputException.class, () -> hosts.create(
                new SimulatedHostSpec(LAB, "noimage", "portolan-test/no-such-dind", List.of()), Progress.NONE));
        assertTrue(missing.getMessage().contains("is not on the local engine"), missing.getMessage());

        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var port = assertThrows(InvalidInputException.class, () -> hosts.create(
                    spec("busyport", List.of(new SimulatedHostSpec.PortMapping(busy.getLocalPort(), 80))), Progress.NONE));
            assertTrue(port.getMessage().contains("already in use"), port.getMessage());
        }
        var cancelled = assertThrows(java.util.concurrent.CancellationException.class, () -> hosts.create(
                spec("cancelled", List.of()), new Progress() {
                    private int steps;

                    @Override
                    public void step(String text) {
                        steps++;
                    }

                    @Override
                    public boolean isCancelled() {
                        return steps >= 3; // while waiting for the API of a started container
                    }
                }));
        assertNotEquals(null, cancelled);
        for (String name : List.of("noimage", "busyport", "cancelled")) {
            assertTrue(hosts.find(LAB, name).isEmpty(), name + " left a container");
            assertFalse(Files.exists(hosts.hostDir(LAB, name)), name + " left certificates");
            assertThrows(NotFoundException.class,
                    () -> engine.docker().inspectVolumeCmd(SimulatedHosts.volumeName(LAB, name)).exec(), name + " left a volume");
        }
        hosts.remove(taken, false);
    }
}
