package dev.portolan.bench;

import dev.portolan.inventory.ImageLayerCache;
import dev.portolan.inventory.InventoryReader;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import dev.portolan.ui.model.HostSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's numbers, each side by side with its baseline in the same run:
 * (a) engine event → FX model, against the docker CLI's `docker events`;
 * (b) cold inventory of 200 containers, against raw list + inspect through the API.
 * Run with `mvn -Pbench verify`.
 */
class InventoryBench extends EngineTest {

    @BeforeAll
    static void start() {
        FxThread.startToolkit();
    }

    @org.junit.jupiter.api.AfterEach
    void cleanUp() {
        engine.cleanUp();
    }

    @Test
    void eventLatencyAgainstTheDockerCli() throws Exception {
        int containers = Integer.getInteger("bench.events.containers", 60);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < containers; i++) ids.add(engine.create(TestEngine.uniqueName("latency" + i)));

        // FX side: when each container reaches each state in the FX model
        Map<String, Long> fxSeen;
        Map<String, Long> cliSeen;
        Map<String, Long> engineTime;
        try (HostSession session = HostSession.watch(engine.endpoint())) {
            var model = session.model();
            Eventually.within(Duration.ofSeconds(10), "live", () -> FxThread.get(model::isLive));
            fxSeen = DockerEventsCli.fxStartsAndDeaths(model);
            // CLI side: when `docker events` printed each event, and the engine's own time of it
            DockerEventsCli cli = new DockerEventsCli(event -> event.path("id").asText() + ":" + event.path("Action").asText(),
                    "type=container", "event=start", "event=die");
            for (String id : ids) {
                engine.docker().startContainerCmd(id).exec();
                Thread.sleep(20);
                engine.docker().killContainerCmd(id).exec();
                Thread.sleep(20);
            }
            Eventually.within(Duration.ofSeconds(10), "every event seen by both", () -> ids.stream().allMatch(id ->
                    fxSeen.containsKey(id + ":start") && fxSeen.containsKey(id + ":die")
                    && cli.seen.containsKey(id + ":start") && cli.seen.containsKey(id + ":die")));
            cli.close();
            cliSeen = cli.seen;
            engineTime = cli.engineTime;
        }
        List<Double> fx = new ArrayList<>();
        List<Double> cliLatency = new ArrayList<>();
        engineTime.forEach((key, at) -> {
            if (fxSeen.containsKey(key)) fx.add((fxSeen.get(key) - at) / 1e6);
            if (cliSeen.containsKey(key)) cliLatency.add((cliSeen.get(key) - at) / 1e6);
        });
        Stats portolan = Stats.of(fx);
        Stats baseline = Stats.of(cliLatency);
        BenchReport report = new BenchReport("event-latency");
        report.line("(a) engine event time -> seen, " + containers + " containers started and killed");
        report.line(Stats.header());
        report.line(portolan.row("Portolan: event -> FX model"));
        report.line(baseline.row("baseline: docker events CLI"));
        report.line(String.format("p95 ratio %.2fx (goal: p95 <= 50 ms and <= 1.5x the CLI)", portolan.p95() / baseline.p95()));
        report.put("portolan", portolan);
        report.put("dockerEventsCli", baseline);
        report.finish();
    }

    @Test
    void coldInventoryAgainstRawListAndInspect() throws Exception {
        int count = Integer.getInteger("bench.inventory.containers", 200);
        try (ExecutorService parallel = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < count; i++) {
                int n = i;
                parallel.submit(() -> engine.runSleeper(TestEngine.uniqueName("cold" + n)));
            }
        }
        var docker = engine.docker();
        List<Double> portolan = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        int images = 0;
        for (int round = 0; round < 7; round++) {
            // first read in a process: every image's layers inspected too
            ImageLayerCache.clear();
            long start = System.nanoTime();
            var inventory = new InventoryReader(docker).readAll();
            portolan.add((System.nanoTime() - start) / 1e6);
            if (inventory.containers().size() < count) throw new AssertionError("missing containers");
            images = inventory.images().size();

            // a reconnect, or another host with the same images: the layers are known by image id
            start = System.nanoTime();
            new InventoryReader(docker).readAll();
            again.add((System.nanoTime() - start) / 1e6);

            start = System.nanoTime();
            for (var c : docker.listContainersCmd().withShowAll(true).exec()) docker.inspectContainerCmd(c.getId()).exec();
            raw.add((System.nanoTime() - start) / 1e6);
        }
        Stats ours = Stats.of(portolan.subList(2, portolan.size()));
        Stats ours2 = Stats.of(again.subList(2, again.size()));
        Stats baseline = Stats.of(raw.subList(2, raw.size()));
        BenchReport report = new BenchReport("cold-inventory");
        report.line("(b) cold inventory of " + count + " running containers (5 rounds after 2 warm-ups)");
        report.line(Stats.header());
        report.line(ours.row("Portolan: first read"));
        report.line(ours2.row("Portolan: images known"));
        report.line(baseline.row("baseline: list + inspect each"));
        report.line(String.format("median ratios %.2fx and %.2fx (#22's goal: <= 1.0x); Portolan also reads images (%d here),"
                + " volumes, networks and the engine's facts", ours.p50() / baseline.p50(), ours2.p50() / baseline.p50(),
                images));
        report.put("portolan", ours);
        report.put("portolanImagesKnown", ours2);
        report.put("rawListInspect", baseline);
        report.finish();
    }
}
