package dev.portolan.inventory;

import static dev.portolan.inventory.HostInventoryTest.container;
import static dev.portolan.inventory.HostInventoryTest.inventory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import dev.portolan.inventory.ContainerInfo.State;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a burst of events says by itself, and how a re-read lands on a newer snapshot, without an engine. */
class BurstApplierTest {

    private static Event event(String id, String action, Map<String, String> attributes) {
        return new Event().withType(EventType.CONTAINER).withAction(action)
                .withEventActor(new EventActor().withId(id).withAttributes(attributes));
    }

    @Test
    void theStatesEventsStateOutrightAreShownAtOnce() {
        HostInventory before = inventory(container("a", State.RUNNING), container("b", State.EXITED),
                container("c", State.RUNNING), container("d", State.RUNNING));
        HostInventory after = BurstApplier.implied(before, List.of(
                event("a", "die", Map.of("exitCode", "137")),
                event("b", "start", Map.of()),
                event("c", "pause", Map.of()),
                event("d", "destroy", Map.of()),
                event("unknown", "start", Map.of())));
        assertEquals(State.EXITED, after.containers().get("a").state());
        assertEquals(137, after.containers().get("a").exitCode());
        assertEquals(State.RUNNING, after.containers().get("b").state());
        assertEquals(State.PAUSED, after.containers().get("c").state());
        assertFalse(after.containers().containsKey("d"));
        assertFalse(after.containers().containsKey("unknown"), "a container not seen yet waits for its re-read");
    }

    @Test
    void aBurstThatStatesNothingLeavesTheSnapshotAsItWas() {
        HostInventory before = inventory(container("a", State.RUNNING));
        assertSame(before, BurstApplier.implied(before, List.of(event("a", "exec_start: sh", Map.of()))));
    }

    @Test
    void aRereadNeverOverwritesAContainerWithANewerEvent() {
        HostInventory newest = inventory(container("a", State.EXITED), container("b", State.RUNNING));
        var reread = new BurstApplier.Reread(5, Map.of(
                "a", Optional.of(container("a", State.RUNNING)), // read before a's newer "die"
                "b", Optional.empty()), // gone
                null, null, null, null);
        HostInventory applied = reread.applyTo(newest, Map.of("a", 7L, "b", 4L));
        assertEquals(State.EXITED, applied.containers().get("a").state(), "a's event 7 is newer than the re-read (5)");
        assertFalse(applied.containers().containsKey("b"));
    }
}
