package dev.portolan.operations;

import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.faults.Fault;
import dev.portolan.host.faults.FaultBook;
import dev.portolan.host.faults.FaultSpec;
import dev.portolan.host.faults.FaultSpec.ContainerFault;
import dev.portolan.host.faults.FaultSpec.Cut;
import dev.portolan.host.faults.FaultSpec.Delay;
import dev.portolan.host.faults.FaultSpec.Drop;
import dev.portolan.host.faults.FaultSpec.HostFault;
import dev.portolan.host.faults.FaultSpec.Target;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Breaks things on purpose and mends them: faults on simulated hosts, on containers of any
 * host, and on the network between them, each recorded in the shared {@link FaultBook} so
 * the window and every `portolan fault` command see and heal the same ones. Heal undoes
 * only what a fault made (rules carrying its mark, the container it paused, the network
 * it cut a container from). Blocking: call off the FX thread.
 */
public final class Faults {

    /** What injecting did: the fault (recorded unless it was momentary) and what happened, in words. */
    public record Injected(Fault fault, String outcome) {}

    /**
     * Whether this computer's kernel can delay packets (tc netem), and if not, why, in words;
     * {@code known} false while no simulated host runs to try it on.
     */
    public record Netem(boolean available, String why, boolean known) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalEngine local;
    private final FaultBook book;
    private final Clock clock;
    private final HostFaults hostFaults;
    private final ContainerFaults containers;
    private final NetworkFaults network;

    public Faults(LocalEngine local, HostsByName hosts, FaultBook book, Clock clock) {
        this.local = local;
        this.book = book;
        this.clock = clock;
        this.hostFaults = new HostFaults(local);
        this.containers = new ContainerFaults(hosts);
        this.network = new NetworkFaults(local, hosts, hostFaults);
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
            case HostFault h -> hostFaults.inject(h, undo);
            case ContainerFault c -> containers.inject(c, undo);
            case Cut c -> network.cut(id, c);
            case Drop d -> network.drop(id, d);
            case Delay d -> network.delay(d);
        };
        Instant now = clock.instant();
        Fault fault = new Fault(id, spec, now.toEpochMilli(),
                duration == null ? null : now.plus(duration).toEpochMilli(), undo);
        if (!spec.isMomentary()) book.add(fault);
        return new Injected(fault, outcome);
    }

    /**
     * Injects several faults (a lab's named list) for {@code duration}: all of them, or, when
     * one cannot be made, none — those already made are healed before the failure is thrown.
     */
    public List<Injected> injectAll(List<FaultSpec> specs, Duration duration) {
        List<Injected> made = new ArrayList<>();
        try {
            for (FaultSpec spec : specs) made.add(inject(spec, duration));
        } catch (RuntimeException e) {
            for (Injected m : made) {
                if (m.fault().spec().isMomentary()) continue;
                try {
                    heal(m.fault().id());
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
            }
            throw e;
        }
        return made;
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
        done.addAll(network.sweep());
        return done;
    }

    /**
     * Heals the faults that strike a host being removed: {@code hosts} is a lab ("demo", all
     * its hosts) or one host ("demo/node1"). A destroyed lab's faults would otherwise stay
     * listed for hosts that are gone, and a cut's rule stay on a host that survives it. What
     * can no longer be undone (its host is gone, and its rules with it) is forgotten all the
     * same; each line says what was done.
     */
    public List<String> healOn(String hosts) {
        List<String> done = new ArrayList<>();
        for (Fault fault : book.list()) {
            if (!strikes(fault, hosts)) continue;
            try {
                done.add(heal(fault.id()));
            } catch (RuntimeException e) {
                book.remove(fault.id());
                done.add("forgot " + fault.spec().describe() + ": " + EngineErrors.firstLine(String.valueOf(e.getMessage())));
            }
        }
        return done;
    }

    /**
     * Whether {@code fault} strikes {@code hosts}: a lab (any of its hosts) or one LAB/HOST. A
     * lab's name has no slash; a fault on a host that is no lab's ("local") is never a lab's.
     */
    public static boolean strikes(Fault fault, String hosts) {
        java.util.function.Predicate<String> struck = hosts.contains("/") ? hosts::equals : host -> host.startsWith(hosts + "/");
        return fault.spec().targets().stream().anyMatch(t -> struck.test(t.host()));
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
        return network.netem();
    }

    private String undo(Fault fault) {
        return switch (fault.spec()) {
            case HostFault h -> hostFaults.heal(h, fault);
            case ContainerFault c -> containers.heal(c, fault);
            case Cut c -> network.healRules(c.from(), fault, "the cut between " + c.from() + " and " + c.to() + " is healed");
            case Drop d -> network.healRules(d.target(), fault, d.target() + " drops no packets any more");
            case Delay d -> network.undelay(d);
        };
    }

    private static String newId() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return id.toString();
    }
}
