package dev.portolan.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portolan.engine.Rfc3339;
import java.io.IOException;
import java.time.Instant;

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

        /**
         * Reads the object the parser is at (its START_OBJECT), leaving the parser at its END_OBJECT. What
         * it does not need (most of each object: per-CPU times, memory details, pids, throttling) is
         * skipped unread.
         */
        public static Reading of(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) throw new IOException("a stats object was expected");
            Fields f = new Fields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "read" -> f.read = Rfc3339.parse(p.getText());
                    case "cpu_stats" -> cpu(p, f, false);
                    case "precpu_stats" -> cpu(p, f, true);
                    case "memory_stats" -> memory(p, f);
                    case "networks" -> networks(p, f);
                    case "blkio_stats" -> disk(p, f);
                    default -> p.skipChildren();
                }
            }
            return new Reading(f.read == null ? Instant.now() : f.read, f.cpuTotal, f.preCpuTotal, f.system, f.preSystem, f.cpus,
                    f.perCpu, f.usage, f.limit, f.inactive, f.totalInactive, f.netIn, f.netOut, f.diskRead, f.diskWrite);
        }

        /** What one object has given so far. */
        private static final class Fields {
            Instant read;
            long cpuTotal, preCpuTotal, system, preSystem, cpus, usage, limit, inactive, totalInactive, netIn, netOut, diskRead,
                    diskWrite;
            int perCpu;
        }

        /** Calls {@code field} with each field's name, the parser at its value; a null object has none. */
        private static void eachField(JsonParser p, FieldReader field) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                field.read(name);
            }
        }

        @FunctionalInterface
        private interface FieldReader {
            void read(String name) throws IOException;
        }

        private static void cpu(JsonParser p, Fields f, boolean before) throws IOException {
            eachField(p, name -> {
                switch (name) {
                    case "cpu_usage" -> eachField(p, usage -> {
                        if (usage.equals("total_usage")) {
                            if (before) f.preCpuTotal = p.getValueAsLong();
                            else f.cpuTotal = p.getValueAsLong();
                        } else if (usage.equals("percpu_usage") && !before && p.currentToken() == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) f.perCpu++;
                        } else {
                            p.skipChildren();
                        }
                    });
                    case "system_cpu_usage" -> {
                        if (before) f.preSystem = p.getValueAsLong();
                        else f.system = p.getValueAsLong();
                    }
                    case "online_cpus" -> {
                        if (!before) f.cpus = p.getValueAsLong();
                    }
                    default -> p.skipChildren();
                }
            });
        }

        private static void memory(JsonParser p, Fields f) throws IOException {
            eachField(p, name -> {
                switch (name) {
                    case "usage" -> f.usage = p.getValueAsLong();
                    case "limit" -> f.limit = p.getValueAsLong();
                    case "stats" -> eachField(p, detail -> {
                        if (detail.equals("inactive_file")) f.inactive = p.getValueAsLong();
                        else if (detail.equals("total_inactive_file")) f.totalInactive = p.getValueAsLong();
                    });
                    default -> p.skipChildren();
                }
            });
        }

        private static void networks(JsonParser p, Fields f) throws IOException {
            eachField(p, network -> eachField(p, name -> {
                if (name.equals("rx_bytes")) f.netIn += p.getValueAsLong();
                else if (name.equals("tx_bytes")) f.netOut += p.getValueAsLong();
            }));
        }

        private static void disk(JsonParser p, Fields f) throws IOException {
            eachField(p, name -> {
                if (!name.equals("io_service_bytes_recursive") || p.currentToken() != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    return;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String[] op = {""};
                    eachField(p, entry -> {
                        if (entry.equals("op")) op[0] = p.getText().toLowerCase(java.util.Locale.ROOT);
                        else if (entry.equals("value") && op[0].equals("read")) f.diskRead += p.getValueAsLong();
                        else if (entry.equals("value") && op[0].equals("write")) f.diskWrite += p.getValueAsLong();
                    });
                }
            });
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

}
