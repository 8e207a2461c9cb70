package dev.portolan.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.InvalidInputException;
import dev.portolan.inventory.SwarmSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwarmOperationsTest {

    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aSwarmIsNamedByItsLabOrAHostAndAnUnknownNameIsSaid() {
        List<String> known = List.of("local", "demo/n2", "demo/n1", "solo");
        assertEquals(List.of("demo/n1", "demo/n2"), SwarmOperations.membersOf(known, "demo"));
        assertEquals(List.of("demo/n1", "demo/n2"), SwarmOperations.membersOf(known, "demo/n2"), "a node's host names its lab's Swarm");
        assertEquals(List.of("solo"), SwarmOperations.membersOf(known, "solo"));
        var none = assertThrows(InvalidInputException.class, () -> SwarmOperations.membersOf(known, "demi"));
        assertEquals("There is no lab or host named demi. Labs and hosts: local, demo, solo.", none.getMessage());
    }

    @Test
    void replicasAndPortsAreReadAsAPersonTypesThem() {
        assertEquals(6, SwarmOperations.replicas(" 6 "));
        assertEquals("Replicas is a whole number of tasks, 0 or more, not '-1'.",
                assertThrows(InvalidInputException.class, () -> SwarmOperations.replicas("-1")).getMessage());
        assertEquals(8080, dev.portolan.engine.ServicePorts.parse("8080:80").getPublishedPort());
        assertEquals("'80' is not a port: write it as PUBLISHED:TARGET, such as 8080:80 (each 1 to 65535).",
                assertThrows(InvalidInputException.class, () -> dev.portolan.engine.ServicePorts.parse("80")).getMessage());
        assertThrows(InvalidInputException.class, () -> dev.portolan.engine.ServicePorts.parse("8080:http"), "not a bare NumberFormatException");
        assertThrows(InvalidInputException.class, () -> dev.portolan.engine.ServicePorts.parse("0:80"));
    }

    private static SwarmSnapshot.Task task(String id, int slot, String node, String desired, String state, int at, String error) {
        return new SwarmSnapshot.Task(id, "s1", slot, node, desired, state, "", error, T0.plusSeconds(at), "", "app:2", null, 9);
    }

    private static SwarmSnapshot swarm(SwarmSnapshot.Task... tasks) {
        var nodes = List.of(new SwarmSnapshot.Node("m", "manager", "manager", "active", "ready", true, "", Map.of(), 0, 0),
                new SwarmSnapshot.Node("w", "worker", "worker", "active", "ready", false, "", Map.of(), 0, 0));
        return new SwarmSnapshot("c", "manager", nodes, List.of(new SwarmSnapshot.Service("s1", "web", "app:2", 2, List.of(), List.of(),
                "", "", Map.of(), 9, "vip")), List.of(tasks), List.of());
    }

    @Test
    void aMissingImageIsSaidWithItsNodeAndAConstraintNoNodeMeets() {
        var s = swarm(task("a", 1, "m", "running", "running", 1, ""),
                task("b", 2, "w", "shutdown", "rejected", 2, "No such image: app:2"));
        assertEquals(List.of("web: worker has no image app:2 and cannot pull it (no registry). Copy it there: portolan swarm copy-image web."),
                SwarmProblems.of(s));
        var pending = swarm(task("a", 1, "", "running", "pending", 1, "no suitable node (scheduling constraints not satisfied on 2 nodes)"));
        assertTrue(SwarmProblems.of(pending).getFirst().startsWith("web: no node meets its placement constraints"));
        var gotOver = swarm(task("b", 1, "w", "shutdown", "rejected", 1, "No such image: app:2"), task("c", 1, "m", "running", "running", 5, ""));
        assertEquals(List.of(), SwarmProblems.of(gotOver), "a failure the slot got over is history");
    }

    @Test
    void progressCountsTasksOfTheSpecOfNow() {
        var s = swarm(task("a", 1, "m", "running", "running", 1, ""), task("b", 2, "w", "running", "starting", 2, ""));
        var web = s.services().getFirst();
        assertEquals("web: 1/2 running", SwarmProgress.line(s, web));
        assertTrue(!SwarmProgress.isConverged(s, web));
        var old = new SwarmSnapshot.Task("c", "s1", 2, "w", "running", "running", "", "", T0, "", "app:2", null, 8);
        assertTrue(!SwarmProgress.isConverged(swarm(task("a", 1, "m", "running", "running", 1, ""), old), web),
                "a task of the spec before an update does not count");
        assertTrue(SwarmProgress.isConverged(swarm(task("a", 1, "m", "running", "running", 1, ""), task("d", 2, "w", "running", "running", 3, "")), web));
    }
}
