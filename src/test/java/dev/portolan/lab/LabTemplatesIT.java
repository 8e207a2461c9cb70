package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.TaskState;
import dev.portolan.engine.EngineClients;
import dev.portolan.host.Ownership;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.TestLabs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template shipped with the app, on the real engine with the local test images:
 * applies, does what it says, a second plan is empty, and destroy leaves only the hosts'
 * kept data volumes.
 */
class LabTemplatesIT extends EngineTest {

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

    static List<String> templates() {
        return LabTemplates.NAMES;
    }

    @ParameterizedTest
    @MethodSource("templates")
    void appliesConvergesAndIsDestroyedLeavingOnlyKeptVolumes(String template) throws Exception {
        String name = "t" + UUID.randomUUID().toString().substring(0, 6);
        int port = TestEngine.freePort();
        String text = LabTemplates.text(template).replaceFirst("(?m)^name: .*$", "name: " + name)
                .replace("\"8080:80\"", "\"" + port + ":80\"").replace("\"8081:80\"", "\"" + port + ":80\"")
                .replace("\"8090:80\"", "\"" + port + ":80\"");
        LabSpec lab = LabFile.parse(text, template);
        try {
            labs.apply(lab, Progress.NONE);
            assertEquals(List.of(), labs.plan(lab), template + ": a second plan finds nothing to do");
            checkWhatItSays(template, lab, port);

            labs.destroy(name, false, Progress.NONE);
            var filter = Map.of(Ownership.LAB, name);
            assertEquals(List.of(), engine.docker().listContainersCmd().withShowAll(true).withLabelFilter(filter).exec(),
                    "no container of the lab is left");
            assertTrue(engine.docker().listNetworksCmd().withNameFilter("portolan-" + name).exec().isEmpty(), "nor its network");
            var left = engine.docker().listVolumesCmd().exec().getVolumes().stream()
                    .filter(v -> v.getLabels() != null && name.equals(v.getLabels().get(Ownership.LAB))).toList();
            assertEquals(lab.hosts().size(), left.size(), "one kept data volume per host: " + left);
            assertTrue(left.stream().allMatch(v -> "host-data".equals(v.getLabels().get(Ownership.ROLE))));
        } finally {
            engine.removeLab(name);
        }
    }

    @org.junit.jupiter.api.Test
    void aRepresentativeComposeFileImportedAppliesWithItsServicesRunning() throws Exception {
        String name = "c" + UUID.randomUUID().toString().substring(0, 6);
        // the one service with nothing to run (it only builds) is left out; the rest applies as imported
        String compose = ComposeImportTest.shop().replace("  builder:\n    build: ./builder\n", "")
                .replace("\"18090:80\"", "\"" + TestEngine.freePort() + ":80\"");
        var imported = ComposeImport.convert(compose, name, 1);
        LabSpec lab = LabFile.parse(imported.labYaml(), "compose.yaml");
        try {
            labs.apply(lab, Progress.NONE);
            assertEquals(List.of(), labs.plan(lab), "a second plan finds nothing to do");
            try (EngineClients node = EngineClients.connect(hosts.find(name, "node1").orElseThrow().endpoint())) {
                for (String container : List.of("web", "api-1", "api-2", "db")) {
                    assertTrue(node.requests().inspectContainerCmd(container).exec().getState().getRunning(), container + " runs");
                }
                assertEquals("healthy", node.requests().inspectContainerCmd("db").exec().getState().getHealth().getStatus());
            }
        } finally {
            labs.destroy(name, true, Progress.NONE);
            engine.removeLab(name);
        }
    }

    private static void checkWhatItSays(String template, LabSpec lab, int port) throws Exception {
        switch (template) {
            case "sample.yaml" -> {
                dev.portolan.testing.Eventually.within(java.time.Duration.ofSeconds(10),
                        "the web server on front answers through its host's published port", () -> {
                            try (var in = java.net.URI.create("http://127.0.0.1:" + port + "/").toURL().openStream()) {
                                return new String(in.readAllBytes()).strip().equals("Hello from the Portolan sample lab");
                            } catch (java.io.IOException e) {
                                return false;
                            }
                        });
                try (EngineClients apps = EngineClients.connect(hosts.find(lab.name(), "apps").orElseThrow().endpoint())) {
                    assertEquals(2, apps.requests().listContainersCmd().withNameFilter(List.of("api-")).exec().size(),
                            "two API replicas run on apps");
                }
            }
            case "load-balancer.yaml" -> {
                java.util.Set<String> answers = new java.util.TreeSet<>();
                for (int i = 0; i < 6; i++) {
                    try (var in = java.net.URI.create("http://127.0.0.1:" + port + "/cgi-bin/lb").toURL().openStream()) {
                        answers.add(new String(in.readAllBytes()).strip());
                    }
                }
                assertEquals(java.util.Set.of("served by web-1", "served by web-2", "served by web-3"), answers,
                        "the load balancer sends requests to each replica in turn");
            }
            case "swarm.yaml" -> {
                try (EngineClients manager = EngineClients.connect(hosts.find(lab.name(), "manager").orElseThrow().endpoint())) {
                    var running = manager.requests().listTasksCmd().withServiceFilter("web").exec().stream()
                            .filter(t -> t.getStatus().getState() == TaskState.RUNNING).toList();
                    assertEquals(3, running.size(), "three replicas run");
                    assertTrue(running.stream().map(t -> t.getNodeId()).distinct().count() >= 2,
                            "the Swarm spreads them over its hosts");
                    assertEquals(3, manager.requests().listSwarmNodesCmd().exec().size(), "a manager and two workers");
                }
            }
            case "volume-container.yaml" -> {
                try (EngineClients node = EngineClients.connect(hosts.find(lab.name(), "node1").orElseThrow().endpoint())) {
                    for (String user : List.of("app", "backup")) {
                        var mounts = node.requests().inspectContainerCmd(user).exec().getMounts();
                        assertTrue(mounts.stream().anyMatch(m -> "shared-data".equals(m.getName())),
                                user + " mounts the volume container's volume: " + mounts);
                    }
                }
            }
            case "logging-sidecar.yaml" -> {
                try (EngineClients node = EngineClients.connect(hosts.find(lab.name(), "node1").orElseThrow().endpoint())) {
                    var ops = new dev.portolan.engine.ContainerOps(node);
                    var seen = new StringBuilder();
                    try (AutoCloseable stream = ops.logs(node.requests().inspectContainerCmd("log-shipper").exec().getId(),
                            false, false, 50, line -> seen.append(line).append('\n'))) {
                        dev.portolan.testing.Eventually.within(java.time.Duration.ofSeconds(10), "the sidecar shows the app's log",
                                () -> seen.toString().contains("served"));
                    }
                }
            }
            default -> { }
        }
    }
}
