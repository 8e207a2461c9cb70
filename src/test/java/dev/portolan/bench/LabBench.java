package dev.portolan.bench;

import dev.portolan.engine.DockerContexts;
import dev.portolan.host.Progress;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.Labs;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's number: a three-host web + database lab from nothing (no hosts, no images on
 * them) to every health check passing, through Labs.apply as the GUI and CLI run it.
 * Beside it, in the same run: its three hosts alone, made at once.
 */
class LabBench extends EngineTest {

    static String lab(String name) {
        StringBuilder yaml = new StringBuilder("""
                name: %s
                hosts:
                  - name: web1
                  - name: web2
                  - name: db
                volumes:
                  - name: db-data
                    host: db
                networks:
                  - name: backend
                    host: db
                containers:
                  - name: db
                    host: db
                    image: portolan-test/busybox
                    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do date >> /data/log; sleep 1; done"]
                    volumes: ["db-data:/data"]
                    networks: [backend]
                    healthcheck:
                      test: ["CMD-SHELL", "test -s /data/log"]
                      interval: 1s
                      retries: 3
                """.formatted(name));
        // a web server on each web host, healthy when it answers
        for (String host : List.of("web1", "web2")) {
            yaml.append("""
                      - name: %s-server
                        host: %s
                        image: portolan-test/busybox
                        command: ["httpd", "-f", "-p", "80", "-h", "/var/www"]
                        healthcheck:
                          test: ["CMD", "wget", "-q", "-O-", "http://127.0.0.1/"]
                          interval: 1s
                          retries: 3
                    """.formatted(host, host));
        }
        return yaml.toString();
    }

    @Test
    void threeHostWebAndDatabaseLabToAllHealthy(@TempDir Path home) throws Exception {
        SimulatedHosts hosts = new SimulatedHosts(engine.docker(), home.resolve("config"), new DockerContexts(home.resolve("docker")));
        Labs labs = new Labs(engine.docker(), hosts, TestEngine.DIND);
        List<Double> whole = new ArrayList<>();
        List<Double> hostsOnly = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String name = "benchlab" + round;
            LabSpec spec = LabFile.parse(lab(name), name + ".yaml");
            long start = System.nanoTime();
            labs.apply(spec, Progress.NONE);
            whole.add((System.nanoTime() - start) / 1e6);
            labs.destroy(name, true, Progress.NONE);

            // the same three hosts alone, made at once, as apply makes them
            LabSpec bare = LabFile.parse("name: " + name + "h\nhosts:\n  - name: web1\n  - name: web2\n  - name: db\n", "bare.yaml");
            start = System.nanoTime();
            labs.apply(bare, Progress.NONE);
            hostsOnly.add((System.nanoTime() - start) / 1e6);
            labs.destroy(name + "h", true, Progress.NONE);
        }
        Stats lab = Stats.of(whole);
        Stats bare = Stats.of(hostsOnly);
        BenchReport report = new BenchReport("lab-apply");
        report.line("(8.9) a 3-host web + database lab, nothing -> every health check passing (3 rounds)");
        report.line(Stats.header());
        report.line(lab.row("Portolan: apply, to all healthy"));
        report.line(bare.row("its three hosts alone, at once"));
        report.line(String.format("median %.1f s (goal <= 20 s)", lab.p50() / 1000));
        report.put("labToAllHealthy", lab);
        report.put("threeHostsAlone", bare);
        report.finish();
    }
}
