package dev.portolan.bench;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHostSpec;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's numbers: (c) one simulated host from nothing to its TLS API answering, beside
 * a raw `docker run` of the same image whose TLS API is pinged the same way (the
 * certificates made beforehand, the capability mode this sandbox needs); (d) three hosts
 * of one lab from nothing to all ready.
 */
class SimulatedHostBench extends EngineTest {

    @TempDir
    static Path home;
    private static SimulatedHosts hosts;

    @BeforeAll
    static void start() throws Exception {
        hosts = new SimulatedHosts(engine.docker(), home.resolve("config"), new DockerContexts(home.resolve("docker")));
    }

    @AfterAll
    static void stop() {
        for (SimulatedHost h : hosts.list()) if (h.lab().startsWith("bench")) hosts.remove(h, false);
    }

    @Test
    void hostReadyAgainstRawRunAndPing() throws Exception {
        // warm-up: the first host of a process also learns whether the engine refuses --privileged
        hosts.remove(hosts.create(new SimulatedHostSpec("benchw", "warm", TestEngine.DIND, List.of()), Progress.NONE), false);
        List<Double> newLab = new ArrayList<>();
        List<Double> existingLab = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> rawOnANetwork = new ArrayList<>();
        String network = engine.docker().createNetworkCmd().withName(TestEngine.uniqueName("raw-bench"))
                .withLabels(java.util.Map.of(TestEngine.LABEL, "true")).exec().getId();
        Path certs = hosts.hostDir("benchw", "certs");
        var ca = dev.portolan.host.tls.CertificateAuthority.loadOrCreate(home.resolve("raw-ca"), "raw");
        ca.issueServer(certs.resolve("server"), "raw", List.of("127.0.0.1", "localhost"));
        ca.issueClient(certs.resolve("client"), "raw");
        // a standing host keeps the lab (its network and CA) in place for the "existing lab" rounds
        SimulatedHost standing = hosts.create(new SimulatedHostSpec("bench", "standing", TestEngine.DIND, List.of()),
                Progress.NONE);
        for (int round = 0; round < 5; round++) {
            newLab.add(timeCreateAndRemove("benchnew" + round, "h"));
            existingLab.add(timeCreateAndRemove("bench", "h" + round));
            raw.add(rawRunAndPing(certs, round, null));
            rawOnANetwork.add(rawRunAndPing(certs, round, network));
        }
        engine.docker().removeNetworkCmd(network).exec();
        hosts.remove(standing, false);
        Stats first = Stats.of(newLab);
        Stats added = Stats.of(existingLab);
        Stats baseline = Stats.of(raw);
        Stats baselineOnANetwork = Stats.of(rawOnANetwork);
        BenchReport report = new BenchReport("simulated-host-ready");
        report.line("(c) simulated host: nothing -> TLS API answers ping (5 rounds each, after one warm-up)");
        report.line(Stats.header());
        report.line(first.row("Portolan: first host of a new lab"));
        report.line(added.row("Portolan: host added to a lab"));
        report.line(baseline.row("baseline: raw run + TLS ping"));
        report.line(baselineOnANetwork.row("  the same on a user network"));
        report.line(String.format("median ratios %.2fx (new lab: also its network and CA) and %.2fx (#22's goal <= 1.1x);"
                + " against a raw run on a user network as a lab's hosts are (Docker's DNS for them): %.2fx",
                first.p50() / baseline.p50(), added.p50() / baseline.p50(), added.p50() / baselineOnANetwork.p50()));
        report.put("firstHostOfNewLab", first);
        report.put("hostAddedToLab", added);
        report.put("rawRunAndPing", baseline);
        report.put("rawRunAndPingOnAUserNetwork", baselineOnANetwork);
        report.finish();
    }

    private double timeCreateAndRemove(String lab, String name) {
        long start = System.nanoTime();
        SimulatedHost host = hosts.create(new SimulatedHostSpec(lab, name, TestEngine.DIND, List.of()), Progress.NONE);
        double millis = (System.nanoTime() - start) / 1e6;
        hosts.remove(host, false);
        return millis;
    }

    /**
     * docker run of the DinD image with the same flags, certificates bind-mounted, then ping until
     * it answers; on the default bridge, or on {@code network} (null for the bridge).
     */
    private double rawRunAndPing(Path certs, int round, String network) throws Exception {
        var docker = engine.docker();
        long start = System.nanoTime();
        Ports ports = new Ports();
        ports.bind(ExposedPort.tcp(2376), Ports.Binding.bindIp("127.0.0.1"));
        var hostConfig = new dev.portolan.host.simulated.HostConfigWithPaths();
        if (network != null) hostConfig.withNetworkMode(network);
        String id = docker.createContainerCmd(TestEngine.DIND).withName("raw-dind-" + round + (network == null ? "" : "-net"))
                .withExposedPorts(ExposedPort.tcp(2376)).withEnv("DOCKER_TLS_CERTDIR=")
                .withHostConfig(hostConfig.withPortBindings(ports)
                        .withCapAdd(Capability.ALL).withCapDrop(Capability.SYS_RESOURCE)
                        .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                        .withBinds(com.github.dockerjava.api.model.Bind.parse(certs.resolve("server") + ":/certs/server:ro")))
                .withCmd("--host=tcp://0.0.0.0:2376", "--tlsverify", "--tlscacert=/certs/server/ca.pem",
                        "--tlscert=/certs/server/cert.pem", "--tlskey=/certs/server/key.pem")
                .exec().getId();
        docker.startContainerCmd(id).exec();
        int port = docker.inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings()
                .get(ExposedPort.tcp(2376))[0].getHostPortSpec().transform(Integer::parseInt);
        try (var pinger = EngineClients.pinger(new EngineEndpoint("raw", URI.create("tcp://127.0.0.1:" + port),
                certs.resolve("client"), "bench"))) {
            while (true) {
                try {
                    pinger.pingCmd().exec();
                    break;
                } catch (RuntimeException notYet) {
                    Thread.sleep(10);
                }
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        return millis;
    }

    @Test
    void threeHostLabFromNothingToAllReady() throws Exception {
        long start = System.nanoTime();
        List<Future<SimulatedHost>> made = new ArrayList<>();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String name : List.of("node1", "node2", "node3")) {
                made.add(parallel.submit(() -> hosts.create(new SimulatedHostSpec("bench3", name, TestEngine.DIND, List.of()),
                        Progress.NONE)));
            }
        }
        for (Future<SimulatedHost> f : made) f.get();
        double millis = (System.nanoTime() - start) / 1e6;
        BenchReport report = new BenchReport("three-host-lab");
        report.line(String.format("(d) three simulated hosts of one lab, from nothing to all ready: %.0f ms (goal <= 20 s)", millis));
        report.put("millis", millis);
        report.finish();
    }
}
