package dev.portolan.operations;

import dev.portolan.app.Durations;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.inventory.SwarmSnapshot;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a service's change has got to, said as it goes: tasks running of those wanted, and during
 * an update, how many run the new image. Used by a command that waits (the window watches
 * the Swarm live instead).
 */
public final class SwarmProgress {

    private static final long ASK_EVERY_MILLIS = 250;

    private SwarmProgress() {}

    /** How the wait ended: at the state asked for, or not (rolled back, paused, timed out), in one sentence. */
    public record Outcome(boolean converged, String sentence) {}

    /** One line of progress: "web: 4/6 running · update 3/6 on busybox:1.36", or the update's own word. */
    public static String line(SwarmSnapshot swarm, SwarmSnapshot.Service service) {
        long wanted = swarm.wanted(service);
        StringBuilder line = new StringBuilder(service.name() + ": " + swarm.running(service) + "/" + wanted + " running");
        if (!service.updateState().isEmpty() && !service.updateState().equals("completed")) {
            line.append(" · ").append(service.updateState().replace('_', ' '));
            if (service.isUpdating()) line.append(" ").append(updated(swarm, service)).append("/").append(wanted).append(" on ")
                    .append(service.image());
        }
        long failed = swarm.currentTasks().stream().filter(t -> t.serviceId().equals(service.id()) && t.hasFailed()).count();
        if (failed > 0) line.append(" · ").append(failed).append(" failed");
        return line.toString();
    }

    /** Why the newest failed task of the service failed, and where: " (web.2 on node2: No such image: x)", or "". */
    static String lastFailure(SwarmSnapshot swarm, SwarmSnapshot.Service service) {
        return swarm.tasks().stream().filter(t -> t.serviceId().equals(service.id()) && t.hasFailed())
                .max(java.util.Comparator.comparing(SwarmSnapshot.Task::since))
                .map(t -> ": " + swarm.taskName(t) + " " + t.state() + " on " + swarm.nodeName(t.nodeId()) + " ("
                        + (!t.error().isEmpty() ? t.error() : t.message() + (t.exitCode() == null ? "" : ", exit " + t.exitCode())) + ")")
                .orElse("");
    }

    /** Tasks wanted running made from the service's spec of now (the new one, during an update). */
    static long updated(SwarmSnapshot swarm, SwarmSnapshot.Service service) {
        return swarm.currentTasks().stream().filter(t -> t.serviceId().equals(service.id()) && t.isRunning()
                && t.spec() == service.spec()).count();
    }

    /** Whether a service has what it asks for: no update under way, and every task wanted running runs its spec of now. */
    public static boolean isConverged(SwarmSnapshot swarm, SwarmSnapshot.Service service) {
        if (service.isUpdating()) return false;
        var current = swarm.currentTasks().stream().filter(t -> t.serviceId().equals(service.id())).toList();
        return current.size() == swarm.wanted(service) && current.stream().allMatch(t -> t.isRunning() && t.spec() == service.spec());
    }

    /**
     * Asks the Swarm every {@value #ASK_EVERY_MILLIS} ms until the service converges, its update
     * rolls back or pauses, or time is up; each new progress line goes to {@code lines}.
     *
     * @param rollingBack the change asked for is a rollback: its completion is the end asked for
     */
    public static Outcome await(Supplier<SwarmSnapshot> read, String name, boolean rollingBack, Duration timeout,
            Consumer<String> lines) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String said = "";
        while (true) {
            SwarmSnapshot swarm = read.get();
            SwarmSnapshot.Service service = swarm.service(name).orElseThrow(() -> new InvalidInputException(
                    "The service " + name + " is gone: removed meanwhile."));
            String line = line(swarm, service);
            if (!line.equals(said)) lines.accept(said = line);
            String took = Durations.format(Duration.ofNanos(System.nanoTime() - start));
            switch (service.updateState()) {
                case "rollback_completed" -> {
                    if (isConverged(swarm, service)) {
                        return new Outcome(rollingBack, service.name() + (rollingBack ? " is back on its previous spec, " + service.image()
                                : " was rolled back to " + service.image()) + " after " + took + lastFailure(swarm, service) + ".");
                    }
                }
                case "paused", "rollback_paused" -> {
                    return new Outcome(false, service.name() + "'s " + (service.updateState().startsWith("rollback") ? "rollback" : "update")
                            + " paused after " + took + ": " + service.updateMessage() + ". Roll it back (portolan swarm rollback) or update it again.");
                }
                default -> {
                    if (isConverged(swarm, service)) {
                        return new Outcome(true, service.name() + ": " + swarm.running(service) + "/" + swarm.wanted(service)
                                + " running on " + service.image() + " after " + took + ".");
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                return new Outcome(false, service.name() + " did not settle within " + Durations.format(timeout) + ": " + line
                        + ". `portolan swarm ps` shows why (a task's error).");
            }
            try {
                Thread.sleep(ASK_EVERY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(false, "Stopped waiting: " + line + ".");
            }
        }
    }
}
