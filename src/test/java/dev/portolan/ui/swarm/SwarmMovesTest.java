package dev.portolan.ui.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portolan.inventory.SwarmSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwarmMovesTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    static SwarmSnapshot.Node node(String id, String availability, String state) {
        return new SwarmSnapshot.Node(id, id, id.equals("m") ? "manager" : "worker", availability, state, id.equals("m"), "", Map.of(), 0, 0);
    }

    static SwarmSnapshot.Task task(String id, int slot, String node, String desired, String state) {
        return new SwarmSnapshot.Task(id, "s1", slot, node, desired, state, "", "", T0, "", "app:1", null, 7);
    }

    static SwarmSnapshot swarm(List<SwarmSnapshot.Node> nodes, SwarmSnapshot.Task... tasks) {
        return new SwarmSnapshot("c1", "m", nodes, List.of(new SwarmSnapshot.Service("s1", "web", "app:1", 2, List.of(), List.of(),
                "", "", Map.of(), 7, "vip")), List.of(tasks), List.of());
    }

    @Test
    void aStoppedNodeIsTimedFromItsStopToItsTasksRunningElsewhere() {
        SwarmMoves moves = new SwarmMoves();
        var ready = swarm(List.of(node("m", "active", "ready"), node("w", "active", "ready")),
                task("a", 1, "m", "running", "running"), task("b", 2, "w", "running", "running"));
        var down = swarm(List.of(node("m", "active", "ready"), node("w", "active", "down")),
                task("a", 1, "m", "running", "running"), task("b", 2, "w", "shutdown", "running"), task("c", 2, "m", "running", "pending"));
        var moved = swarm(List.of(node("m", "active", "ready"), node("w", "active", "down")),
                task("a", 1, "m", "running", "running"), task("c", 2, "m", "running", "running"));
        moves.update(null, ready, T0, host -> Optional.empty());
        moves.update(ready, down, T0.plusSeconds(10), host -> host.equals("w") ? Optional.of(T0) : Optional.empty());
        assertEquals(List.of("w down (its host stopped 10.0 s before the Swarm saw it down): 1 task being placed elsewhere, 12.0 s so far"),
                moves.sentences(T0.plusSeconds(12)));
        moves.update(down, moved, T0.plusMillis(13_400), host -> Optional.of(T0));
        assertEquals(List.of("w down (its host stopped 10.0 s before the Swarm saw it down): its task ran elsewhere 13.4 s later"),
                moves.sentences(T0.plusSeconds(20)));
    }

    @Test
    void aDrainIsTimedFromTheDrain() {
        SwarmMoves moves = new SwarmMoves();
        var before = swarm(List.of(node("m", "active", "ready"), node("w", "active", "ready")),
                task("a", 1, "w", "running", "running"), task("b", 2, "w", "running", "running"));
        var drained = swarm(List.of(node("m", "active", "ready"), node("w", "drain", "ready")),
                task("a", 1, "w", "running", "running"), task("b", 2, "w", "running", "running"));
        var after = swarm(List.of(node("m", "active", "ready"), node("w", "drain", "ready")),
                task("c", 1, "m", "running", "running"), task("d", 2, "m", "running", "running"));
        moves.update(before, drained, T0, host -> Optional.empty());
        moves.update(drained, after, T0.plusMillis(3_600), host -> Optional.empty());
        assertEquals(List.of("w drained: its 2 tasks ran elsewhere 3.6 s later"), moves.sentences(T0.plusSeconds(5)));
    }
}
