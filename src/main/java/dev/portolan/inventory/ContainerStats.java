package dev.portolan.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
     * The fields of one object of the engine's stats stream that a sample needs, read straight off
     * the stream: no tree and no bean is built for the rest of it (most of each object).
     */
    public record Reading(Instant read, long cpuTotal, long preCpuTotal, long system, long preSystem, long onlineCpus,
            int perCpu, long memoryUsage, long memoryLimit, long inactiveFile, long totalInactiveFile, long netIn, long netOut,
            long diskRead, long diskWrite) {

        /** Reads the object the parser is at (its START_OBJECT), leaving the parser at its END_OBJECT. */
        public static Reading of(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) throw new IOException("a stats object was expected");
            List<String> path = new ArrayList<>();
            String field = null;
            String op = "";
            Instant read = null;
            long cpuTotal = 0, preCpuTotal = 0, system = 0, preSystem = 0, cpus = 0, usage = 0, limit = 0, inactive = 0,
                    totalInactive = 0, netIn = 0, netOut = 0, diskRead = 0, diskWrite = 0;
            int perCpu = 0;
            do {
                JsonToken t = p.currentToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    path.add(field == null ? "" : field);
                    field = null;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    path.removeLast();
                    field = null;
                } else if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                } else {
                    String key = String.join("/", path.subList(1, path.size())) + "/" + (field == null ? "" : field);
                    switch (key) {
                        case "/read" -> read = time(p.getText());
                        case "cpu_stats/cpu_usage/total_usage" -> cpuTotal = p.getValueAsLong();
                        case "cpu_stats/system_cpu_usage" -> system = p.getValueAsLong();
                        case "cpu_stats/online_cpus" -> cpus = p.getValueAsLong();
                        case "cpu_stats/cpu_usage/percpu_usage/" -> perCpu++;
                        case "precpu_stats/cpu_usage/total_usage" -> preCpuTotal = p.getValueAsLong();
                        case "precpu_stats/system_cpu_usage" -> preSystem = p.getValueAsLong();
                        case "memory_stats/usage" -> usage = p.getValueAsLong();
                        case "memory_stats/limit" -> limit = p.getValueAsLong();
                        case "memory_stats/stats/inactive_file" -> inactive = p.getValueAsLong();
                        case "memory_stats/stats/total_inactive_file" -> totalInactive = p.getValueAsLong();
                        case "blkio_stats/io_service_bytes_recursive//op" -> op = p.getText().toLowerCase(java.util.Locale.ROOT);
                        case "blkio_stats/io_service_bytes_recursive//value" -> {
                            if (op.equals("read")) diskRead += p.getValueAsLong();
                            else if (op.equals("write")) diskWrite += p.getValueAsLong();
                        }
                        default -> {
                            if (key.startsWith("networks/") && key.endsWith("/rx_bytes")) netIn += p.getValueAsLong();
                            else if (key.startsWith("networks/") && key.endsWith("/tx_bytes")) netOut += p.getValueAsLong();
                        }
                    }
                    field = null;
                }
                if (path.isEmpty()) break;
            } while (p.nextToken() != null);
            return new Reading(read == null ? Instant.now() : read, cpuTotal, preCpuTotal, system, preSystem, cpus, perCpu, usage,
                    limit, inactive, totalInactive, netIn, netOut, diskRead, diskWrite);
        }
    }

    /**
     * One sample from one reading; rates come from {@code before} (null for the first sample: rates 0). CPU is the
     * engine's own pair of readings in the object, as the CLI does.
     */
    public static Sample of(Reading r, Totals before) {
        double cpu = 0;
        long used = r.cpuTotal() - r.preCpuTotal();
        long system = r.system() - r.preSystem();
        long cpus = r.onlineCpus() > 0 ? r.onlineCpus() : r.perCpu();
        if (used > 0 && system > 0) cpu = (double) used / system * Math.max(1, cpus) * 100;
        // as the CLI: cgroup v1 counts total_inactive_file as cache, v2 inactive_file
        long cache = r.totalInactiveFile() > 0 ? r.totalInactiveFile() : r.inactiveFile();
        long memory = cache < r.memoryUsage() ? r.memoryUsage() - cache : r.memoryUsage();
        Instant at = r.read();
        Totals totals = new Totals(at, r.netIn(), r.netOut(), r.diskRead(), r.diskWrite());
        double seconds = before == null ? 0 : (at.toEpochMilli() - before.at().toEpochMilli()) / 1000.0;
        ContainerStats stats = seconds <= 0 ? new ContainerStats(at, cpu, memory, r.memoryLimit(), 0, 0, 0, 0)
                : new ContainerStats(at, cpu, memory, r.memoryLimit(), rate(r.netIn(), before.netIn(), seconds),
                        rate(r.netOut(), before.netOut(), seconds), rate(r.diskRead(), before.diskRead(), seconds),
                        rate(r.diskWrite(), before.diskWrite(), seconds));
        return new Sample(stats, totals);
    }

    private static double rate(long now, long before, double seconds) {
        return Math.max(0, now - before) / seconds;
    }

    private static Instant time(String read) {
        try {
            return read == null ? Instant.now() : Instant.parse(read);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
