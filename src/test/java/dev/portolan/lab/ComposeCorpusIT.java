package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EngineClients;
import dev.portolan.host.Progress;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestLabs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose corpus on the real engine: every project that imports is planned, and the ones
 * made of the local test images (or built from them) are applied on simulated hosts, healthy,
 * their containers running or run to their end, then destroyed. Writes the full report to
 * target/compose-corpus-report.md.
 */
class ComposeCorpusIT extends EngineTest {

    @TempDir
    Path home;

    @Test
    void everyProjectIsPlannedAndTheOnesOfLocalImagesRunHealthy() throws Exception {
        TestLabs testLabs = TestLabs.in(engine, home);
        Labs labs = testLabs.labs();
        List<ComposeCorpus.Imported> all = new ArrayList<>();
        Map<String, String> applied = new LinkedHashMap<>();
        for (ComposeCorpus.Entry entry : ComposeCorpus.entries()) {
            var imported = ComposeCorpus.importOf(entry);
            all.add(imported);
            if (imported.result() == null) continue;
            LabSpec lab = LabFile.parse(imported.result().labYaml(), entry.name() + ".yaml");
            List<LabStep> plan = labs.plan(lab);
            assertEquals(lab.hosts().size(), plan.stream().filter(s -> s instanceof LabStep.CreateHost).count(),
                    entry.name() + ": a new lab's plan makes its hosts first: " + plan);
            if (!entry.apply()) continue;
            long start = System.nanoTime();
            try {
                labs.apply(lab, Progress.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                int running = 0, completed = 0;
                for (LabSpec.Host host : lab.hosts()) {
                    try (EngineClients clients = EngineClients.connect(testLabs.hosts().find(lab.name(), host.name()).orElseThrow().endpoint())) {
                        var containers = clients.requests().listContainersCmd().withShowAll(true).exec();
                        for (var c : containers) {
                            var state = clients.requests().inspectContainerCmd(c.getId()).exec().getState();
                            boolean ranToItsEnd = !state.getRunning() && state.getExitCodeLong() == 0;
                            assertTrue(state.getRunning() || ranToItsEnd, entry.name() + ": " + c.getNames()[0] + " is " + state.getStatus()
                                    + " (exit " + state.getExitCodeLong() + ")");
                            if (state.getRunning()) running++;
                            else completed++;
                        }
                    }
                }
                int expected = lab.containers().stream().mapToInt(LabSpec.Container::replicas).sum();
                assertEquals(expected, running + completed, entry.name() + ": every container of the lab is there");
                assertTrue(labs.plan(lab).isEmpty(), entry.name() + ": applied, nothing is left to do");
                applied.put(entry.name(), String.format("%.1f s to healthy; %d running%s", seconds, running,
                        completed == 0 ? "" : ", " + completed + " run to its end"));
            } finally {
                labs.destroy(lab.name(), true, Progress.NONE);
                engine.removeLab(lab.name());
                for (LabSpec.Image image : lab.images()) {
                    try {
                        engine.docker().removeImageCmd(image.name()).withForce(true).exec();
                    } catch (RuntimeException gone) {
                        // not built
                    }
                }
            }
        }
        String report = ComposeCorpus.report(all, applied);
        Files.writeString(Path.of("target", "compose-corpus-report.md"), report);
        System.out.println(report);
        assertFalse(applied.isEmpty());
        assertEquals(ComposeCorpus.entries().stream().filter(ComposeCorpus.Entry::apply).count(), applied.size(), "every project marked apply ran");
    }
}
