package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EngineClients;
import dev.portolan.host.Ownership;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.testing.TestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosts sized like production (#20 part 3), on the real engine: a simulated host's CPU and
 * memory limits and its engine's labels, its Swarm node labelled so a service's placement
 * constraint holds, and a container that wants more memory than its host has is killed.
 */
class HostSizeIT extends dev.portolan.testing.WindowTest {

    @Test
    void aSizedHostIsLimitedLabelledAndPlacesTasksByItsLabels(@TempDir Path dir) throws Exception {
        String name = "size" + UUID.randomUUID().toString().substring(0, 5);
        LabSpec lab = LabFile.parse("""
                name: %s
                hosts:
                  - {name: small, cpus: 1, memory: 256MiB, labels: {zone: a}}
                  - {name: big, labels: {zone: b}}
                containers:
                  - {name: idle, host: small, image: %s, command: [sleep, "3600"]}
                swarm:
                  managers: [small]
                  workers: [big]
                  services:
                    - name: pinned
                      image: %s
                      replicas: 2
                      command: [sleep, "3600"]
                      constraints: [node.labels.zone==b]
                """.formatted(name, TestEngine.BUSYBOX, TestEngine.BUSYBOX), "lab.yaml", dir);
        SimulatedHosts simulated = new SimulatedHosts(engine.docker(), dev.portolan.app.UserDirectories.forThisUser().config(),
                new dev.portolan.engine.DockerContexts(dir.resolve("docker")));
        Labs labs = new Labs(engine.docker(), simulated, TestEngine.DIND);
        try {
            labs.apply(lab, Progress.NONE);
            var small = simulated.find(name, "small").orElseThrow();
            var hostConfig = engine.docker().inspectContainerCmd(small.containerId()).exec().getHostConfig();
            assertEquals(1_000_000_000L, hostConfig.getNanoCPUs());
            assertEquals(256L * 1024 * 1024, hostConfig.getMemory());
            assertEquals(256L * 1024 * 1024, hostConfig.getMemorySwap(), "no swap beyond the limit");
            assertEquals(String.valueOf(256L * 1024 * 1024),
                    engine.docker().inspectContainerCmd(small.containerId()).exec().getConfig().getLabels().get(Ownership.MEMORY));

            try (EngineClients inner = EngineClients.connect(small.endpoint());
                    EngineClients worker = EngineClients.connect(simulated.find(name, "big").orElseThrow().endpoint())) {
                assertTrue(List.of(inner.requests().infoCmd().exec().getLabels()).contains("zone=a"), "the engine's own label");
                // the constraint put every task on the node labelled zone=b
                String bigNode = worker.requests().infoCmd().exec().getSwarm().getNodeID();
                dev.portolan.testing.Eventually.within(java.time.Duration.ofSeconds(60), "both tasks run", () ->
                        inner.requests().listTasksCmd().withServiceFilter("pinned").exec().stream()
                                .filter(t -> t.getStatus().getState().getValue().equals("running")).count() == 2);
                var tasks = inner.requests().listTasksCmd().withServiceFilter("pinned").exec().stream()
                        .filter(t -> t.getStatus().getState().getValue().equals("running")).toList();
                assertTrue(tasks.stream().allMatch(t -> t.getNodeId().equals(bigNode)), "every task on the zone=b node");
                assertEquals(List.of(), labs.plan(lab), "labelled, placed: nothing left to do");

                // a process that wants 400 MB on a 256 MB host is killed, as on a small machine
                String hog = inner.requests().createContainerCmd(TestEngine.BUSYBOX).withName("hog")
                        .withCmd("sh", "-c", "x=$(head -c 400000000 /dev/zero | tr '\\0' a); echo ${#x}").exec().getId();
                inner.requests().startContainerCmd(hog).exec();
                Integer exit = inner.requests().waitContainerCmd(hog).start().awaitStatusCode(60, java.util.concurrent.TimeUnit.SECONDS);
                var state = inner.requests().inspectContainerCmd(hog).exec().getState();
                System.out.println("a 400 MB process on a 256 MB host: exit " + exit + ", OOMKilled " + state.getOOMKilled()
                        + ", the host still " + engine.docker().inspectContainerCmd(small.containerId()).exec().getState().getStatus());
                assertEquals(137, exit, "killed");
                assertTrue(engine.docker().inspectContainerCmd(small.containerId()).exec().getState().getRunning(), "the host lives on");

                // the diagram says each host's use against its size
                open(dev.portolan.engine.EndpointResolver.forThisProcess());
                dev.portolan.testing.FxThread.run(() -> window.showDiagram(true));
                String host = name + "/small";
                String size = " of 1 CPU · mem ";
                String memory = " of " + dev.portolan.ui.StatusText.bytes(256L * 1024 * 1024);
                waitFor(host + "'s title says its use against its size", java.time.Duration.ofSeconds(40), () -> {
                    String stats = window.diagram().controller().marks().hostStats().get(host);
                    return stats != null && stats.contains(size) && stats.contains(memory);
                });
                System.out.println("the sized host's title: " + dev.portolan.testing.FxThread.get(() ->
                        window.diagram().controller().marks().hostStats().get(host)));
            }
        } finally {
            labs.destroy(lab, true, Progress.NONE);
        }
    }
}
