package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EngineClients;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestLabs;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply as a pipeline: a failed step is named, what depends on it (on another host) is never made, apply again converges. */
class LabPipelineIT extends EngineTest {

    private static final String NAME = "pl" + UUID.randomUUID().toString().substring(0, 6);

    @TempDir
    static Path home;
    private static SimulatedHosts hosts;
    private static Labs labs;

    @BeforeAll
    static void connect() {
        TestLabs test = TestLabs.in(engine, home);
        hosts = test.hosts();
        labs = test.labs();
    }

    @AfterAll
    static void destroy() {
        labs.destroy(NAME, true, Progress.NONE);
    }

    private static LabSpec lab(String brokenCommand) {
        return LabFile.parse("""
                name: %s
                hosts: [{name: a}, {name: b}]
                containers:
                  - {name: db, host: a, image: busybox:1.36, command: [%s]}
                  - {name: web, host: b, image: busybox:1.36, depends_on: [db], command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]}
                """.formatted(NAME, brokenCommand), NAME + ".yaml");
    }

    private static List<String> containersOn(String host) {
        try (EngineClients clients = EngineClients.connect(hosts.find(NAME, host).orElseThrow().endpoint())) {
            return clients.requests().listContainersCmd().withShowAll(true).exec().stream()
                    .map(c -> c.getNames()[0].substring(1)).toList();
        }
    }

    @Test
    void aFailedStepIsNamedWhatDependsOnItIsNotMadeAndApplyAgainConverges() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Progress progress = Progress.reporting(lines::add);
        var failure = assertThrows(RuntimeException.class, () -> labs.apply(lab("\"/no/such/binary\""), progress));
        assertTrue(failure.getMessage().contains("a: create container db failed"), failure.getMessage());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a: create simulated host a (")), lines.toString());
        assertEquals(List.of(), containersOn("b"), "web depends on the failed db: never made");

        String working = "\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"";
        labs.apply(lab(working), progress);
        assertEquals(List.of("web"), containersOn("b"));
        assertEquals(List.of(), labs.plan(lab(working)));
        assertTrue(lines.getLast().contains("critical path"), lines.getLast());
    }
}
