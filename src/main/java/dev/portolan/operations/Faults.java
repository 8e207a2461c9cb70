package dev.portolan.operations;

import dev.portolan.app.Durations;
import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import dev.portolan.host.faults.Fault;
import dev.portolan.host.faults.FaultBook;
import dev.portolan.host.faults.FaultSpec;
import dev.portolan.host.faults.FaultSpec.ContainerFault;
import dev.portolan.host.faults.FaultSpec.Cut;
import dev.portolan.host.faults.FaultSpec.Delay;
import dev.portolan.host.faults.FaultSpec.Drop;
import dev.portolan.host.faults.FaultSpec.HostFault;
import dev.portolan.host.faults.FaultSpec.Target;
import dev.portolan.host.faults.NetworkRules;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHosts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Breaks things on purpose and mends them: faults on simulated hosts, on containers of any
 * host, and on the network between them, each recorded in the shared {@link FaultBook} so
 * the window and every `portolan fault` command see and heal the same ones. Heal undoes
 * only what a fault made (rules carrying its mark, the container it paused, the network
 * it cut a container from). Blocking: call off the FX thread.
 */
public final class Faults {

    /** The operations of a host named as `portolan hosts` names it; the caller keeps and closes them. */
    @FunctionalInterface
    public interface Hosts {
        HostOperations operations(String host);
    }

    /** What injecting did: the fault (recorded unless it was momentary) and what happened, in words. */
    public record Injected(Fault fault, String outcome) {}

    /** Whether this computer's kernel can delay packets (tc netem), and if not, why, in words. */
    public record Netem(boolean available, String why) {}

    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration ENGINE_BACK_TIMEOUT = Duration.ofSeconds(90);
    private static final Map<String, Netem> NETEM_BY_ENGINE = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalEngine local;
    private final Hosts hosts;
    private final FaultBook book;
    private final Clock clock;

    public Faults(LocalEngine local, Hosts hosts, FaultBook book, Clock clock) {
        this.local = local;
        this.hosts = hosts;
        this.book = book;
        this.clock = clock;
    }

    /**
     * Reads a target as people write it: a host as `portolan hosts` names it (demo/node1), or
     * a container on one as HOST/NAME (demo/node1/web).
     */
    public Target target(String text) {
        List<String> names = local.registry().names(local);
        if (names.contains(text)) return Target.host(text);
        int slash = text.lastIndexOf('/');
        if (slash > 0 && slash < text.length() - 1 && names.contains(text.substring(0, slash))) {
            return new Target(text.substring(0, slash), text.substring(slash + 1));
        }
        throw new InvalidInputException("There is no host or container named " + text + ": name a host as `portolan hosts` does "
                + "(" + String.join(", ", names) + "), or a container on one as HOST/NAME, such as demo/node1/web.");
    }

    /** The faults in force, oldest first. */
    public List<Fault> inForce() {
        return book.list();
    }

    /**
     * Injects a fault, for {@code duration} (null: until healed). Checks first, so a fault
     * that cannot be made changes nothing and says why.
     */
    public Injected inject(FaultSpec spec, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new InvalidInputException("A fault's duration must be more than zero; leave it out to keep the fault until healed.");
        }
        String id = newId();
        Map<String, String> undo = new HashMap<>();
        String outcome = switch (spec) {
            case HostFault h -> hostFault(h, undo);
            case ContainerFault c -> containerFault(c, undo);
            case Cut c -> cut(id, c);
            case Drop d -> drop(id, d);
            case Delay d -> delay(d);
        };
        Instant now = clock.instant();
        Fault fault = new Fault(id, spec, now.toEpochMilli(),
                duration == null ? null : now.plus(duration).toEpochMilli(), undo);
        if (!spec.isMomentary()) book.add(fault);
        return new Injected(fault, outcome);
    }

    /** Heals one fault and forgets it; returns what was done. */
    public String heal(String id) {
        Fault fault = book.list().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("There is no fault " + id + " in force: `portolan fault ls` lists them."));
        String done = undo(fault);
        book.remove(id);
        return done;
    }

    /**
     * Heals every fault in force, then removes any rule with Portolan's mark left on a
     * running simulated host (a list lost or edited by hand). Each line says what was done;
     * a fault that could not be healed stays listed, with why.
     */
    public List<String> healAll() {
        List<String> done = new ArrayList<>();
        for (Fault fault : book.list()) {
            try {
                done.add(heal(fault.id()));
            } catch (RuntimeException e) {
                done.add("could not heal " + fault.spec().describe() + ": " + EngineErrors.firstLine(String.valueOf(e.getMessage())));
            }
        }
        for (SimulatedHost host : local.simulatedHosts().list()) {
            if (host.isRunning()) exec(host, null, NetworkRules.healEvery());
        }
        return done;
    }

    /** Heals the faults whose duration has run out; returns them. */
    public List<Fault> healOverdue() {
        Instant now = clock.instant();
        List<Fault> healed = new ArrayList<>();
        for (Fault fault : book.list()) {
            if (!fault.isOverdue(now)) continue;
            try {
                heal(fault.id());
                healed.add(fault);
            } catch (RuntimeException e) {
                // stays listed; the next tick, or Heal, tries again and says why
            }
        }
        return healed;
    }

    /**
     * Whether packets can be delayed here: tries netem on a running simulated host's
     * loopback (the kernel is the local engine's, shared by every simulated host). Asked once
     * per engine.
     */
    public Netem netem() {
        Netem known = NETEM_BY_ENGINE.get(local.endpoint().address());
        if (known != null) return known;
        Optional<SimulatedHost> host = local.simulatedHosts().list().stream().filter(SimulatedHost::isRunning).findFirst();
        if (host.isEmpty()) return new Netem(false, "Latency needs a running simulated host to try tc netem on.");
        ContainerOps.ExecResult probe = exec(host.get(), null, NetworkRules.NETEM_PROBE);
        Netem answer = probe.exitCode() == 0 ? new Netem(true, "")
                : new Netem(false, netemMissing(probe.output()));
        NETEM_BY_ENGINE.put(local.endpoint().address(), answer);
        return answer;
    }

    // ---- hosts

    private String hostFault(HostFault f, Map<String, String> undo) {
        SimulatedHost host = running(f.host());
        HostOperations engine = local.operations();
        undo.put("container", host.containerId());
        return switch (f.action()) {
            case STOP -> {
                local.simulatedHosts().stop(host);
                yield f.host() + " is stopped.";
            }
            case KILL -> {
                engine.kill(host.containerId());
                yield f.host() + " is killed (SIGKILL): its containers went with it.";
            }
            case PAUSE -> {
                engine.pause(host.containerId());
                yield f.host() + " is paused: its engine and containers are frozen, and it stops answering.";
            }
            // dockerd exits at once on SIGQUIT, without clean-up, like a crash; SIGTERM shuts it down in order.
            // Either way its container ends and the restart policy starts it again, as systemd would dockerd.
            case KILL_ENGINE -> signalEngine(host, "QUIT", "killed without clean-up (SIGQUIT)");
            case RESTART_ENGINE -> signalEngine(host, "TERM", "stopped in order (SIGTERM)");
        };
    }

    private String signalEngine(SimulatedHost host, String signal, String how) {
        long start = System.nanoTime();
        try {
            local.operations().exec(host.containerId(), List.of("kill", "-" + signal, "1"), EXEC_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (RuntimeException e) {
            // the exec may end with the engine it signalled; what counts is whether the engine comes back
        }
        String name = host.lab() + "/" + host.name();
        Duration back = waitForEngine(host, start);
        if (back == null) {
            return name + "'s engine was " + how + " and did not answer again within " + Durations.format(ENGINE_BACK_TIMEOUT)
                    + ": `docker logs " + SimulatedHosts.containerName(host.lab(), host.name()) + "` shows why.";
        }
        return String.format(java.util.Locale.ROOT, "%s's engine was %s; its restart policy started it again and it answered "
                + "after %.1f s.", name, how, back.toMillis() / 1000.0);
    }

    /** How long from {@code start} until the host's engine answered again, or null if it did not in time. */
    private Duration waitForEngine(SimulatedHost host, long start) {
        long deadline = start + ENGINE_BACK_TIMEOUT.toNanos();
        boolean wentAway = false;
        while (System.nanoTime() < deadline) {
            Optional<SimulatedHost> now = local.simulatedHosts().find(host.lab(), host.name());
            boolean running = now.isPresent() && now.get().isRunning();
            if (!running) wentAway = true;
            // the old engine may answer for a moment after the signal: count only once it went away, or after 2 s
            if (running && (wentAway || System.nanoTime() - start > 2_000_000_000L) && answers(now.get())) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            sleep(100);
        }
        return null;
    }

    private static boolean answers(SimulatedHost host) {
        try (var pinger = EngineClients.pinger(host.endpoint())) {
            pinger.pingCmd().exec();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    // ---- containers

    private String containerFault(ContainerFault f, Map<String, String> undo) {
        HostOperations host = hosts.operations(f.container().host());
        ContainerFacts c = host.facts(f.container().container());
        undo.put("container", c.id());
        String name = f.container().toString();
        if (!c.running()) throw new InvalidInputException(name + " is not running: there is nothing to " + f.action().word() + ".");
        return switch (f.action()) {
            case KILL -> {
                String signal = f.signal() == null ? "KILL" : f.signal();
                host.kill(c.id(), signal);
                yield name + " got SIG" + signal + ".";
            }
            case PAUSE -> {
                if (c.paused()) throw new InvalidInputException(name + " is already paused.");
                host.pause(c.id());
                yield name + " is paused.";
            }
            case STOP -> {
                host.stop(c.id());
                yield name + " is stopped.";
            }
            case DISCONNECT -> {
                ContainerFacts.Attachment on = c.networks().get(f.network());
                if (on == null) {
                    throw new InvalidInputException(name + " is not on network " + f.network() + "; it is on "
                            + String.join(", ", c.networks().keySet()) + ".");
                }
                // the engine adds the short id itself on connect; the names given at creation are what others resolve
                undo.put("aliases", String.join(",", on.aliases().stream().filter(a -> !c.id().startsWith(a)).toList()));
                host.disconnect(c.id(), f.network());
                yield name + " is disconnected from " + f.network() + ".";
            }
        };
    }

    // ---- the network

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

    private String cut(String id, Cut c) {
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

    private String drop(String id, Drop d) {
        Namespace at = namespace(d.target());
        check(at, NetworkRules.drop(NetworkRules.MARK_PREFIX + id, d.percent(), at.isHost()), "drop packets on " + d.target());
        return d.percent() + "% of the packets reaching " + d.target() + " are dropped, at random.";
    }

    private String delay(Delay d) {
        Namespace at = namespace(d.target());
        ContainerOps.ExecResult result = exec(at.host(), at.pid(), NetworkRules.delay(d.latencyMillis(), d.jitterMillis()));
        if (result.exitCode() != 0) {
            exec(at.host(), at.pid(), NetworkRules.undelay());
            throw new InvalidInputException(netemMissing(result.output()));
        }
        return d.target() + "'s packets now wait " + d.latencyMillis() + " ms" + (d.jitterMillis() > 0 ? " ± " + d.jitterMillis() + " ms" : "")
                + ".";
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
        SimulatedHost host = running(target.host());
        ContainerFacts hostFacts = local.operations().facts(host.containerId());
        var onLab = hostFacts.networks().get(SimulatedHosts.networkName(host.lab()));
        String hostAddress = onLab != null ? onLab.address() : hostFacts.addresses().stream().findFirst().orElse("");
        if (target.isHost()) return new Namespace(target, host, null, hostAddress);
        ContainerFacts container = hosts.operations(target.host()).facts(target.container());
        if (!container.running() || container.pid() == 0) {
            throw new InvalidInputException(target + " is not running: a network fault needs its network, which exists only "
                    + "while it runs.");
        }
        return new Namespace(target, host, container, hostAddress);
    }

    /** The running simulated host of that name, or a sentence saying why a fault cannot act on it. */
    private SimulatedHost running(String name) {
        int slash = name.indexOf('/');
        Optional<SimulatedHost> host = slash > 0
                ? local.simulatedHosts().find(name.substring(0, slash), name.substring(slash + 1)) : Optional.empty();
        if (host.isEmpty()) {
            throw new InvalidInputException("Faults on hosts and networks act on simulated hosts, which Portolan made and owns; "
                    + name + " is not one (`portolan hosts` lists them as LAB/HOST). Container faults work on any host.");
        }
        if (host.get().state().equals("paused")) throw new InvalidInputException(name + " is paused: heal that first.");
        if (!host.get().isRunning()) {
            String state = host.get().state().equals("exited") ? "stopped" : host.get().state();
            throw new InvalidInputException(name + " is " + state + ", so it is lost already: a fault needs it "
                    + "running. Start it first (its page's Start, or `portolan apply`).");
        }
        return host.get();
    }

    // ---- healing

    private String undo(Fault fault) {
        return switch (fault.spec()) {
            case HostFault h -> healHost(h, fault);
            case ContainerFault c -> healContainer(c, fault);
            case Cut c -> healRules(c.from(), fault, "the cut between " + c.from() + " and " + c.to() + " is healed");
            case Drop d -> healRules(d.target(), fault, d.target() + " drops no packets any more");
            case Delay d -> {
                Namespace at = reachable(d.target());
                if (at == null) yield d.target() + " is not running: its latency went with its network";
                exec(at.host(), at.pid(), NetworkRules.undelay());
                yield d.target() + " has no added latency any more";
            }
        };
    }

    private String healHost(HostFault f, Fault fault) {
        Optional<SimulatedHost> host = simulated(f.host());
        if (host.isEmpty() || !host.get().containerId().equals(fault.undo().get("container"))) {
            return f.host() + " was removed or made again since: nothing to heal";
        }
        SimulatedHost h = host.get();
        return switch (f.action()) {
            case PAUSE -> {
                if (h.state().equals("paused")) local.operations().unpause(h.containerId());
                yield f.host() + " is unpaused";
            }
            case STOP, KILL -> {
                if (!h.isRunning()) local.simulatedHosts().start(h, Progress.NONE);
                yield f.host() + " is running again";
            }
            case KILL_ENGINE, RESTART_ENGINE -> f.host() + "'s engine came back by itself";
        };
    }

    private String healContainer(ContainerFault f, Fault fault) {
        HostOperations host = hosts.operations(f.container().host());
        ContainerFacts c;
        try {
            c = host.facts(fault.undo().get("container"));
        } catch (InvalidInputException gone) {
            return f.container() + " was removed since: nothing to heal";
        }
        switch (f.action()) {
            case PAUSE -> {
                if (c.paused()) host.unpause(c.id());
            }
            case KILL, STOP -> {
                if (!c.running()) host.start(c.id());
            }
            case DISCONNECT -> {
                if (!c.networks().containsKey(f.network())) {
                    String aliases = fault.undo().getOrDefault("aliases", "");
                    host.connect(c.id(), f.network(), aliases.isBlank() ? List.of() : List.of(aliases.split(",")));
                }
            }
        }
        return f.container() + (f.action() == FaultSpec.ContainerAction.DISCONNECT ? " is back on " + f.network()
                : f.action() == FaultSpec.ContainerAction.PAUSE ? " is unpaused" : " is running again");
    }

    private String healRules(Target target, Fault fault, String done) {
        Namespace at = reachable(target);
        if (at == null) return target + " is not running: its rules went with its network";
        check(at, NetworkRules.heal(fault.mark()), "heal " + fault.spec().describe());
        return done;
    }

    /** The namespace of a target that still runs, or null when it does not (its rules are gone with it). */
    private Namespace reachable(Target target) {
        try {
            return namespace(target);
        } catch (InvalidInputException notRunning) {
            return null;
        }
    }

    private Optional<SimulatedHost> simulated(String name) {
        int slash = name.indexOf('/');
        return slash > 0 ? local.simulatedHosts().find(name.substring(0, slash), name.substring(slash + 1)) : Optional.empty();
    }

    // ---- running scripts in a namespace

    private void check(Namespace at, String script, String what) {
        ContainerOps.ExecResult result = exec(at.host(), at.pid(), script);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("Could not " + what + ": " + EngineErrors.firstLine(result.output())
                    + (result.output().contains("nsenter: not found") ? " (the host image has no nsenter)" : ""));
        }
    }

    /** Runs a script in the host's namespace, or in that of its container with main process {@code pid}. */
    private ContainerOps.ExecResult exec(SimulatedHost host, Integer pid, String script) {
        List<String> command = pid == null ? List.of("sh", "-c", script)
                : List.of("nsenter", "-t", String.valueOf(pid), "-n", "sh", "-c", script);
        try {
            ContainerOps.ExecResult result = local.operations().exec(host.containerId(), command, EXEC_TIMEOUT);
            if (result.timedOut()) throw new IllegalStateException("the fault's commands on " + host.name() + " did not end in "
                    + Durations.format(EXEC_TIMEOUT));
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String newId() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return id.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
