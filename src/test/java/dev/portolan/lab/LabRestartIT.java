package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.EngineClients;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.testing.DockerCli;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.TestLabs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-host lab comes back as it was after what a laptop does daily: a host stopped, a host's
 * container removed (its data kept), the local engine restarted. The plan says what is
 * true at each point, and the docker CLI reaches every host through its context.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabRestartIT extends EngineTest {

    private static final String NAME = "rb" + UUID.randomUUID().toString().substring(0, 6);
    private static final String LAB = """
            name: %s
            hosts:
              - name: front
              - name: apps
              - name: data
            volumes:
              - name: db-data
                host: data
            containers:
              - name: web
                host: front
                image: busybox:1.36
                command: ["sh", "-c", "trap 'exit 0' TERM; httpd -f -p 80 -h /tmp & wait"]
                restart: always
              - name: api
                host: apps
                image: busybox:1.36
                command: ["sh", "-c", "trap '' TERM; while true; do sleep 1; done"]
                restart: unless-stopped
              - name: db
                host: data
                image: busybox:1.36
                command: ["sh", "-c", "trap 'exit 0' TERM; date >> /data/log; sleep 3600 & wait"]
                volumes: ["db-data:/data"]
                restart: unless-stopped
            """.formatted(NAME);

    @TempDir
    static Path home;
    private static SimulatedHosts hosts;
    private static Labs labs;
    private static LabSpec lab;
    private static DockerCli cli;

    @BeforeAll
    static void apply() {
        TestLabs test = TestLabs.in(engine, home);
        hosts = test.hosts();
        labs = test.labs();
        lab = LabFile.parse(LAB, NAME + ".yaml");
        cli = new DockerCli(home.resolve("docker"));
        labs.apply(lab, Progress.NONE);
    }

    @AfterAll
    static void destroy() {
        labs.destroy(lab.name(), true, Progress.NONE);
    }

    private static List<String> plan() {
        return labs.plan(lab).stream().map(s -> s.host() + ": " + s.describe()).toList();
    }

    private static String states() {
        return labs.status(lab).stream().map(s -> s.host() + " " + s.state()).toList().toString();
    }

    private static String dbLog() throws Exception {
        try (EngineClients data = EngineClients.connect(hosts.find(NAME, "data").orElseThrow().endpoint())) {
            return new ContainerOps(data).exec("db", List.of("cat", "/data/log"), Duration.ofSeconds(10)).output();
        }
    }

    /** Every host's context answers the real docker CLI with the lab's container on it. */
    private static void everyContextReachesItsHost() throws Exception {
        for (String host : List.of("front:web", "apps:api", "data:db")) {
            String[] parts = host.split(":");
            var ps = cli.run("--context", SimulatedHosts.containerName(NAME, parts[0]), "ps", "--format", "{{.Names}}");
            assertEquals("exit 0: " + parts[1] + "\n", ps.toString(), "docker --context for " + parts[0]);
        }
    }

    @Test
    @Order(1)
    void aStoppedHostIsStartedAndARemovedOneIsMadeAgainFromItsKeptData() throws Exception {
        assertEquals(List.of(), plan());
        String logBefore = dbLog();

        assertEquals(0, cli.run("stop", SimulatedHosts.containerName(NAME, "apps")).exit());
        assertEquals(0, cli.run("rm", "--force", SimulatedHosts.containerName(NAME, "data")).exit());
        assertEquals(List.of("apps: start host apps (stopped)", "data: make host data again from its kept data"), plan());
        assertEquals("[front running, apps stopped, data kept data]", states());

        labs.apply(lab, Progress.NONE);
        assertEquals(List.of(), plan(), "one apply brings both back");
        assertTrue(dbLog().startsWith(logBefore), "the database's data came back with its host: " + dbLog());
        everyContextReachesItsHost();

        // a lab container meant to keep running, stopped by hand: apply starts it
        SimulatedHost front = hosts.find(NAME, "front").orElseThrow();
        assertEquals(0, cli.run("--context", front.contextName(), "stop", "web").exit());
        assertEquals(List.of("front: start container web (exited)"), plan());
        labs.apply(lab, Progress.NONE);
        assertEquals(List.of(), plan());
    }

    @Test
    @Order(2)
    void afterTheLocalEngineRestartsEveryHostComesBackByItself() throws Exception {
        List<Integer> portsBefore = List.of("front", "apps", "data").stream()
                .map(h -> hosts.find(NAME, h).orElseThrow().apiPort()).toList();
        Assumptions.assumeTrue(DockerCli.restartLocalEngine(), "the local engine was not started by the tests' script");
        engine.awaitAnswering();
        Duration back = Eventually.within(Duration.ofSeconds(90), "every host of the lab running", () -> {
            try {
                return states().equals("[front running, apps running, data running]");
            } catch (RuntimeException engineNotYet) {
                return false;
            }
        }, LabRestartIT::states);
        System.out.printf("[restart] local engine answering again -> every host of the lab live: %d ms%n", back.toMillis());
        assertEquals(portsBefore, List.of("front", "apps", "data").stream()
                .map(h -> hosts.find(NAME, h).orElseThrow().apiPort()).toList(), "every host kept its port");
        Eventually.within(Duration.ofSeconds(30), "every lab container running again", () -> plan().isEmpty(),
                () -> plan().toString());
        everyContextReachesItsHost();
    }
}
