package dev.portolan.ui.stats;

import dev.portolan.inventory.ContainerStats;
import dev.portolan.ui.StatusText;
import java.util.List;

/** Stats as people read them: "12%", "34 MB", "↓1.2 kB/s ↑300 B/s". */
public final class StatsFormat {

    private StatsFormat() {}

    public static String cpu(double percent) {
        return percent >= 10 ? Math.round(percent) + "%" : String.format("%.1f%%", percent);
    }

    public static String rate(double bytesPerSecond) {
        return StatusText.bytes(Math.round(bytesPerSecond)) + "/s";
    }

    /** The card's line: "12% · 34 MB". */
    public static String brief(ContainerStats s) {
        return cpu(s.cpuPercent()) + " · " + StatusText.bytes(s.memoryBytes());
    }

    /**
     * The details pane's lines. Each phrase keeps its words together (no-break spaces), so a
     * narrow pane wraps between phrases: "memory 659 KB of 25.3" above a lone "GB" before.
     */
    public static String full(ContainerStats s) {
        return whole("CPU " + cpu(s.cpuPercent())) + " · " + whole("memory " + StatusText.bytes(s.memoryBytes())
                + (s.memoryLimit() > 0 ? " of " + StatusText.bytes(s.memoryLimit()) : ""))
                + "\n" + whole("Network ↓" + rate(s.netInPerSecond()) + " ↑" + rate(s.netOutPerSecond()))
                + " · " + whole("disk read " + rate(s.diskReadPerSecond())) + " " + whole("write " + rate(s.diskWritePerSecond()));
    }

    /** One phrase, never wrapped inside. */
    static String whole(String phrase) {
        return phrase.replace(' ', '\u00a0');
    }

    /** CPU of each sample, oldest first, for a sparkline. */
    public static double[] cpuSeries(List<ContainerStats> history) {
        return history.stream().mapToDouble(ContainerStats::cpuPercent).toArray();
    }
}
