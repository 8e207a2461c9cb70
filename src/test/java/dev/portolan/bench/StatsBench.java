package dev.portolan.bench;

import dev.portolan.engine.EngineClients;
import dev.portolan.inventory.StatsWatcher;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.TestEngine;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's third number: live stats of 200 running containers for 60 s — the CPU time
 * Portolan's process spends streaming and reading them, against `docker stats` running for the
 * same 60 s (its process's CPU time from /proc). One after the other, on the same containers.
 */
class StatsBench extends EngineTest {

    /** The JVM compiles its hot code in the first seconds; both sides are also measured after these. */
    private static final int WARM_UP_SECONDS = 10;

    @AfterEach
    void cleanUp() {
        engine.cleanUp();
    }

    @Test
    void statsOf200ContainersAgainstDockerStats() throws Exception {
        int count = Integer.getInteger("bench.stats.containers", 200);
        int seconds = Integer.getInteger("bench.stats.seconds", 60);
        List<String> ids = new ArrayList<>();
        try (ExecutorService parallel = Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<String>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                made.add(parallel.submit(() -> engine.runSleeper(TestEngine.uniqueName("stats" + n))));
            }
            for (var f : made) ids.add(f.get());
        }

        // the CLI: its own process's CPU time over the run, and over the run after its first 10 s
        Process cli = new ProcessBuilder("docker", "stats", "--format", "{{.Name}} {{.CPUPerc}} {{.MemUsage}} {{.NetIO}} {{.BlockIO}}")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(WARM_UP_SECONDS * 1000L);
        double cliWarm = cpuSecondsOf(cli.pid());
        Thread.sleep((seconds - WARM_UP_SECONDS) * 1000L);
        double cliSeconds = cpuSecondsOf(cli.pid());
        cli.destroy();
        cli.waitFor();

        // Portolan: the stats watcher streaming all of them, this process's CPU time over the same span
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int samples;
        double portolanSeconds;
        double portolanWarm;
        try (EngineClients clients = EngineClients.connect(engine.endpoint()); StatsWatcher stats = new StatsWatcher(() -> clients)) {
            long start = os.getProcessCpuTime();
            Set<String> all = new HashSet<>(ids);
            stats.watch(all);
            Eventually.within(Duration.ofSeconds(30), "every container streamed", () -> ids.stream().allMatch(id -> stats.latest(id).isPresent()));
            long begun = System.nanoTime();
            long warm = 0;
            while (System.nanoTime() - begun < (seconds - 1) * 1_000_000_000L) {
                Thread.sleep(1000);
                stats.watch(all); // as the window's tick does
                if (warm == 0 && System.nanoTime() - begun >= (WARM_UP_SECONDS - 1) * 1_000_000_000L) warm = os.getProcessCpuTime();
            }
            portolanSeconds = (os.getProcessCpuTime() - start) / 1e9;
            portolanWarm = (os.getProcessCpuTime() - warm) / 1e9;
            samples = ids.stream().mapToInt(id -> stats.history(id).size()).sum();
        }
        BenchReport report = new BenchReport("stats");
        report.line("(13) live stats of " + count + " running containers for " + seconds + " s: CPU time of the process");
        report.line(String.format("%-44s %12s %16s", "", "whole run", "after 10 s"));
        report.line(String.format("%-44s %10.2f s %14.2f s", "Portolan (StatsWatcher, " + samples + " samples kept)", portolanSeconds, portolanWarm));
        report.line(String.format("%-44s %10.2f s %14.2f s", "baseline: docker stats CLI", cliSeconds, cliSeconds - cliWarm));
        report.line(String.format("ratio %.2fx whole, %.2fx once warm (goal <= 1.0x)", portolanSeconds / cliSeconds,
                portolanWarm / (cliSeconds - cliWarm)));
        report.put("portolanWarmCpuSeconds", portolanWarm);
        report.put("dockerStatsWarmCpuSeconds", cliSeconds - cliWarm);
        report.put("portolanCpuSeconds", portolanSeconds);
        report.put("dockerStatsCpuSeconds", cliSeconds);
        report.finish();
    }

    /** utime + stime of a running process, from /proc/PID/stat, in seconds (clock ticks of 1/100 s). */
    private static double cpuSecondsOf(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the name: state is field 3, utime 14, stime 15 (1-based): here 0-based from state
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / 100.0;
    }
}
