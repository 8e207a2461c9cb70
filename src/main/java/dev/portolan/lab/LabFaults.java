package dev.portolan.lab;

import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.faults.FaultSpec;
import dev.portolan.host.faults.FaultSpec.Target;
import dev.portolan.lab.LabSpec.FaultEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A lab's named fault lists (`faults:` in its file), read into the faults they switch on:
 * the lab's own names (node1, node1/db) become the names `portolan hosts` uses (demo/node1,
 * demo/node1/db).
 */
public final class LabFaults {

    private LabFaults() {}

    /** The faults of the list {@code name}; a sentence naming the lists there are when there is none. */
    public static List<FaultSpec> specs(LabSpec lab, String name) {
        List<FaultEntry> entries = lab.faults().get(name);
        if (entries == null) {
            throw new InvalidInputException(lab.name() + " names no faults called " + name + (lab.faults().isEmpty()
                    ? "; its file has no `faults:` section." : "; it names: " + String.join(", ", new TreeMap<>(lab.faults()).keySet()) + "."));
        }
        List<FaultSpec> specs = new ArrayList<>();
        for (FaultEntry e : entries) specs.add(spec(lab, e));
        return specs;
    }

    /** "30%" or "30" as a whole percent. */
    public static int percent(String share) {
        String digits = share == null ? "" : share.strip().replaceFirst("%$", "").strip();
        if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 100) {
            throw new InvalidInputException("'" + share + "' is not a share of packets: write 1% to 100%, such as 30%.");
        }
        return Integer.parseInt(digits);
    }

    /** Checks each list's entries as the lab file is read, so a mistake is found at its line, not when switched on. */
    static void check(LabSpec lab, BiConsumer<String, String> problem) {
        for (Map.Entry<String, List<FaultEntry>> list : lab.faults().entrySet()) {
            List<FaultEntry> entries = list.getValue() == null ? List.of() : list.getValue();
            if (entries.isEmpty()) problem.accept("/faults/" + list.getKey(), "faults " + list.getKey() + ": list at least one fault");
            for (int i = 0; i < entries.size(); i++) {
                try {
                    spec(lab, entries.get(i));
                } catch (RuntimeException e) {
                    problem.accept("/faults/" + list.getKey() + "/" + i, "faults " + list.getKey() + ": " + e.getMessage());
                }
            }
        }
    }

    private static FaultSpec spec(LabSpec lab, FaultEntry e) {
        List<String> actions = new ArrayList<>();
        if (e.stop() != null) actions.add("stop");
        if (e.kill() != null) actions.add("kill");
        if (e.pause() != null) actions.add("pause");
        if (e.killEngine() != null) actions.add("kill-engine");
        if (e.restartEngine() != null) actions.add("restart-engine");
        if (e.disconnect() != null) actions.add("disconnect");
        if (e.cut() != null) actions.add("cut");
        if (e.drop() != null) actions.add("drop");
        if (e.delay() != null) actions.add("delay");
        if (actions.size() != 1) {
            throw new InvalidInputException((actions.isEmpty() ? "say what to do" : "one fault per entry, not " + String.join(" and ", actions))
                    + ": stop, kill, pause, kill-engine, restart-engine, disconnect, cut, drop or delay");
        }
        return switch (actions.getFirst()) {
            case "stop" -> hostOrContainer(lab, e.stop(), FaultSpec.HostAction.STOP, FaultSpec.ContainerAction.STOP, null);
            case "kill" -> hostOrContainer(lab, e.kill(), FaultSpec.HostAction.KILL, FaultSpec.ContainerAction.KILL, e.signal());
            case "pause" -> hostOrContainer(lab, e.pause(), FaultSpec.HostAction.PAUSE, FaultSpec.ContainerAction.PAUSE, null);
            case "kill-engine" -> new FaultSpec.HostFault(host(lab, e.killEngine()).host(), FaultSpec.HostAction.KILL_ENGINE);
            case "restart-engine" -> new FaultSpec.HostFault(host(lab, e.restartEngine()).host(), FaultSpec.HostAction.RESTART_ENGINE);
            case "disconnect" -> {
                Target t = target(lab, e.disconnect());
                if (t.isHost() || e.network() == null) throw new InvalidInputException("disconnect: name a container (node1/web) and its network:");
                yield new FaultSpec.ContainerFault(t, FaultSpec.ContainerAction.DISCONNECT, null, e.network());
            }
            case "cut" -> {
                if (e.cut().size() != 2) throw new InvalidInputException("cut: name two ends, such as [node1, node2]");
                yield new FaultSpec.Cut(target(lab, e.cut().get(0)), target(lab, e.cut().get(1)), Boolean.TRUE.equals(e.oneWay()));
            }
            case "drop" -> new FaultSpec.Drop(target(lab, e.drop()), percent(e.share()));
            default -> new FaultSpec.Delay(target(lab, e.delay()), millis(e.latency(), "latency"), e.jitter() == null ? 0
                    : millis(e.jitter(), "jitter"));
        };
    }

    private static FaultSpec hostOrContainer(LabSpec lab, String name, FaultSpec.HostAction onHost,
            FaultSpec.ContainerAction onContainer, String signal) {
        Target t = target(lab, name);
        return t.isHost() ? new FaultSpec.HostFault(t.host(), onHost) : new FaultSpec.ContainerFault(t, onContainer, signal, null);
    }

    private static Target host(LabSpec lab, String name) {
        Target t = target(lab, name);
        if (!t.isHost()) throw new InvalidInputException(name + " is a container; this fault acts on a host of the lab");
        return t;
    }

    /** node1 → demo/node1; node1/db → demo/node1 and its container db (declared in the lab on that host). */
    private static Target target(LabSpec lab, String name) {
        String text = name == null ? "" : name.strip();
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        if (lab.hosts().stream().noneMatch(h -> h.name().equals(host))) {
            throw new InvalidInputException("'" + text + "': " + host + " is not a host of this lab (hosts: "
                    + String.join(", ", lab.hosts().stream().map(LabSpec.Host::name).toList()) + ")");
        }
        if (slash < 0) return Target.host(lab.name() + "/" + host);
        String container = text.substring(slash + 1);
        // a one-host lab's containers may leave their host out
        boolean declared = lab.containers().stream().anyMatch(c -> host.equals(Labs.hostOf(lab, c.host())) && (c.name().equals(container)
                || c.replicas() > 1 && container.matches(java.util.regex.Pattern.quote(c.name()) + "-\\d+")));
        if (!declared) throw new InvalidInputException("'" + text + "': the lab has no container " + container + " on " + host);
        return new Target(lab.name() + "/" + host, container);
    }

    private static long millis(String text, String what) {
        if (text == null) throw new InvalidInputException("delay: give the " + what + ", such as 100ms");
        try {
            return dev.portolan.app.Durations.parse(text).toMillis();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(what + ": " + e.getMessage());
        }
    }
}
