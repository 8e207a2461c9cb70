package dev.portolan.bench;

import dev.portolan.engine.EngineEndpoint;
import dev.portolan.image.TransferProgress;
import dev.portolan.operations.HostOperations;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.Processes;
import dev.portolan.testing.SshServers;
import dev.portolan.testing.TestEngine;
import dev.portolan.ui.model.HostSession;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's numbers on an engine over ssh (the test's ssh server on 127.0.0.1), side by side
 * with the docker CLI reaching the same engine with `-H ssh://`: engine event → FX model
 * against `docker events`, and connect → first snapshot against `docker ps`.
 */
class SshBench extends EngineTest {

    private static final int CONTAINERS = 30;

    @TempDir
    static Path dir;
    private static SshServers servers;
    /** A folder whose `ssh` adds the test's config, first on the docker CLI's PATH. */
    private static Path wrapped;

    @BeforeAll
    static void start() throws Exception {
        FxThread.startToolkit();
        servers = SshServers.start(engine, dir, false);
        wrapped = Files.createDirectories(dir.resolve("bin"));
        Path ssh = Files.writeString(wrapped.resolve("ssh"), "#!/bin/sh\nexec /usr/bin/ssh -F " + servers.config() + " \"$@\"\n");
        ssh.toFile().setExecutable(true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) servers.close();
    }

    private static EngineEndpoint endpoint() {
        return new EngineEndpoint("server", URI.create("ssh://" + servers.good), null, "bench");
    }

    private static Map<String, String> cliEnv() {
        return Map.of("PATH", wrapped + ":" + System.getenv("PATH"), "DOCKER_HOST", "ssh://" + servers.good);
    }

    @Test
    void overSshAgainstTheDockerCli() throws Exception {
        List<String> ids = new ArrayList<>();
        try (HostOperations server = HostOperations.connect(endpoint());
                HostOperations local = HostOperations.of(dev.portolan.engine.EngineClients.connect(engine.endpoint()))) {
            local.copyImageTo(server, TestEngine.BUSYBOX, TransferProgress.of((d, e) -> {}, () -> false));
            for (int i = 0; i < CONTAINERS; i++) {
                Processes.Result made = servers.ssh(servers.good, "docker", "create", "--name", "bench" + i, TestEngine.BUSYBOX,
                        "sleep", "3600");
                ids.add(made.output().strip());
            }

            // (1) event → FX model, beside `docker -H ssh:// events` on the same events
            Map<String, Long> fxSeen;
            DockerEventsCli cli;
            try (HostSession session = HostSession.watch(endpoint())) {
                var model = session.model();
                Eventually.within(Duration.ofSeconds(30), "live", () -> FxThread.get(model::isLive));
                fxSeen = DockerEventsCli.fxStartsAndDeaths(model);
                cli = new DockerEventsCli(cliEnv(), event -> event.path("id").asText() + ":" + event.path("Action").asText(),
                        "type=container", "event=start", "event=die");
                Thread.sleep(1500); // the CLI's own ssh connection
                for (String id : ids) {
                    server.start(id);
                    Thread.sleep(30);
                    server.kill(id);
                    Thread.sleep(30);
                }
                Eventually.within(Duration.ofSeconds(30), "every event seen by both", () -> ids.stream().allMatch(id ->
                        fxSeen.containsKey(id + ":start") && fxSeen.containsKey(id + ":die")
                        && cli.seen.containsKey(id + ":start") && cli.seen.containsKey(id + ":die")));
                cli.close();
            }
            List<Double> fx = new ArrayList<>();
            List<Double> viaCli = new ArrayList<>();
            cli.engineTime.forEach((key, at) -> {
                if (fxSeen.containsKey(key)) fx.add((fxSeen.get(key) - at) / 1e6);
                if (cli.seen.containsKey(key)) viaCli.add((cli.seen.get(key) - at) / 1e6);
            });

            // (2) connect → first snapshot, beside `docker -H ssh:// ps -a`
            List<Double> firstSnapshot = new ArrayList<>();
            List<Double> ps = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                long start = System.nanoTime();
                try (HostSession session = HostSession.watch(endpoint())) {
                    Eventually.within(Duration.ofSeconds(30), "first snapshot", () -> FxThread.get(() ->
                            session.model().isLive() && session.model().containers().size() >= CONTAINERS));
                    firstSnapshot.add((System.nanoTime() - start) / 1e6);
                }
                start = System.nanoTime();
                Processes.Result listed = Processes.run(60, cliEnv(), List.of("docker", "ps", "-a"));
                ps.add((System.nanoTime() - start) / 1e6);
                if (listed.exit() != 0) throw new AssertionError("docker -H ssh:// ps failed: " + listed);
            }

            BenchReport report = new BenchReport("ssh");
            report.line("(16) an engine over ssh (sshd in a container on 127.0.0.1, " + CONTAINERS + " containers)");
            report.line("engine event -> seen, each container started and killed:");
            Stats[] events = report.sideBySide("eventToFxModel", "Portolan: event -> FX model", fx, "dockerEventsCli",
                    "baseline: docker -H ssh:// events", viaCli);
            report.line(String.format("p95 ratio %.2fx (goal <= 1.5x)", events[0].p95() / events[1].p95()));
            report.line("connect -> first snapshot (rounds 2-6; one ssh connection kept a minute, as ControlPersist does):");
            Stats[] connect = report.sideBySide("firstSnapshot", "Portolan: watch -> containers in the model",
                    firstSnapshot.subList(1, firstSnapshot.size()), "dockerPs", "baseline: docker -H ssh:// ps -a",
                    ps.subList(1, ps.size()));
            report.line(String.format("median ratio %.2fx (reported); the first round: Portolan %.0f ms, docker ps %.0f ms",
                    connect[0].p50() / connect[1].p50(), firstSnapshot.getFirst(), ps.getFirst()));
            report.finish();
        }
    }
}
