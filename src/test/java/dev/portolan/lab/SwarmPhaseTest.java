package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.ExplainedFailure;
import dev.portolan.host.Progress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The Swarm phase's order, with a step runner that only records when each step ran (the
 * steps against real engines are SwarmIT's and SwarmWindowIT's): images go out while the
 * Swarm forms, workers join side by side, managers one by one, services after the images.
 */
class SwarmPhaseTest {

    private static final LabSpec LAB = LabFile.parse("""
            name: phase
            hosts:
              - name: m1
              - name: m2
              - name: w1
              - name: w2
            swarm:
              managers: [m1, m2]
              workers: [w1, w2]
              services:
                - name: web
                  image: busybox:1.36
            """, "phase.yaml");

    private record Ran(long start, long end) {}

    private final Map<String, Ran> ran = new ConcurrentHashMap<>();
    private final List<String> said = new CopyOnWriteArrayList<>();

    private void record(LabStep step, long millis) {
        long start = System.nanoTime();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ran.put(step.host() + " " + step.getClass().getSimpleName(), new Ran(start, System.nanoTime()));
    }

    private boolean overlap(String a, String b) {
        return ran.get(a).start() < ran.get(b).end() && ran.get(b).start() < ran.get(a).end();
    }

    private boolean before(String a, String b) {
        return ran.get(a).end() <= ran.get(b).start();
    }

    @Test
    void imagesGoOutWhileTheSwarmFormsWorkersJoinTogetherAndServicesWaitForTheImages() {
        List<LabStep> steps = List.of(new LabStep.InitSwarm("m1"), new LabStep.JoinSwarm("m2", "m1", true),
                new LabStep.JoinSwarm("w1", "m1", false), new LabStep.JoinSwarm("w2", "m1", false),
                new LabStep.CopyImage("m1", "busybox:1.36"), new LabStep.CopyImage("w1", "busybox:1.36"),
                new LabStep.CreateService("m1", LAB.swarm().services().getFirst(), "h"));
        new SwarmPhase(Progress.reporting(said::add), step -> record(step, step instanceof LabStep.CopyImage ? 300 : 60))
                .run(steps);

        assertTrue(overlap("w1 JoinSwarm", "w2 JoinSwarm"), "workers join side by side: " + ran);
        assertTrue(before("m1 InitSwarm", "m2 JoinSwarm") && before("m2 JoinSwarm", "w1 JoinSwarm"), "in the plan's order: " + ran);
        assertTrue(overlap("m1 CopyImage", "m1 InitSwarm") && overlap("w1 CopyImage", "m1 InitSwarm"),
                "images go out while the Swarm forms: " + ran);
        assertTrue(before("m1 CopyImage", "m1 CreateService") && before("w1 CopyImage", "m1 CreateService"),
                "a service waits for its image on every member: " + ran);
        assertEquals(steps.size() + 1, said.size(), "each step, then the closing line: " + said);
        assertTrue(said.stream().anyMatch(s -> s.matches("w1: join the swarm as a worker \\(0\\.\\d s\\)")), said.toString());
        assertTrue(said.getLast().startsWith("7 Swarm steps done in "), said.getLast());
    }

    @Test
    void aFailedStepIsNamedAndWhatComesAfterItDoesNotRun() {
        List<LabStep> steps = List.of(new LabStep.InitSwarm("m1"), new LabStep.JoinSwarm("w1", "m1", false),
                new LabStep.CreateService("m1", LAB.swarm().services().getFirst(), "h"));
        var failure = assertThrows(ExplainedFailure.class, () -> new SwarmPhase(Progress.NONE, step -> {
            if (step instanceof LabStep.JoinSwarm) throw new IllegalStateException("connection refused");
            record(step, 1);
        }).run(steps));
        assertTrue(failure.getMessage().startsWith("w1: join the swarm as a worker"), failure.getMessage());
        assertTrue(failure.getMessage().contains("connection refused"), failure.getMessage());
        assertEquals(List.of("m1 InitSwarm"), List.copyOf(ran.keySet()), "the service was not made");
    }
}
