package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import org.junit.jupiter.api.Test;

class ContainerStatsTest {

    /** Two seconds of an engine's stats stream, cut to what is read (cgroup v2, two CPUs). */
    private static ContainerStats.Reading sample(String read, long cpuTotal, long preCpuTotal, long system, long preSystem, long rx,
            long written) throws Exception {
        JsonParser parser = new JsonFactory().createParser("""
                {"read": "%s", "preread": "2026-12-01T09:59:59Z", "pids_stats": {"current": 3}, "num_procs": 0,
                 "cpu_stats": {"cpu_usage": {"total_usage": %d}, "system_cpu_usage": %d, "online_cpus": 2},
                 "precpu_stats": {"cpu_usage": {"total_usage": %d}, "system_cpu_usage": %d, "online_cpus": 2},
                 "memory_stats": {"usage": 52428800, "limit": 1073741824, "stats": {"inactive_file": 10485760}},
                 "networks": {"eth0": {"rx_bytes": %d, "tx_bytes": 100}, "eth1": {"rx_bytes": 1000, "tx_bytes": 0}},
                 "blkio_stats": {"io_service_bytes_recursive": [{"major": 8, "minor": 0, "op": "read", "value": 0},
                                                                {"major": 8, "minor": 0, "op": "write", "value": %d}],
                                 "io_serviced_recursive": [{"major": 8, "minor": 0, "op": "write", "value": 999}]},
                 "name": "/web", "id": "abc"}
                {"read": "next object"}
                """.formatted(read, cpuTotal, system, preCpuTotal, preSystem, rx, written));
        parser.nextToken();
        ContainerStats.Reading reading = ContainerStats.Reading.of(parser);
        assertEquals(com.fasterxml.jackson.core.JsonToken.END_OBJECT, parser.currentToken(), "left at its end");
        assertEquals(com.fasterxml.jackson.core.JsonToken.START_OBJECT, parser.nextToken(), "the next object follows");
        return reading;
    }

    @Test
    void readsAsTheCliDoes() throws Exception {
        ContainerStats.Sample first = ContainerStats.of(sample("2026-12-01T10:00:00Z", 1_500_000_000L, 1_000_000_000L,
                20_000_000_000L, 18_000_000_000L, 5000, 4096), null);
        // 0.5 s of CPU over 2 s of the system's two CPUs' time, as the CLI counts it: 50 % of one core
        assertEquals(50.0, first.stats().cpuPercent(), 0.001);
        assertEquals(52428800 - 10485760, first.stats().memoryBytes(), "the page cache it can give back is not counted");
        assertEquals(1073741824, first.stats().memoryLimit());
        assertEquals(0, first.stats().netInPerSecond(), "the first sample has no rate yet");
        ContainerStats.Sample second = ContainerStats.of(sample("2026-12-01T10:00:02Z", 1_600_000_000L, 1_500_000_000L,
                22_000_000_000L, 20_000_000_000L, 7000, 8192), first.totals());
        assertEquals(1000, second.stats().netInPerSecond(), 0.001, "2,000 bytes more over both networks in 2 s");
        assertEquals(0, second.stats().netOutPerSecond(), 0.001);
        assertEquals(2048, second.stats().diskWritePerSecond(), 0.001);
        assertEquals(10.0, second.stats().cpuPercent(), 0.001);
    }
}
