package dev.portolan.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ServiceUpdateState;
import com.github.dockerjava.api.model.TaskState;
import dev.portolan.app.Futures;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** The end of an apply: a lab is up when its health checks pass and its services run, not when its containers started. */
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
        poll(pending, progress, (name, host) -> {
            var health = clientOf.apply(host).inspectContainerCmd(name).exec().getState().getHealth();
            String status = health == null ? "none" : health.getStatus();
            if ("unhealthy".equals(status)) {
                var log = health.getLog();
                String output = log == null || log.isEmpty() ? "no output" : log.getLast().getOutput();
                throw new InvalidInputException(host + ": " + name + " is unhealthy; its check said: " + EngineErrors.firstLine(output));
            }
            if (!"healthy".equals(status)) return false;
            progress.step(host + ": " + name + " is healthy (" + seconds(start) + ")");
            return true;
        }, late -> String.join(", ", late) + " did not become healthy within " + HEALTHY_WITHIN.toSeconds() + " s; look at their logs");
    }

    /**
     * Waits until {@code other} (all its replicas) is healthy, or has exited with code 0
     * ({@code completed}); one that turns unhealthy, or ends another way, fails with why.
     */
    static void waitFor(LabSpec lab, String other, String condition, DockerClient docker, Progress progress) {
        LabSpec.Container target = lab.containers().stream().filter(c -> c.name().equals(other)).findFirst().orElseThrow();
        Map<String, String> pending = new LinkedHashMap<>();
        for (int r = 1; r <= target.replicas(); r++) pending.put(target.replicas() == 1 ? other : other + "-" + r, condition);
        poll(pending, progress, (name, wanted) -> {
            var state = docker.inspectContainerCmd(name).exec().getState();
            boolean ended = !Boolean.TRUE.equals(state.getRunning()) && state.getFinishedAt() != null
                    && !state.getFinishedAt().startsWith("0001");
            Long code = state.getExitCodeLong();
            if (wanted.equals("completed")) {
                if (!ended) return false;
                if (code != null && code != 0) {
                    throw new InvalidInputException(name + " exited with code " + code + "; what waits for it to complete"
                            + " successfully is not made; look at its logs");
                }
                return true;
            }
            var health = state.getHealth();
            String status = health == null ? "none" : health.getStatus();
            if ("unhealthy".equals(status) || ended) {
                throw new InvalidInputException(name + (ended ? " stopped (exit code " + code + ")" : " is unhealthy")
                        + " before it was healthy; what waits for it is not made; look at its logs");
            }
            return "healthy".equals(status);
        }, late -> String.join(", ", late) + " did not become " + (condition.equals("healthy") ? "healthy" : "complete")
                + " within " + HEALTHY_WITHIN.toSeconds() + " s; look at their logs");
    }

    /**
     * Waits until every Swarm service of the lab runs as many tasks as it has replicas, each made
     * from the service's spec of now (a task of the spec before an update does not count), with
     * no update under way; an update begun since {@code since} that the Swarm rolled back or
     * paused fails the apply with the engine's reason.
     */
    static void waitUntilServicesRun(LabSpec lab, DockerClient manager, java.time.Instant since, Progress progress) {
        if (lab.swarm() == null || lab.swarm().services().isEmpty()) return;
        Map<String, Integer> pending = new LinkedHashMap<>();
        lab.swarm().services().forEach(s -> pending.put(s.name(), s.replicas()));
        long start = System.nanoTime();
        java.time.Instant began = since.minusSeconds(1);
        poll(pending, progress, (service, replicas) -> {
            var found = manager.inspectServiceCmd(service).exec();
            var update = found.getUpdateStatus();
            if (update != null && update.getStartedAt() != null && update.getStartedAt().toInstant().isAfter(began)
                    && update.getState() != null) {
                switch (update.getState()) {
                    case UPDATING, ROLLBACK_STARTED -> {
                        return false;
                    }
                    case ROLLBACK_COMPLETED, PAUSED, ROLLBACK_PAUSED -> throw new InvalidInputException("service " + service
                            + "'s update " + (update.getState() == ServiceUpdateState.PAUSED ? "paused" : "was rolled back") + ": "
                            + update.getMessage() + "; `portolan swarm ps " + lab.name() + " --all` shows the failed task and why");
                    default -> { }
                }
            }
            var wanted = found.getSpec().getTaskTemplate().getContainerSpec();
            var current = manager.listTasksCmd().withServiceFilter(service).exec().stream()
                    .filter(t -> t.getDesiredState() == TaskState.RUNNING).toList();
            long running = current.stream().filter(t -> t.getStatus() != null && t.getStatus().getState() == TaskState.RUNNING
                    && t.getSpec() != null && java.util.Objects.equals(t.getSpec().getContainerSpec(), wanted)).count();
            if (running < replicas || current.size() > replicas) return false;
            progress.step("service " + service + ": " + running + "/" + replicas + " tasks running (" + seconds(start) + ")");
            return true;
        }, late -> "services " + late + " did not get all their tasks running within " + HEALTHY_WITHIN.toSeconds()
                + " s; `portolan swarm ps " + lab.name() + "` shows why", SERVICE_POLL_MILLIS);
    }

    /**
     * Containers are asked about often while few are pending: a check's first run comes one
     * interval after the start, and the lag after it is the user's wait (a 1 s check, measured
     * from the start of the wait: seen healthy after 1.3-1.4 s asked every 250 ms, 1.1-1.2 s
     * every 50 ms). About 20 inspects a second in all while up to five are pending; beyond
     * that each is asked every 250 ms, as before.
     */
    private static final long CONTAINER_POLL_MILLIS = 50;
    /** A service's tasks are a list from the manager: asked four times a second. */
    private static final long SERVICE_POLL_MILLIS = 250;

    private static <V> void poll(Map<String, V> pending, Progress progress, BiPredicate<String, V> done,
            Function<Set<String>, String> tooLate) {
        poll(pending, progress, done, tooLate, CONTAINER_POLL_MILLIS);
    }

    /**
     * Asks {@code done} about each pending item until none is left (what it answers true for is
     * done) or {@link #HEALTHY_WITHIN} has passed: every {@code millisPerItem} times the items
     * pending, between 50 and 250 ms.
     */
    private static <V> void poll(Map<String, V> pending, Progress progress, BiPredicate<String, V> done,
            Function<Set<String>, String> tooLate, long millisPerItem) {
        long start = System.nanoTime();
        while (true) {
            progress.checkCancelled();
            pending.entrySet().removeIf(e -> done.test(e.getKey(), e.getValue()));
            if (pending.isEmpty()) return;
            if (System.nanoTime() - start > HEALTHY_WITHIN.toNanos()) throw new InvalidInputException(tooLate.apply(pending.keySet()));
            Futures.pause(Math.clamp(millisPerItem * pending.size(), 50, 250));
        }
    }

    private static String seconds(long since) {
        return String.format("%.1f s", (System.nanoTime() - since) / 1e9);
    }
}
