package dev.portolan.inventory;

import dev.portolan.inventory.ContainerInfo.PortMapping;
import dev.portolan.inventory.Finding.Action;
import dev.portolan.inventory.Finding.Fix;
import dev.portolan.inventory.Finding.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out the findings of every host from what the window already knows: no engine calls,
 * so it runs in microseconds and is tested without one. What needs the computer (a port held
 * by another program, a certificate's date) is read by the caller and handed in.
 */
public final class Findings {

    public static final Duration CERTIFICATE_WARNING = Duration.ofDays(30);
    private static final Set<String> DEFAULT_NETWORKS = Set.of("bridge", "host", "none");

    private Findings() {}

    /**
     * One host as the findings see it.
     *
     * @param troubles          what is wrong with its containers, by id
     * @param certificateExpiry when its TLS certificates expire, for a host Portolan made them for
     * @param portsTakenHere    for the host on this computer: host ports its stopped containers want that another program holds
     * @param simulated         a simulated host: its addresses are its lab network's, which only this computer reaches, and
     *                          its own published ports lead to them (published on 127.0.0.1 inside, they would lead nowhere)
     */
    public record Host(String name, HostInventory inventory, Map<String, List<Trouble>> troubles,
            Optional<Instant> certificateExpiry, Set<Integer> portsTakenHere, boolean simulated) {}

    public static List<Finding> of(List<Host> hosts, Instant now) {
        List<Finding> out = new ArrayList<>();
        for (Host host : hosts) {
            host.certificateExpiry().ifPresent(expiry -> certificate(host.name(), expiry, now, out));
            if (host.inventory() == null) continue;
            portClashes(host, out);
            for (ContainerInfo c : sorted(host.inventory())) container(host, c, out);
            defaultBridgeOnly(host, out);
            unusedVolumes(host, out);
            danglingImages(host, out);
        }
        out.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::host).thenComparing(Finding::subject));
        return out;
    }

    private static List<ContainerInfo> sorted(HostInventory inventory) {
        return inventory.containers().values().stream().sorted(Comparator.comparing(ContainerInfo::name)).toList();
    }

    private static void certificate(String host, Instant expiry, Instant now, List<Finding> out) {
        if (expiry.isAfter(now.plus(CERTIFICATE_WARNING))) return;
        long days = Duration.between(now, expiry).toDays();
        String when = expiry.isBefore(now) ? "expired " + (-days) + " days ago" : "expire in " + days + " days";
        out.add(new Finding(Kind.CERTIFICATE_EXPIRING, host, host, "Its TLS certificates " + when,
                "Once they expire, Portolan (and the docker CLI with its context) can no longer talk to the host.",
                new Fix(Action.RENEW_CERTIFICATES, "Issue new certificates for " + host + " and restart its engine with them"
                        + " (its containers and data are kept).")));
    }

    /** Two containers of one host wanting the same host port (the second cannot start while the first runs). */
    private static void portClashes(Host host, List<Finding> out) {
        Map<String, List<ContainerInfo>> byPort = new LinkedHashMap<>();
        for (ContainerInfo c : sorted(host.inventory())) {
            for (PortMapping p : c.ports()) {
                if (p.hostPort() == 0) continue;
                List<ContainerInfo> wanting = byPort.computeIfAbsent(p.hostPort() + "/" + p.protocol(), k -> new ArrayList<>());
                if (!wanting.contains(c)) wanting.add(c);
            }
        }
        byPort.forEach((port, wanting) -> {
            if (wanting.size() < 2) return;
            String names = String.join(", ", wanting.stream().map(ContainerInfo::name).toList());
            out.add(new Finding(Kind.PORT_CLASH, host.name(), names, names + " all want host port " + port,
                    "Only one of them can run at a time; the others fail to start with \"port is already allocated\".",
                    Fix.byHand("Publish each on a port of its own (in the lab file: `ports:`), or put a proxy in front.")));
        });
    }

    private static void container(Host host, ContainerInfo c, List<Finding> out) {
        List<Trouble> troubles = host.troubles().getOrDefault(c.id(), List.of());
        troubles.stream().filter(t -> t.kind() == Trouble.Kind.RESTART_LOOP).findFirst().ifPresent(loop ->
                out.add(new Finding(Kind.RESTART_LOOP, host.name(), c.name(), c.name() + ": " + loop.tag(), loop.why(),
                        new Fix(Action.STOP_CONTAINER, "Stop " + c.name() + " so it stops dying, then read its last words"
                                + " (details pane) and start it again once fixed."))));
        for (PortMapping p : c.ports()) {
            if (p.hostPort() == 0) continue;
            if (host.portsTakenHere().contains(p.hostPort()) && !c.isRunning()) {
                out.add(new Finding(Kind.PORT_TAKEN, host.name(), c.name(), c.name() + " wants port " + p.hostPort()
                        + ", which another program on this computer holds", "It cannot start until that program lets go of the port.",
                        Fix.byHand("Stop the program holding " + p.hostPort() + " (`lsof -i :" + p.hostPort()
                                + "` names it), or publish " + c.name() + " on another port.")));
            }
            if (isAllAddresses(p.hostIp()) && c.isRunning() && !host.simulated()) {
                out.add(new Finding(Kind.PUBLISHED_ON_ALL_ADDRESSES, host.name(), c.name(), c.name() + " publishes " + p.hostPort()
                        + " on every address of " + host.name(), "Anyone who can reach the host's network can reach it, not only this computer.",
                        Fix.byHand("Publish it on 127.0.0.1 only: `-p 127.0.0.1:" + p.hostPort() + ":" + p.containerPort()
                                + "` (the container must be made again: not done for you).")));
                break; // one finding per container, however many ports
            }
        }
    }

    /**
     * Running containers of one host that share only the default bridge: they cannot find
     * each other by name. One alone there has no one to look up, so it is no finding.
     */
    private static void defaultBridgeOnly(Host host, List<Finding> out) {
        List<String> there = sorted(host.inventory()).stream()
                .filter(c -> c.isRunning() && !isSimulatedHost(c) && !c.networks().isEmpty()
                        && c.networks().stream().allMatch(n -> DEFAULT_NETWORKS.contains(n.network()))
                        && c.networks().stream().anyMatch(n -> n.network().equals("bridge")))
                .map(ContainerInfo::name).toList();
        if (there.size() < 2) return;
        for (String name : there) {
            List<String> others = there.stream().filter(o -> !o.equals(name)).toList();
            out.add(new Finding(Kind.DEFAULT_BRIDGE_ONLY, host.name(), name, name + " is only on the default bridge, with "
                    + String.join(", ", others), "Containers there cannot find each other by name (Docker's DNS serves user-defined"
                    + " networks only): " + name + " cannot reach " + others.getFirst() + " as `" + others.getFirst() + "`.",
                    Fix.byHand("Put them on a network of their own: `docker network create app && docker network connect app "
                            + name + "` (or drag its card onto a network band).")));
        }
    }

    /** A simulated host's own container: it is on its lab's network, and its name is not how anyone reaches it. */
    private static boolean isSimulatedHost(ContainerInfo c) {
        return dev.portolan.host.Ownership.SIMULATED_HOST.equals(c.labels().get(dev.portolan.host.Ownership.ROLE));
    }

    private static boolean isAllAddresses(String ip) {
        return ip == null || ip.isBlank() || ip.equals("0.0.0.0") || ip.equals("::");
    }

    private static void unusedVolumes(Host host, List<Finding> out) {
        host.inventory().volumes().values().stream().sorted(Comparator.comparing(VolumeInfo::name))
                .filter(v -> host.inventory().usersOf(v.name()).isEmpty())
                // a stopped simulated host's disk is used by its (stopped) container, and a host's own data is not lab data
                .filter(v -> !dev.portolan.host.Ownership.HOST_DATA.equals(v.labels().get(dev.portolan.host.Ownership.ROLE)))
                .forEach(v -> out.add(new Finding(Kind.UNUSED_VOLUME, host.name(), v.name(), "No container uses volume " + v.name(),
                        "It keeps its data and its disk space. It may be data you want: Portolan never removes it by itself.",
                        new Fix(Action.REMOVE_VOLUME, "Remove volume " + v.name() + " and the data in it, for good."
                                + " Back it up first if in doubt (its menu: Back up…)."))));
    }

    private static void danglingImages(Host host, List<Finding> out) {
        Set<String> used = new java.util.HashSet<>();
        host.inventory().containers().values().forEach(c -> used.add(c.imageId()));
        Set<String> parents = new java.util.HashSet<>();
        host.inventory().images().values().forEach(i -> {
            if (i.parentId() != null) parents.add(i.parentId());
        });
        host.inventory().images().values().stream().sorted(Comparator.comparing(ImageInfo::id))
                .filter(i -> i.tags().isEmpty() && !used.contains(i.id()) && !parents.contains(i.id()))
                .forEach(i -> out.add(new Finding(Kind.DANGLING_IMAGE, host.name(), i.shortId(), "Image " + i.shortId()
                        + " has no tag and no container uses it", "Left behind by a rebuild or a re-tag: " + dev.portolan.app.Sizes.text(i.sizeBytes())
                        + " of disk for nothing.", new Fix(Action.REMOVE_IMAGE, "Remove image " + i.shortId() + "."))));
    }
}
