package dev.portolan.bench;

import dev.portolan.app.UserDirectories;
import dev.portolan.cli.LabCommands;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.operations.LocalEngine;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Processes;
import dev.portolan.testing.TestEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's second number: one probe end to end on a warm simulated host (`portolan probe client web`,
 * in this JVM: connect, find both, the four checks, the verdict) against the same four checks typed
 * by hand with the docker CLI against that host's TLS API: inspect both, nslookup from inside A,
 * B's socket table, a TCP connect from A.
 */
class ProbeBench extends EngineTest {

    @Test
    void oneProbeAgainstTheSameChecksByHand(@TempDir Path dir) throws Exception {
        String lab = "prbb" + UUID.randomUUID().toString().substring(0, 5);
        Path file = Files.writeString(dir.resolve(lab + ".yaml"), """
                name: %s
                hosts: [{name: n1}]
                networks: [{name: front, host: n1}]
                containers:
                  - {name: client, host: n1, networks: [front], image: %s, command: [sleep, "3600"]}
                  - {name: web, host: n1, networks: [front], image: %s, command: [httpd, -f, -p, "80", -h, /tmp]}
                """.formatted(lab, TestEngine.BUSYBOX, TestEngine.BUSYBOX));
        portolan("apply", "--host-image=" + TestEngine.DIND, file.toString());
        try {
            EngineEndpoint host;
            try (LocalEngine local = LocalEngine.connect(EndpointResolver.forThisProcess(), UserDirectories.forThisUser().config())) {
                host = local.simulatedHost(lab + "/n1").orElseThrow().endpoint();
            }
            String docker = "docker -H " + host.host() + " --tlsverify --tlscacert " + host.tlsDir().resolve("ca.pem")
                    + " --tlscert " + host.tlsDir().resolve("cert.pem") + " --tlskey " + host.tlsDir().resolve("key.pem");
            String byHand = String.join(" && ",
                    docker + " inspect -f '{{json .NetworkSettings.Networks}}' client web >/dev/null",
                    docker + " exec client nslookup web 127.0.0.11 >/dev/null",
                    docker + " exec web cat /proc/net/tcp >/dev/null",
                    docker + " exec client nc -w 3 web 80 </dev/null");
            List<Double> portolan = new ArrayList<>();
            List<Double> cli = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                long start = System.nanoTime();
                portolan("probe", "client", "web");
                double ours = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                Processes.Result hand = Processes.run(60, "bash", "-c", byHand);
                double theirs = (System.nanoTime() - start) / 1e6;
                if (hand.exit() != 0) throw new AssertionError("the checks by hand failed: " + hand.output());
                if (round > 0) { // the first of each warms up
                    portolan.add(ours);
                    cli.add(theirs);
                }
            }
            Stats a = Stats.of(portolan);
            Stats b = Stats.of(cli);
            BenchReport report = new BenchReport("probe");
            report.line("(13) one probe, client -> web on a warm simulated host (7 rounds after a warm-up)");
            report.line(Stats.header());
            report.line(a.row("Portolan: portolan probe (in JVM)"));
            report.line(b.row("baseline: the 4 checks by docker CLI"));
            report.line(String.format("median ratio %.2fx (goal <= 1.0x)", a.p50() / b.p50()));
            report.put("portolan", a);
            report.put("byHand", b);
            report.finish();
        } finally {
            portolan("destroy", "--remove-volumes", file.toString());
        }
    }

    private static void portolan(String... args) {
        StringWriter out = new StringWriter();
        int code = LabCommands.run(args, new PrintWriter(out), new PrintWriter(out));
        if (code != 0) throw new AssertionError("portolan " + String.join(" ", args) + ": " + out);
    }
}
