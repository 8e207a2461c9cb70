package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwarmSnapshotTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    static SwarmSnapshot.Node node(String id, String host, String role, String availability, String state) {
        return new SwarmSnapshot.Node(id, host, role, availability, state, role.equals("manager"), "10.0.0.1", Map.of(), 0, 0);
    }

    static SwarmSnapshot.Task task(String id, int slot, String node, String desired, String state, int secondsAfter, String error) {
        return new SwarmSnapshot.Task(id, "s1", slot, node, desired, state, "", error, T0.plusSeconds(secondsAfter), "", "app:1",
                null, 7);
    }

    static SwarmSnapshot swarm(List<SwarmSnapshot.Node> nodes, int replicas, SwarmSnapshot.Task... tasks) {
        return new SwarmSnapshot("c1", "m", nodes, List.of(new SwarmSnapshot.Service("s1", "web", "app:1", replicas, List.of(),
                List.of("appnet"), "", "", Map.of(), 7, "vip")), List.of(tasks), List.of(new SwarmSnapshot.Overlay("n1", "appnet", false)));
    }

    @Test
    void tasksAreNamedCountedAndRememberWhereTheyRanBefore() {
        var nodes = List.of(node("m", "manager", "manager", "active", "ready"), node("w", "worker", "worker", "active", "ready"));
        var now = task("t2", 1, "m", "running", "running", 20, "");
        var before = task("t1", 1, "w", "shutdown", "failed", 10, "task: non-zero exit (3)");
        var other = task("t3", 2, "w", "running", "running", 5, "");
        SwarmSnapshot s = swarm(nodes, 2, before, now, other);
        assertEquals("web.1", s.taskName(now));
        assertEquals(List.of(now, other), s.currentTasks(), "only what the Swarm wants running, by slot");
        assertEquals(List.of(now, before), s.history(now), "the slot's tasks, newest first");
        assertEquals(2, s.running(s.services().getFirst()));
        assertEquals(Map.of("m", 1L, "w", 1L), s.load());
        assertTrue(s.isSettled());
        assertEquals("manager", s.nodeNamed("lab/manager").orElseThrow().hostname(), "a node by its host's Portolan name");
    }

    @Test
    void aTaskOnItsWayIsNotSettled() {
        var nodes = List.of(node("m", "manager", "manager", "active", "ready"));
        assertFalse(swarm(nodes, 1, task("t1", 1, "", "running", "pending", 1, "no suitable node")).isSettled(), "pending");
        assertFalse(swarm(nodes, 1, task("t1", 1, "m", "shutdown", "running", 1, "")).isSettled(), "still stopping");
        assertTrue(swarm(nodes, 1, task("t1", 1, "m", "running", "rejected", 1, "No such image")).isSettled(),
                "a failure is where it is: the Swarm makes a new task, which an event or a read brings");
    }

    @Test
    void whatAContainersEventStatesIsShownBeforeTheManagerSaysIt() {
        var nodes = List.of(node("m", "manager", "manager", "active", "ready"));
        SwarmSnapshot starting = swarm(nodes, 1, task("t1", 1, "m", "running", "starting", 1, ""));
        SwarmSnapshot running = starting.withTaskStates(Map.of("t1", "running", "gone", "running"));
        assertEquals("running", running.tasks().getFirst().state());
        assertEquals(starting.tasks().getFirst().since(), running.tasks().getFirst().since(), "the manager's time is kept");
        assertTrue(SwarmSnapshot.isBefore("starting", "running"));
        assertFalse(SwarmSnapshot.isBefore("failed", "running"), "a later state is not undone by an earlier one");
    }
}
