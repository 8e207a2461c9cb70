package dev.portolan.operations;

import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.inventory.SwarmSnapshot;
import java.util.Optional;

/**
 * Does a Swarm's overlay work here? One probe across it, from inside a task on one node to a
 * task on another (the simulated host's own tools, entered into the task's namespace): whether
 * the packet crosses hosts (the vxlan data path), and whether the kernel has IPVS, which every
 * service's virtual IP and the routing mesh need. On this sandbox's kernel the first holds and
 * the second does not: tasks reach each other by their own addresses and by tasks.NAME, a
 * service's name (its virtual IP) answers nothing; a service with endpoint_mode: dnsrr works.
 * Blocking; off the FX thread.
 */
public final class OverlayCheck {

    /**
     * @param acrossHosts whether a task reached a task on another node over the overlay; null when not checked
     * @param ipvs        whether the kernel has IPVS (virtual IPs, the routing mesh); null when not checked
     */
    public record Result(Boolean acrossHosts, Boolean ipvs, String sentence) {
        public boolean works() {
            return !Boolean.FALSE.equals(acrossHosts) && !Boolean.FALSE.equals(ipvs);
        }
    }

    private OverlayCheck() {}

    /** Two running tasks of one service on one overlay network, on different nodes: where the probe goes. */
    record Pair(SwarmSnapshot.Task from, SwarmSnapshot.Task to, String network) {}

    static Optional<Pair> pair(SwarmSnapshot swarm) {
        for (var service : swarm.services()) {
            for (String network : service.networks()) {
                if (network.equals("ingress")) continue;
                var running = swarm.currentTasks().stream().filter(t -> t.serviceId().equals(service.id()) && t.isRunning()
                        && !t.containerId().isEmpty()).toList();
                for (var a : running) {
                    for (var b : running) {
                        if (!a.nodeId().equals(b.nodeId())) return Optional.of(new Pair(a, b, network));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the Swarm has what the probe needs: two running tasks of a service on an overlay, on different nodes. */
    public static boolean canCheck(SwarmSnapshot swarm) {
        return pair(swarm).isPresent();
    }

    public static Result run(LocalEngine local, HostsByName hosts, SwarmOperations swarm, SwarmSnapshot snapshot) {
        Pair pair = pair(snapshot).orElse(null);
        if (pair == null) {
            return new Result(null, null, "The overlay is checked between two running tasks of a service on an overlay network, "
                    + "on different nodes; this Swarm has none yet.");
        }
        String fromNode = snapshot.nodeName(pair.from().nodeId());
        String toNode = snapshot.nodeName(pair.to().nodeId());
        var fromHost = host(swarm, snapshot, pair.from());
        var toHost = host(swarm, snapshot, pair.to());
        Optional<SimulatedHost> simulated = fromHost.flatMap(local::simulatedHost);
        if (fromHost.isEmpty() || toHost.isEmpty() || simulated.isEmpty()) {
            return new Result(null, null, "The overlay check looks from inside a simulated host; " + fromNode
                    + " is not one, so it is not checked here.");
        }
        ContainerFacts from = hosts.operations(fromHost.get()).facts(pair.from().containerId());
        ContainerFacts to = hosts.operations(toHost.get()).facts(pair.to().containerId());
        var onNetwork = to.networks().get(pair.network());
        if (onNetwork == null || onNetwork.address().isEmpty()) {
            return new Result(null, null, "The task on " + toNode + " has no address on " + pair.network() + " yet; check again in a moment.");
        }
        String address = onNetwork.address();
        LookInside inside = LookInside.simulated(local, simulated.get(), from.pid());
        boolean crosses = inside.run("ping -c 1 -W 2 " + address + " >/dev/null 2>&1").exitCode() == 0;
        boolean ipvs = inside.run("test -e /proc/net/ip_vs").exitCode() == 0;
        String taskA = snapshot.taskName(pair.from()) + " on " + fromNode;
        String taskB = snapshot.taskName(pair.to()) + " on " + toNode;
        StringBuilder said = new StringBuilder();
        if (crosses) {
            said.append("Tasks reach each other across hosts over ").append(pair.network()).append(" (").append(taskA).append(" → ")
                    .append(taskB).append(" at ").append(address).append(")");
        } else {
            said.append("Tasks do not reach each other across hosts over ").append(pair.network()).append(" (").append(taskA)
                    .append(" → ").append(taskB).append(" at ").append(address).append(": no answer in 2 s): the overlay's vxlan "
                    + "traffic (UDP 4789 between the hosts) does not get through; a cut or a drop fault between them does this, "
                    + "as does a firewall on the hosts' network");
        }
        if (ipvs) {
            said.append(crosses ? ", and the kernel has IPVS: services' virtual IPs and the routing mesh work." : ".");
        } else {
            boolean anyVip = snapshot.services().stream().anyMatch(SwarmSnapshot.Service::hasVirtualIp);
            said.append(crosses ? "; but " : ". Also, ").append("this computer's kernel has no IPVS (no /proc/net/ip_vs), which a "
                    + "service's virtual IP and the routing mesh need: ")
                    .append(anyVip ? "a service's name answers nothing, and ports published through the mesh neither. Give services "
                            + "endpoint_mode: dnsrr in the lab file: their names then resolve to the tasks themselves, which works here."
                            : "this Swarm's services use dnsrr, which does not need it.");
        }
        return new Result(crosses, ipvs, said.toString());
    }

    private static Optional<String> host(SwarmOperations swarm, SwarmSnapshot snapshot, SwarmSnapshot.Task task) {
        return snapshot.node(task.nodeId()).flatMap(swarm::hostOfNode);
    }
}
