package dev.portolan.ui.diagram;

import java.util.Map;

/**
 * What the diagram writes over the cluster besides the engine's state: the faults in force (by
 * host name or HOST/CONTAINER name), what went wrong by itself (by card key), live stats (by
 * card key), each host's totals (by host name) and the last probe's path.
 */
public record Marks(Map<String, String> faults, Map<String, String> troubles, Map<String, CardStats> stats,
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

    public Marks withTroubles(Map<String, String> next) {
        return new Marks(faults, next, stats, hostStats, probe);
    }

    public Marks withStats(Map<String, CardStats> next, Map<String, String> nextHostStats) {
        return new Marks(faults, troubles, next, nextHostStats, probe);
    }

    /** The probe's path, or null to take it off. */
    public Marks withProbe(ProbePath next) {
        return new Marks(faults, troubles, stats, hostStats, next);
    }
}
