package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerTroublesTest {

    private static ContainerInfo container(String id, State state, Health health, int exitCode, boolean oomKilled) {
        return new ContainerInfo(id, "c-" + id, "busybox", "sha256:1", "sh", state, health, "", 0, exitCode, oomKilled, List.of(),
                List.of(), List.of(), Map.of(), null, null);
    }

    private static EngineEvent at(int second, String action, String id) {
        return new EngineEvent("h", Instant.ofEpochSecond(1000 + second), "container", action, id, "c-" + id,
                action.equals("die") ? Map.of("exitCode", "1") : Map.of());
    }

    private static List<Trouble.Kind> kinds(ContainerTroubles troubles, ContainerInfo c, int nowSecond) {
        HostInventory inventory = new HostInventory(null, Map.of(c.id(), c), Map.of(), Map.of(), Map.of());
        return troubles.of(inventory, Instant.ofEpochSecond(1000 + nowSecond)).getOrDefault(c.id(), List.of()).stream()
                .map(Trouble::kind).toList();
    }

    @Test
    void threeDeathsNobodyAskedForWithinFiveMinutesAreALoop() {
        ContainerTroubles troubles = new ContainerTroubles();
        ContainerInfo running = container("a", State.RUNNING, Health.NONE, 0, false);
        troubles.record(at(0, "die", "a"));
        troubles.record(at(10, "die", "a"));
        assertEquals(List.of(), kinds(troubles, running, 11));
        troubles.record(at(20, "die", "a"));
        assertEquals(List.of(Trouble.Kind.RESTART_LOOP), kinds(troubles, running, 21));
        assertEquals("restart loop ×3", troubles.of(new HostInventory(null, Map.of("a", running), Map.of(), Map.of(), Map.of()),
                Instant.ofEpochSecond(1021)).get("a").getFirst().tag());
        assertEquals(List.of(), kinds(troubles, running, 10 + 300 + 1), "two of them are older than five minutes by then");
        troubles.record(at(400, "destroy", "a"));
        assertEquals(0, troubles.recentDeaths("a", Instant.ofEpochSecond(1400)));
    }

    @Test
    void onlyWhatChangedIsJudgedAgainAndALoopEndsByItself() {
        ContainerTroubles troubles = new ContainerTroubles();
        ContainerInfo looping = container("a", State.RUNNING, Health.NONE, 0, false);
        ContainerInfo fine = container("b", State.RUNNING, Health.NONE, 0, false);
        for (int i = 0; i < 3; i++) troubles.record(at(i * 10, "die", "a"));
        HostInventory both = new HostInventory(null, Map.of("a", looping, "b", fine), Map.of(), Map.of(), Map.of());
        Map<String, List<Trouble>> first = troubles.of(both, Instant.ofEpochSecond(1021));
        assertEquals(List.of("a"), List.copyOf(first.keySet()));

        // b crashed: only b is named as changed; a's loop stays, and the map is a new one
        ContainerInfo crashed = container("b", State.EXITED, Health.NONE, 2, false);
        HostInventory after = new HostInventory(null, Map.of("a", looping, "b", crashed), Map.of(), Map.of(), Map.of());
        Map<String, List<Trouble>> second = troubles.of(first, after, Set.of("b"), Instant.ofEpochSecond(1030));
        assertEquals(troubles.of(after, Instant.ofEpochSecond(1030)), second, "the same as judging everything");
        assertSame(first.get("a"), second.get("a"), "what did not change keeps its list");

        // nothing changed, nothing new: the same map, which is how the model tells cheaply
        assertSame(second, troubles.of(second, after, Set.of(), Instant.ofEpochSecond(1031)));
        // five minutes on, a's deaths have aged out: its loop ends though a did not change
        Map<String, List<Trouble>> later = troubles.of(second, after, Set.of(), Instant.ofEpochSecond(1000 + 10 + 301));
        assertEquals(Set.of("b"), later.keySet());
        // a container gone takes its troubles with it
        HostInventory gone = new HostInventory(null, Map.of("a", looping), Map.of(), Map.of(), Map.of());
        assertEquals(Map.of(), troubles.of(later, gone, Set.of("b"), Instant.ofEpochSecond(1400)));
    }

    @Test
    void aStopOrRestartSomeoneAskedForIsNeitherALoopNorAFault() {
        ContainerTroubles troubles = new ContainerTroubles();
        for (int i = 0; i < 4; i++) {
            troubles.record(at(i * 10, "kill", "a"));
            troubles.record(at(i * 10 + 1, "die", "a"));
        }
        assertEquals(0, troubles.recentDeaths("a", Instant.ofEpochSecond(1040)));
        assertEquals(List.of(), kinds(troubles, container("a", State.EXITED, Health.NONE, 137, false), 40));
        // a crash after a start, with no kill before it, is one again
        troubles.record(at(60, "die", "a"));
        assertEquals(List.of(Trouble.Kind.EXITED), kinds(troubles, container("a", State.EXITED, Health.NONE, 137, false), 61));
    }

    @Test
    void theMostTellingComesFirstAndTheTagNamesTwo() {
        List<Trouble> all = ContainerTroubles.of(container("a", State.EXITED, Health.UNHEALTHY, 137, true), 4, false);
        assertEquals(List.of(Trouble.Kind.OOM_KILLED, Trouble.Kind.RESTART_LOOP, Trouble.Kind.EXITED, Trouble.Kind.UNHEALTHY),
                all.stream().map(Trouble::kind).toList());
        assertEquals("OOM-killed · restart loop ×4", ContainerTroubles.tag(all));
        assertTrue(all.get(2).why().contains("lack of memory"), "exit 137 with an OOM kill says so: " + all.get(2).why());
    }

    @Test
    void aLoopUnderWayBeforePortolanStartedIsSeenFromTheEnginesCount() {
        ContainerInfo waiting = new ContainerInfo("a", "c-a", "busybox", "sha256:1", "sh", State.RESTARTING, Health.NONE, "", 8, 1,
                false, List.of(), List.of(), List.of(), Map.of(), null, null);
        List<Trouble> troubles = ContainerTroubles.of(waiting, 0, false);
        assertEquals("restart loop ×8", troubles.getFirst().tag());
        assertTrue(troubles.getFirst().why().startsWith("It died 8 times, nobody"), troubles.getFirst().why());
    }

    @Test
    void aCleanExitAndAHealthyContainerAreFine() {
        assertEquals(List.of(), ContainerTroubles.of(container("a", State.EXITED, Health.NONE, 0, false), 0, false));
        assertEquals(List.of(), ContainerTroubles.of(container("a", State.RUNNING, Health.HEALTHY, 0, false), 0, false));
    }

    @Test
    void exitCodesAreExplained() {
        assertTrue(ContainerTroubles.exitMeaning(127, false).contains("not found"));
        assertTrue(ContainerTroubles.exitMeaning(126, false).contains("could not be run"));
        assertTrue(ContainerTroubles.exitMeaning(139, false).contains("segmentation"));
        assertTrue(ContainerTroubles.exitMeaning(130, false).contains("signal 2"));
        assertTrue(ContainerTroubles.exitMeaning(42, false).contains("exit code 42"));
    }
}
