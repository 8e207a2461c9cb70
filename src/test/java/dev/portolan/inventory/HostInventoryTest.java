package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.State;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostInventoryTest {

    static ContainerInfo container(String id, State state, String... volumes) {
        return new ContainerInfo(id, "c-" + id, "busybox", "sha256:1", "sleep", state, Health.NONE, "", 0, 0, false,
                List.of(), List.of(new ContainerInfo.NetworkAttachment("bridge", "n1", "172.17.0.2", List.of())),
                java.util.Arrays.stream(volumes).map(v -> new ContainerInfo.Mount("volume", v, "/x", "/data", true)).toList(),
                Map.of(), null, null);
    }

    static HostInventory inventory(ContainerInfo... containers) {
        return new HostInventory(null, HostInventory.byKey(List.of(containers), ContainerInfo::id), Map.of(),
                Map.of("data", new VolumeInfo("data", "local", "/v", Map.of(), null)), Map.of());
    }

    @Test
    void changesNameWhatWasAddedChangedAndRemoved() {
        HostInventory before = inventory(container("a", State.RUNNING), container("b", State.RUNNING));
        HostInventory after = inventory(container("a", State.EXITED), container("c", State.CREATED));
        Set<Delta> changes = Set.copyOf(after.changesSince(before));
        assertEquals(Set.of(new Delta(Delta.Kind.CONTAINER, "a", Delta.Change.CHANGED),
                new Delta(Delta.Kind.CONTAINER, "c", Delta.Change.ADDED),
                new Delta(Delta.Kind.CONTAINER, "b", Delta.Change.REMOVED)), changes);
        assertEquals(List.of(), after.changesSince(after));
    }

    @Test
    void theFirstSnapshotIsAllAdded() {
        HostInventory first = inventory(container("a", State.RUNNING));
        assertEquals(2, first.changesSince(null).size());
    }

    @Test
    void volumeUsersAndNetworkMembersAreDerivedFromContainers() {
        HostInventory inventory = inventory(container("a", State.RUNNING, "data"), container("b", State.EXITED, "data"),
                container("c", State.RUNNING));
        assertEquals(List.of("c-a", "c-b"), inventory.usersOf("data").stream().map(ContainerInfo::name).toList());
        assertEquals(3, inventory.attachedTo("bridge").size());
        assertEquals(2, inventory.runningCount());
    }
}
