package dev.portolan.lab;

import com.github.dockerjava.api.DockerClient;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The end of an apply: a lab is up when its health checks pass, not when its containers started. */
final class LabHealth {

    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(120);

    private LabHealth() {}

    /**
     * Waits until every container with a health check says healthy (a lab is up when it
     * works, not when it started); one that turns unhealthy fails the apply with what its
     * check printed. At most {@link #HEALTHY_WITHIN}.
     */
    static void waitUntilHealthy(LabSpec lab, Function<String, DockerClient> clientOf, Progress progress) {
        Map<String, String> pending = new LinkedHashMap<>(); // container name -> host
        for (LabSpec.Container c : lab.containers()) {
            if (c.healthcheck() == null || c.healthcheck().test().getFirst().equals("NONE")) continue;
            String host = Labs.hostOf(lab, c.host());
            for (int r = 1; r <= c.replicas(); r++) pending.put(c.replicas() == 1 ? c.name() : c.name() + "-" + r, host);
        }
        if (pending.isEmpty()) return;
        progress.step("waiting until " + String.join(", ", pending.keySet()) + (pending.size() == 1 ? " is" : " are") + " healthy");
        long start = System.nanoTime();
        while (!pending.isEmpty()) {
            progress.checkCancelled();
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                DockerClient docker = clientOf.apply(entry.getValue());
                var health = docker.inspectContainerCmd(entry.getKey()).exec().getState().getHealth();
                String status = health == null ? "none" : health.getStatus();
                if ("healthy".equals(status)) {
                    progress.step(entry.getValue() + ": " + entry.getKey() + " is healthy ("
                            + String.format("%.1f s", (System.nanoTime() - start) / 1e9) + ")");
                    it.remove();
                } else if ("unhealthy".equals(status)) {
                    var log = health.getLog();
                    String output = log == null || log.isEmpty() ? "no output" : log.getLast().getOutput();
                    throw new InvalidInputException(entry.getValue() + ": " + entry.getKey()
                            + " is unhealthy; its check said: " + EngineErrors.firstLine(output));
                }
            }
            if (pending.isEmpty()) return;
            if (System.nanoTime() - start > HEALTHY_WITHIN.toNanos()) {
                throw new InvalidInputException(String.join(", ", pending.keySet())
                        + " did not become healthy within " + HEALTHY_WITHIN.toSeconds() + " s; look at their logs");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }
    }
}
