package dev.portolan.inventory;

import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.Statistics;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One second of a container's life, as `docker stats` shows it: CPU in percent of one core
 * (200 % is two cores busy), memory used (the page cache it could give back not counted),
 * its limit, and network and disk rates in bytes per second.
 */
public record ContainerStats(Instant at, double cpuPercent, long memoryBytes, long memoryLimit, double netInPerSecond,
        double netOutPerSecond, double diskReadPerSecond, double diskWritePerSecond) {

    /** The engine's running totals of one sample, to turn the next one's into rates. */
    public record Totals(Instant at, long netIn, long netOut, long diskRead, long diskWrite) {}

    /** A sample and its totals. */
    public record Sample(ContainerStats stats, Totals totals) {}

    /**
     * Reads one sample of the engine's stats stream; rates come from {@code before} (null for the
     * first sample: rates 0). CPU is the engine's own pair of readings in the sample, as the CLI does.
     */
    public static Sample of(Statistics s, Totals before) {
        Instant at = time(s.getRead());
        double cpu = 0;
        if (s.getCpuStats() != null && s.getPreCpuStats() != null && s.getCpuStats().getCpuUsage() != null
                && s.getPreCpuStats().getCpuUsage() != null) {
            long used = orZero(s.getCpuStats().getCpuUsage().getTotalUsage()) - orZero(s.getPreCpuStats().getCpuUsage().getTotalUsage());
            long system = orZero(s.getCpuStats().getSystemCpuUsage()) - orZero(s.getPreCpuStats().getSystemCpuUsage());
            long cpus = orZero(s.getCpuStats().getOnlineCpus());
            if (cpus == 0 && s.getCpuStats().getCpuUsage().getPercpuUsage() != null) cpus = s.getCpuStats().getCpuUsage().getPercpuUsage().size();
            if (used > 0 && system > 0) cpu = (double) used / system * Math.max(1, cpus) * 100;
        }
        long memory = 0;
        long limit = 0;
        if (s.getMemoryStats() != null) {
            memory = orZero(s.getMemoryStats().getUsage());
            limit = orZero(s.getMemoryStats().getLimit());
            var detail = s.getMemoryStats().getStats();
            // as the CLI: cgroup v1 counts total_inactive_file as cache, v2 inactive_file
            if (detail != null) {
                long cache = detail.getTotalInactiveFile() != null ? detail.getTotalInactiveFile() : orZero(detail.getInactiveFile());
                if (cache < memory) memory -= cache;
            }
        }
        long netIn = 0;
        long netOut = 0;
        if (s.getNetworks() != null) {
            for (var n : s.getNetworks().values()) {
                netIn += orZero(n.getRxBytes());
                netOut += orZero(n.getTxBytes());
            }
        }
        long read = 0;
        long write = 0;
        List<BlkioStatEntry> io = s.getBlkioStats() == null ? null : s.getBlkioStats().getIoServiceBytesRecursive();
        if (io != null) {
            for (BlkioStatEntry e : io) {
                if ("read".equalsIgnoreCase(e.getOp())) read += orZero(e.getValue());
                else if ("write".equalsIgnoreCase(e.getOp())) write += orZero(e.getValue());
            }
        }
        Totals totals = new Totals(at, netIn, netOut, read, write);
        double seconds = before == null ? 0 : (at.toEpochMilli() - before.at().toEpochMilli()) / 1000.0;
        ContainerStats stats = seconds <= 0 ? new ContainerStats(at, cpu, memory, limit, 0, 0, 0, 0)
                : new ContainerStats(at, cpu, memory, limit, rate(netIn, before.netIn(), seconds), rate(netOut, before.netOut(), seconds),
                        rate(read, before.diskRead(), seconds), rate(write, before.diskWrite(), seconds));
        return new Sample(stats, totals);
    }

    private static double rate(long now, long before, double seconds) {
        return Math.max(0, now - before) / seconds;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static Instant time(String read) {
        try {
            return read == null ? Instant.now() : Instant.parse(read);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
