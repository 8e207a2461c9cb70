package dev.portolan.bench;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import dev.portolan.engine.EngineClients;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.inventory.EngineEvent;
import dev.portolan.inventory.SwarmReader;
import dev.portolan.inventory.SwarmSnapshot;
import dev.portolan.inventory.SwarmWatcher;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.Labs;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.TestLabs;
import dev.portolan.ui.model.LatestOnFx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's numbers. (1) A three-node Swarm from nothing to a service of six running, applied
 * by Portolan against the same done by a bash script of docker CLI commands with the
 * parallelism a careful person would write ({@code src/test/bench/swarm-by-hand.sh}); medians
 * of 3 rounds (goal ≤ 1.0×). (2) A task's state change on screen after the engine's event:
 * from the `start` event's own time to the FX pulse that applies a picture showing the task
 * running, through the watcher the window uses, beside a reader polling the manager back to
 * back (the best any poller can do; docker-swarm-visualizer polls every 5 s). Goal p95 ≤ 100 ms.
 */
class SwarmBench extends EngineTest {

    private static final int ROUNDS = 3;
    private static final int CHANGES = 30;
    @TempDir
    static Path home;
    private static Labs labs;
    private static SimulatedHosts hosts;
    private static Path certs;

    @BeforeAll
    static void prepare() throws Exception {
        TestLabs test = TestLabs.in(engine, home);
        labs = test.labs();
        hosts = test.hosts();
        certs = ByHand.certificates(home);
    }

    private static LabSpec swarmLab(String name, int replicas) {
        return LabFile.parse("""
                name: %s
                hosts: [{name: manager}, {name: worker1}, {name: worker2}]
                swarm:
                  managers: [manager]
                  workers: [worker1, worker2]
                  services:
                    - name: web
                      image: %s
                      replicas: %d
                      command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                """.formatted(name, TestEngine.BUSYBOX, replicas), name + ".yaml");
    }

    private static double script(String... args) throws Exception {
        return ByHand.run("swarm-by-hand.sh", args);
    }

    @Test
    void aSwarmOfThreeWithSixRunningAgainstTheScript() throws Exception {
        LabSpec lab = swarmLab("benchsw", 6);
        List<Double> applied = new ArrayList<>();
        List<Double> scripted = new ArrayList<>();
        labs.apply(lab, Progress.NONE); // a warm-up of each: the JVM's first lab, the engine's first DinD start
        labs.destroy(lab, true, Progress.NONE);
        script("up", "benchsw-script", certs.toString());
        script("down", "benchsw-script");
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            labs.apply(lab, Progress.NONE);
            applied.add((System.nanoTime() - start) / 1e6);
            labs.destroy(lab, true, Progress.NONE);
            scripted.add(script("up", "benchsw-script", certs.toString()));
            script("down", "benchsw-script");
        }
        BenchReport report = new BenchReport("swarm-vs-script");
        report.line("(20) 3 simulated hosts in a Swarm, a service of 6 replicas, from nothing to 6/6 running");
        Stats[] up = report.sideBySide("portolan_apply", "Portolan: apply, nothing -> 6/6", applied,
                "script_up", "bash + docker CLI, same work, at once", scripted);
        report.line(String.format("apply %.2fx the script (goal <= 1.0x)", up[0].p50() / up[1].p50()));
        report.finish();
    }

    @Test
    void aTaskOnScreenAfterItsEngineEvent() throws Exception {
        FxThread.startToolkit();
        LabSpec lab = swarmLab("benchswev", 1);
        labs.apply(lab, Progress.NONE);
        List<EngineClients> members = new ArrayList<>();
        List<AutoCloseable> streams = new ArrayList<>();
        Map<String, Instant> started = new ConcurrentHashMap<>();
        Map<String, Instant> onScreen = new ConcurrentHashMap<>();
        Map<String, Instant> polled = new ConcurrentHashMap<>();
        try {
            for (String host : List.of("manager", "worker1", "worker2")) {
                members.add(EngineClients.connect(hosts.find("benchswev", host).orElseThrow().endpoint()));
            }
            EngineClients manager = members.getFirst();
            // what the window does: the picture through LatestOnFx, applied on the FX thread
            LatestOnFx<SwarmSnapshot> fx = new LatestOnFx<>(swarm -> {
                Instant now = Instant.now();
                swarm.currentTasks().stream().filter(SwarmSnapshot.Task::isRunning)
                        .forEach(t -> onScreen.putIfAbsent(t.containerId(), now));
            });
            SwarmWatcher watcher = new SwarmWatcher("benchswev", () -> List.of(manager.requests()), new SwarmWatcher.Listener() {
                @Override
                public void swarmChanged(SwarmSnapshot swarm) {
                    fx.offer(swarm);
                }

                @Override
                public void swarmLost(String why) { }
            });
            streams.add(watcher);
            // every member's event stream, as the window's host watchers hear them: start events timed by the engine
            for (EngineClients member : members) {
                var callback = member.stream().eventsCmd().exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        EngineEvent seen = EngineEvent.of(member.endpoint().name(), event);
                        if (SwarmWatcher.concerns(seen)) watcher.nudge(seen);
                        if (seen.isContainer() && seen.action().equals("start")) started.putIfAbsent(seen.id(), seen.time());
                    }
                });
                streams.add(callback);
            }
            // the baseline: the manager read back to back, the best a poller can do
            Thread poller = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        SwarmSnapshot swarm = SwarmReader.read(manager.requests());
                        Instant now = Instant.now();
                        swarm.currentTasks().stream().filter(SwarmSnapshot.Task::isRunning)
                                .forEach(t -> polled.putIfAbsent(t.containerId(), now));
                    } catch (RuntimeException stopped) {
                        return;
                    }
                }
            });
            Thread.sleep(1000);
            var service = manager.requests().listServicesCmd().withNameFilter(List.of("web")).exec().getFirst();
            for (int replicas = 2; replicas <= CHANGES + 1; replicas++) {
                var now = manager.requests().inspectServiceCmd(service.getId()).exec();
                manager.requests().updateServiceCmd(service.getId(), now.getSpec().withMode(
                        new com.github.dockerjava.api.model.ServiceModeConfig().withReplicated(
                                new com.github.dockerjava.api.model.ServiceReplicatedModeOptions().withReplicas(replicas))))
                        .withVersion(now.getVersion().getIndex()).exec();
                int wanted = replicas;
                Eventually.within(Duration.ofSeconds(30), "the new task is on screen", () -> onScreen.size() >= wanted);
            }
            Thread.sleep(500);
            poller.interrupt();
            List<Double> ours = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            started.forEach((id, at) -> {
                Instant shown = onScreen.get(id);
                Instant read = polled.get(id);
                if (shown != null && read != null) {
                    ours.add(Duration.between(at, shown).toNanos() / 1e6);
                    baseline.add(Duration.between(at, read).toNanos() / 1e6);
                }
            });
            BenchReport report = new BenchReport("swarm-event-to-screen");
            report.line("(20) " + ours.size() + " tasks started one at a time (scale +1) on a 3-node Swarm: engine start event -> on screen");
            Stats[] both = report.sideBySide("on_screen", "event -> FX pulse showing it running", ours,
                    "busy_poll", "manager read back to back (no event)", baseline);
            report.line(String.format("p95 %.0f ms (goal <= 100 ms; docker-swarm-visualizer polls every 5 s)", both[0].p95()));
            report.finish();
        } finally {
            for (AutoCloseable s : streams) s.close();
            members.forEach(EngineClients::close);
            labs.destroy(lab, true, Progress.NONE);
        }
    }
}
