package dev.portolan.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who can talk to whom, worked out from what the inventories say — networks and published
 * ports — without touching a container: for each pair of running containers, whether A
 * reaches B by name, by address only, or not at all, and why. The probe confirms a pair.
 */
public final class Reachability {

    /** How A reaches B. */
    public enum Way {
        /** On a network of their own: Docker's DNS gives B's name. */
        BY_NAME,
        /** By an address only: the default bridge (no names), or another host's published port. */
        BY_ADDRESS,
        /** No network shared, no port published: no route. */
        NONE
    }

    /** A pair, containers named HOST/NAME; {@code how} says which network or port, or why none. */
    public record Pair(String from, String to, Way way, String how) {}

    private static final Set<String> NOT_SHARED = Set.of("none", "host");

    private Reachability() {}

    /** Every ordered pair of running containers of these hosts (by host name). */
    public static List<Pair> of(Map<String, HostInventory> hosts) {
        List<Pair> pairs = new ArrayList<>();
        hosts.forEach((hostA, a) -> a.containers().values().stream().filter(ContainerInfo::isRunning).forEach(from ->
                hosts.forEach((hostB, b) -> b.containers().values().stream().filter(ContainerInfo::isRunning)
                        .filter(to -> !(to.id().equals(from.id()) && hostA.equals(hostB)))
                        .forEach(to -> pairs.add(pair(hostA, a, from, hostB, b, to))))));
        pairs.sort(java.util.Comparator.comparing(Pair::from).thenComparing(Pair::to));
        return pairs;
    }

    private static Pair pair(String hostA, HostInventory a, ContainerInfo from, String hostB, HostInventory b, ContainerInfo to) {
        String fromName = hostA + "/" + from.name();
        String toName = hostB + "/" + to.name();
        Set<String> shared = new TreeSet<>(networks(from));
        shared.retainAll(networks(to));
        if (hostA.equals(hostB)) {
            Set<String> named = new TreeSet<>(shared);
            named.remove("bridge");
            if (!named.isEmpty()) return new Pair(fromName, toName, Way.BY_NAME, "on " + String.join(", ", named));
            if (!shared.isEmpty()) return new Pair(fromName, toName, Way.BY_ADDRESS, "on the default bridge: by address, no names");
            return new Pair(fromName, toName, Way.NONE, "no shared network");
        }
        Set<String> overlays = new TreeSet<>();
        for (String n : shared) {
            if (isOverlay(a, n) && isOverlay(b, n)) overlays.add(n);
        }
        if (!overlays.isEmpty()) return new Pair(fromName, toName, Way.BY_NAME, "on overlay " + String.join(", ", overlays));
        List<String> published = to.ports().stream().filter(p -> p.hostPort() > 0)
                .map(p -> p.hostPort() + "→" + p.containerPort()).distinct().toList();
        if (!published.isEmpty()) {
            return new Pair(fromName, toName, Way.BY_ADDRESS, "through " + hostB + "'s published " + String.join(", ", published));
        }
        return new Pair(fromName, toName, Way.NONE, "another host, no published port, no shared overlay");
    }

    private static Set<String> networks(ContainerInfo c) {
        Set<String> names = new TreeSet<>();
        c.networks().forEach(n -> {
            if (!NOT_SHARED.contains(n.network())) names.add(n.network());
        });
        return names;
    }

    private static boolean isOverlay(HostInventory host, String network) {
        return host.networks().values().stream().anyMatch(n -> n.name().equals(network) && "overlay".equals(n.driver()));
    }
}
