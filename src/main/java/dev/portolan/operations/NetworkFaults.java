package dev.portolan.operations;

import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.faults.Fault;
import dev.portolan.host.faults.FaultSpec.Cut;
import dev.portolan.host.faults.FaultSpec.Delay;
import dev.portolan.host.faults.FaultSpec.Drop;
import dev.portolan.host.faults.FaultSpec.Target;
import dev.portolan.host.faults.NetworkRules;
import dev.portolan.host.simulated.SimulatedHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults on the network of simulated hosts and their containers: the rules go into the
 * target's own network namespace — a host's, by exec in its container on the local engine;
 * a container's, by nsenter from its host — and carry the fault's mark.
 */
final class NetworkFaults {

    private static final Map<String, Faults.Netem> NETEM_BY_ENGINE = new ConcurrentHashMap<>();

    private final LocalEngine local;
    private final HostsByName hosts;
    private final HostFaults hostFaults;

    NetworkFaults(LocalEngine local, HostsByName hosts, HostFaults hostFaults) {
        this.local = local;
        this.hosts = hosts;
        this.hostFaults = hostFaults;
    }

    /**
     * Whether packets can be delayed here: tries netem on a running simulated host's
     * loopback (the kernel is the local engine's, shared by every simulated host). Asked once
     * per engine.
     */
    Faults.Netem netem() {
        Faults.Netem known = NETEM_BY_ENGINE.get(local.endpoint().address());
        if (known != null) return known;
        Optional<SimulatedHost> host = local.simulatedHosts().list().stream().filter(SimulatedHost::isRunning).findFirst();
        if (host.isEmpty()) return new Faults.Netem(false, "Latency needs a running simulated host to try tc netem on.", false);
        ContainerOps.ExecResult probe = exec(host.get(), null, NetworkRules.NETEM_PROBE);
        Faults.Netem answer = probe.exitCode() == 0 ? new Faults.Netem(true, "", true)
                : new Faults.Netem(false, netemMissing(probe.output()), true);
        NETEM_BY_ENGINE.put(local.endpoint().address(), answer);
        return answer;
    }

    /** Where a network fault's rules go: a simulated host's own namespace, or one of its containers'. */
    private record Namespace(Target target, SimulatedHost host, ContainerFacts container, String hostAddress) {
        boolean isHost() {
            return container == null;
        }

        Integer pid() {
            return container == null ? null : container.pid();
        }

        List<String> addresses() {
            return container == null ? List.of(hostAddress) : container.addresses();
        }
    }

    String cut(String id, Cut c) {
        if (c.from().equals(c.to())) throw new InvalidInputException("A cut needs two different ends; both are " + c.from() + ".");
        Namespace from = namespace(c.from());
        Namespace to = namespace(c.to());
        List<NetworkRules.Peer> peers = new ArrayList<>();
        to.addresses().forEach(a -> peers.add(NetworkRules.Peer.all(a)));
        if (!to.isHost() && !to.host().equals(from.host())) {
            // across hosts a container is reached through its host's published ports
            to.container().published().forEach(p -> peers.add(new NetworkRules.Peer(to.hostAddress(), p.protocol(), p.hostPort())));
        }
        if (peers.isEmpty()) throw new InvalidInputException(c.to() + " has no address to cut " + c.from() + " from.");
        check(from, NetworkRules.cut(NetworkRules.MARK_PREFIX + id, peers, c.oneWay(), from.isHost()), "cut " + c.from());
        return c.oneWay() ? c.from() + " can no longer open connections to " + c.to() + "; " + c.to() + " can still reach it."
                : "No packets pass between " + c.from() + " and " + c.to() + ".";
    }

    String drop(String id, Drop d) {
        Namespace at = namespace(d.target());
        check(at, NetworkRules.drop(NetworkRules.MARK_PREFIX + id, d.percent(), at.isHost()), "drop packets on " + d.target());
        return d.percent() + "% of the packets reaching " + d.target() + " are dropped, at random.";
    }

    String delay(Delay d) {
        Namespace at = namespace(d.target());
        ContainerOps.ExecResult result = exec(at.host(), at.pid(), NetworkRules.delay(d.latencyMillis(), d.jitterMillis()));
        if (result.exitCode() != 0) {
            exec(at.host(), at.pid(), NetworkRules.undelay());
            throw new InvalidInputException(netemMissing(result.output()));
        }
        return d.target() + "'s packets now wait " + d.latencyMillis() + " ms" + (d.jitterMillis() > 0 ? " ± " + d.jitterMillis() + " ms" : "")
                + ".";
    }

    String undelay(Delay d) {
        Namespace at = reachable(d.target());
        if (at == null) return d.target() + " is not running: its latency went with its network";
        exec(at.host(), at.pid(), NetworkRules.undelay());
        return d.target() + " has no added latency any more";
    }

    /**
     * Removes every rule with Portolan's mark from each running simulated host's own
     * namespace; returns a sentence for each host where that could not be done.
     */
    List<String> sweep() {
        List<String> problems = new ArrayList<>();
        for (SimulatedHost host : local.simulatedHosts().list()) {
            if (!host.isRunning()) continue;
            try {
                exec(host, null, NetworkRules.healEvery());
            } catch (RuntimeException e) {
                problems.add("could not look for Portolan's rules on " + host.lab() + "/" + host.name() + ": "
                        + EngineErrors.firstLine(String.valueOf(e.getMessage())));
            }
        }
        return problems;
    }

    String healRules(Target target, Fault fault, String done) {
        Namespace at = reachable(target);
        if (at == null) return target + " is not running: its rules went with its network";
        check(at, NetworkRules.heal(fault.mark()), "heal " + fault.spec().describe());
        return done;
    }

    private static String netemMissing(String tcSaid) {
        String said = EngineErrors.firstLine(tcSaid).replaceFirst("\\.$", "");
        if (said.contains("tc: not found")) {
            return "Latency needs tc (iproute2) in the host image, and it has none: packet drops and cuts work without it.";
        }
        if (said.contains("qdisc kind is unknown") || said.contains("No such file")) {
            return "This computer's kernel has no netem (the sch_netem module), so latency cannot be added (tc said: " + said
                    + "). Packet drops and cuts work. On Linux, `sudo modprobe sch_netem` adds it where the kernel ships it.";
        }
        return "tc netem failed: " + said;
    }

    /** Finds where a target's packets pass; says plainly when the target is not something Portolan can reach into. */
    private Namespace namespace(Target target) {
        SimulatedHost host = hostFaults.running(target.host());
        String hostAddress = InNamespace.hostAddress(local, host);
        if (target.isHost()) return new Namespace(target, host, null, hostAddress);
        ContainerFacts container = hosts.operations(target.host()).facts(target.container());
        if (!container.running() || container.pid() == 0) {
            throw new InvalidInputException(target + " is not running: a network fault needs its network, which exists only "
                    + "while it runs.");
        }
        return new Namespace(target, host, container, hostAddress);
    }

    /** The namespace of a target that still runs, or null when it does not (its rules are gone with it). */
    private Namespace reachable(Target target) {
        try {
            return namespace(target);
        } catch (InvalidInputException notRunning) {
            return null;
        }
    }

    private void check(Namespace at, String script, String what) {
        ContainerOps.ExecResult result = exec(at.host(), at.pid(), script);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("Could not " + what + ": " + EngineErrors.firstLine(result.output())
                    + (result.output().contains("nsenter: not found") ? " (the host image has no nsenter)" : ""));
        }
    }

    /** Runs a script in the host's namespace, or in that of its container with main process {@code pid}. */
    private ContainerOps.ExecResult exec(SimulatedHost host, Integer pid, String script) {
        return InNamespace.run(local, host, pid, script);
    }
}
