package dev.portolan.ui.diagram;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What the diagram writes over the cluster besides the engine's state: the faults in force (by
 * host name or HOST/CONTAINER name), what went wrong by itself (by host, then card key: views of
 * the tags the diagram keeps up to date), live stats (by card key), each host's totals (by host
 * name) and the last probe's path.
 */
public record Marks(Map<String, String> faults, Map<String, Map<String, String>> troubles, Map<String, CardStats> stats,
        Map<String, String> hostStats, ProbePath probe) {

    public static final Marks NONE = new Marks(Map.of(), Map.of(), Map.of(), Map.of(), null);

    /**
     * The last probe, drawn from A's card to B's: A and B as HOST/NAME (B may be an address), whether A
     * reached B, and each check as "✓ where", "✗ connect".
     */
    public record ProbePath(String from, String to, boolean reaches, java.util.List<String> steps) {
        public ProbePath {
            steps = java.util.List.copyOf(steps);
        }
    }

    /** A card's live stats: its CPU over the last minute, oldest first, and "12% · 34 MB". */
    public record CardStats(double[] cpu, String text) {}

    public Marks {
        faults = Map.copyOf(faults);
        troubles = Map.copyOf(troubles);
        stats = Map.copyOf(stats);
        hostStats = Map.copyOf(hostStats);
    }

    public Marks withFaults(Map<String, String> next) {
        return new Marks(next, troubles, stats, hostStats, probe);
    }

    /**
     * A host's trouble tags, by card key: a view of the map its owner keeps up to date on the FX
     * thread, not a copy (a host of thousands of containers changes one at a time).
     */
    public Marks withTroubles(String host, Map<String, String> tags) {
        Map<String, Map<String, String>> byHost = new HashMap<>(troubles);
        byHost.put(host, Collections.unmodifiableMap(tags));
        return new Marks(faults, byHost, stats, hostStats, probe);
    }

    /** A card's trouble tag, or null. */
    public String trouble(String host, String cardKey) {
        return troubles.getOrDefault(host, Map.of()).get(cardKey);
    }

    /** Every host's trouble tags, by card key. */
    public Map<String, String> allTroubles() {
        Map<String, String> all = new HashMap<>();
        troubles.values().forEach(all::putAll);
        return all;
    }

    public Marks withStats(Map<String, CardStats> next, Map<String, String> nextHostStats) {
        return new Marks(faults, troubles, next, nextHostStats, probe);
    }

    /** The probe's path, or null to take it off. */
    public Marks withProbe(ProbePath next) {
        return new Marks(faults, troubles, stats, hostStats, next);
    }
}
