package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.State;
import dev.portolan.inventory.Reachability.Way;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who can talk to whom, from networks and ports alone: by name, by address, or not at all, and why. */
class ReachabilityTest {

    private static ContainerInfo container(String name, List<ContainerInfo.PortMapping> ports, String... networks) {
        return new ContainerInfo(name + "-id", name, "busybox", "sha256:1", "sleep", State.RUNNING, Health.NONE, "", 0, 0, false, ports,
                Arrays.stream(networks).map(n -> new ContainerInfo.NetworkAttachment(n, n + "-id", "10.0.0.2", List.of())).toList(),
                List.of(), Map.of(), null, null);
    }

    private static HostInventory host(List<NetworkInfo> networks, ContainerInfo... containers) {
        return new HostInventory(null, HostInventory.byKey(List.of(containers), ContainerInfo::id), Map.of(), Map.of(),
                HostInventory.byKey(networks, NetworkInfo::id));
    }

    private static NetworkInfo network(String name, String driver) {
        return new NetworkInfo(name + "-id", name, driver, "local", "", "", false, false, Map.of());
    }

    private static Reachability.Pair pair(List<Reachability.Pair> pairs, String from, String to) {
        return pairs.stream().filter(p -> p.from().equals(from) && p.to().equals(to)).findFirst().orElseThrow();
    }

    @Test
    void byNameOnASharedNetworkByAddressOnTheDefaultBridgeOrThroughAPublishedPortAndOtherwiseNot() {
        HostInventory n1 = host(List.of(network("front", "bridge"), network("back", "bridge"), network("mesh", "overlay")),
                container("client", List.of(), "front", "mesh"), container("web", List.of(), "front"),
                container("api", List.of(), "back"), container("old", List.of(), "bridge"), container("older", List.of(), "bridge"));
        HostInventory n2 = host(List.of(network("mesh", "overlay")),
                container("remote", List.of(new ContainerInfo.PortMapping("127.0.0.1", 8080, 80, "tcp"))),
                container("hidden", List.of()), container("peer", List.of(), "mesh"));
        List<Reachability.Pair> pairs = Reachability.of(Map.of("n1", n1, "n2", n2));

        assertEquals(new Reachability.Pair("n1/client", "n1/web", Way.BY_NAME, "on front"), pair(pairs, "n1/client", "n1/web"));
        assertEquals(Way.NONE, pair(pairs, "n1/client", "n1/api").way());
        assertEquals("no shared network", pair(pairs, "n1/client", "n1/api").how());
        assertEquals(Way.BY_ADDRESS, pair(pairs, "n1/old", "n1/older").way());
        assertEquals("through n2's published 8080→80", pair(pairs, "n1/client", "n2/remote").how());
        assertEquals(Way.NONE, pair(pairs, "n1/client", "n2/hidden").way());
        assertEquals(new Reachability.Pair("n1/client", "n2/peer", Way.BY_NAME, "on overlay mesh"), pair(pairs, "n1/client", "n2/peer"));
        assertEquals(8 * 7, pairs.size(), "every ordered pair of the eight running containers");
    }
}
