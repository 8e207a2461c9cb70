package dev.portolan.bench;

import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.Labs;
import dev.portolan.testing.DockerCli;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestLabs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's figure: a 3-host lab after the local engine restarts. From the moment the
 * local engine answers again to every host's TLS API answering (the hosts come back by
 * their restart policy), beside a raw `docker start` of the same three stopped containers
 * timed to the same three APIs answering.
 */
class EngineRestartBench extends EngineTest {

    private static final int ROUNDS = 3;
    private static final String LAB = """
            name: benchrestart
            hosts: [{name: front}, {name: apps}, {name: data}]
            containers:
              - {name: web, host: front, image: busybox:1.36, restart: always, command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]}
              - {name: api, host: apps, image: busybox:1.36, restart: always, command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]}
              - {name: db, host: data, image: busybox:1.36, restart: always, command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]}
            """;

    @TempDir
    static Path home;
    private static SimulatedHosts hosts;
    private static Labs labs;
    private static LabSpec lab;

    @BeforeAll
    static void apply() throws Exception {
        TestLabs test = TestLabs.in(engine, home);
        hosts = test.hosts();
        labs = test.labs();
        lab = LabFile.parse(LAB, "benchrestart.yaml");
        labs.apply(lab, Progress.NONE);
    }

    @AfterAll
    static void destroy() {
        labs.destroy(lab.name(), true, Progress.NONE);
    }

    @Test
    void hostsBackAfterTheEngineRestartsAgainstARawDockerStart() throws Exception {
        List<SimulatedHost> members = hosts.list().stream().filter(h -> h.lab().equals(lab.name())).toList();
        List<EngineEndpoint> apis = members.stream().map(SimulatedHost::endpoint).toList();
        List<Double> portolan = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // Portolan: the engine restarts; the hosts come back by themselves
            Process restart = new ProcessBuilder("bash", "src/test/engine/prepare-engine.sh", "--restart")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            waitUntil(() -> !answers(engine.endpoint()), 120);
            waitUntil(() -> answers(engine.endpoint()), 120);
            long engineBack = System.nanoTime();
            waitUntil(() -> apis.stream().allMatch(EngineRestartBench::answers), 120);
            portolan.add((System.nanoTime() - engineBack) / 1e6);
            restart.waitFor(120, TimeUnit.SECONDS);
            Assumptions.assumeTrue(restart.exitValue() != 3, "the local engine was not started by the tests' script");

            // raw: the same three containers, stopped, then started by the docker CLI at once
            List<String> names = new ArrayList<>(List.of("stop"));
            members.forEach(h -> names.add(h.contextName()));
            DockerCli cli = new DockerCli(home.resolve("docker"));
            cli.run(names.toArray(String[]::new));
            names.set(0, "start");
            long start = System.nanoTime();
            cli.run(names.toArray(String[]::new));
            waitUntil(() -> apis.stream().allMatch(EngineRestartBench::answers), 120);
            raw.add((System.nanoTime() - start) / 1e6);
        }
        engine.awaitAnswering();
        BenchReport report = new BenchReport("engine-restart");
        Stats[] both = report.sideBySide("portolan", "engine back -> 3 hosts live", portolan, "raw", "raw docker start -> 3 APIs", raw);
        double ratio = both[0].p50() / both[1].p50();
        report.line(String.format("ratio (median): %.2f x   (goal <= 1.3 x)", ratio));
        report.put("ratio", ratio);
        report.finish();
    }

    private static boolean answers(EngineEndpoint endpoint) {
        try (var pinger = EngineClients.pinger(endpoint)) {
            pinger.pingCmd().exec();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + seconds + " s");
            Thread.sleep(10);
        }
    }
}
