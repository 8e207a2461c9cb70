package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EngineClients;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Live stats from the real engine: a container that burns a core and one that sleeps, told
 * apart within seconds; streams closed when no longer asked for; a stopped container's samples
 * empty; nothing streamed while the host has no connection.
 */
class StatsWatcherIT extends EngineTest {

    @Test
    void aBusyAndAnIdleContainerAreToldApartAndStreamsFollowWhatIsAsked() throws Exception {
        String busy = engine.create(TestEngine.uniqueName("busy"), "sh", "-c", "trap 'exit 0' TERM; while :; do :; done");
        String idle = engine.runSleeper(TestEngine.uniqueName("idle"));
        engine.docker().startContainerCmd(busy).exec();
        try (EngineClients clients = EngineClients.connect(engine.endpoint()); StatsWatcher stats = new StatsWatcher(() -> clients)) {
            stats.watch(Set.of(busy, idle));
            assertEquals(2, stats.streaming());
            Eventually.within(Duration.ofSeconds(15), "three samples of each", () ->
                    stats.history(busy).size() >= 3 && stats.history(idle).size() >= 3);
            ContainerStats hot = stats.latest(busy).orElseThrow();
            ContainerStats cold = stats.latest(idle).orElseThrow();
            assertTrue(hot.cpuPercent() > 30, "a loop burns a core: " + hot);
            assertTrue(cold.cpuPercent() < 10, "a sleeper idles: " + cold);
            assertTrue(hot.memoryBytes() > 0 && hot.memoryLimit() >= hot.memoryBytes(), hot.toString());
            List<ContainerStats> history = stats.history(busy);
            assertTrue(history.getLast().at().isAfter(history.getFirst().at()), "samples move on: " + history);

            // no longer asked for: its stream closes and its history goes
            stats.watch(Set.of(busy));
            assertEquals(1, stats.streaming());
            assertTrue(stats.history(idle).isEmpty());

            // the container stops: this engine keeps its stream open with empty samples; the window asks
            // only for running containers, so its next tick closes it
            engine.docker().stopContainerCmd(busy).withTimeout(2).exec();
            Eventually.within(Duration.ofSeconds(10), "a stopped container uses no CPU", () ->
                    stats.latest(busy).map(s -> s.cpuPercent() == 0).orElse(true));
            stats.watch(Set.of());
            assertEquals(0, stats.streaming());
        }
        try (StatsWatcher unconnected = new StatsWatcher(() -> null)) {
            unconnected.watch(Set.of(idle));
            assertEquals(0, unconnected.streaming(), "nothing is opened without a connection");
        }
    }
}
