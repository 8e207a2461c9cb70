package dev.portolan.bench;

import dev.portolan.host.Progress;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.Labs;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.TestLabs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22's comparison: one lab (an edge web server; two API replicas on a network; a
 * database whose volume comes from a volume container, with a health check), on three
 * simulated hosts, applied by Portolan and by a bash script of docker CLI commands with the
 * parallelism a careful person would write ({@code src/test/bench/lab-by-hand.sh}): from
 * nothing to the database healthy, then torn down. Medians of 3 rounds, side by side.
 */
class LabVsScriptBench extends EngineTest {

    private static final int ROUNDS = 3;
    @TempDir
    static Path home;
    private static Labs labs;
    private static LabSpec lab;
    private static Path certs;

    @BeforeAll
    static void prepare() throws Exception {
        TestLabs test = TestLabs.in(engine, home);
        labs = test.labs();
        lab = LabFile.parse("""
                name: benchvs
                hosts:
                  - {name: front, ports: ["%d:80"]}
                  - {name: apps}
                  - {name: data}
                networks: [{name: backend, host: apps}]
                volumes: [{name: db-data, host: data}]
                containers:
                  - {name: web, host: front, image: busybox:1.36, ports: ["80:80"], command: ["sh", "-c", "trap 'exit 0' TERM; httpd -f -p 80 -h /tmp & wait"]}
                  - {name: api, host: apps, image: busybox:1.36, replicas: 2, networks: [backend], command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]}
                  - {name: dbdata, host: data, image: busybox:1.36, volumes: ["db-data:/data"], command: ["true"]}
                  - name: db
                    host: data
                    image: busybox:1.36
                    volumes_from: [dbdata]
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                    healthcheck: {test: ["CMD", "true"], interval: 1s, retries: 3}
                """.formatted(TestEngine.freePort()), "benchvs.yaml");
        certs = ByHand.certificates(home);
    }

    private static double script(String... args) throws Exception {
        return ByHand.run("lab-by-hand.sh", args);
    }

    @Test
    void aLabAppliedByPortolanAgainstTheShellScriptAPersonWouldWrite() throws Exception {
        List<Double> applied = new ArrayList<>();
        List<Double> destroyed = new ArrayList<>();
        List<Double> scripted = new ArrayList<>();
        List<Double> scriptDown = new ArrayList<>();
        // a warm-up of each: the JVM's first lab, the engine's first DinD start
        labs.apply(lab, Progress.NONE);
        labs.destroy(lab, true, Progress.NONE);
        script("up", "benchvs-script", certs.toString(), String.valueOf(TestEngine.freePort()));
        script("down", "benchvs-script");
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            labs.apply(lab, Progress.NONE);
            applied.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            labs.destroy(lab, true, Progress.NONE);
            destroyed.add((System.nanoTime() - start) / 1e6);
            scripted.add(script("up", "benchvs-script", certs.toString(), String.valueOf(TestEngine.freePort())));
            scriptDown.add(script("down", "benchvs-script"));
        }
        BenchReport report = new BenchReport("lab-vs-script");
        report.line("(22) 3 hosts; web, 2 API replicas on a network, db from a volume container with a health check");
        Stats[] up = report.sideBySide("portolan_apply", "Portolan: apply, nothing -> db healthy", applied,
                "script_up", "bash + docker CLI, same work, at once", scripted);
        Stats[] down = report.sideBySide("portolan_destroy", "Portolan: destroy (data too)", destroyed,
                "script_down", "bash + docker CLI: rm -f, volume rm", scriptDown);
        report.line(String.format("apply %.2fx, destroy %.2fx the script (goal <= 0.8x each)", up[0].p50() / up[1].p50(),
                down[0].p50() / down[1].p50()));
        report.finish();
    }
}
