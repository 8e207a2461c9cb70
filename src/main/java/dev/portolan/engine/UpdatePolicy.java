package dev.portolan.engine;

import com.github.dockerjava.api.model.UpdateConfig;
import com.github.dockerjava.api.model.UpdateFailureAction;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How a Swarm service's rolling update goes: tasks at a time (0: all), the wait between batches,
 * what a failed task does to the update (rollback, pause, continue), and how long a new task must
 * run to count as updated. The same for a lab file's `update:` and `portolan swarm update`.
 */
public record UpdatePolicy(int parallelism, Duration delay, String failureAction, Duration monitor) {

    /** One at a time, rolled back on failure, each new task watched 5 s: safe for a lab, and quick. */
    public static final UpdatePolicy DEFAULT = new UpdatePolicy(1, Duration.ZERO, "rollback", Duration.ofSeconds(5));

    public UpdatePolicy {
        if (parallelism < 0) throw new InvalidInputException("Parallelism is the number of tasks updated at a time: 0 (all) or more.");
        if (!List.of("rollback", "pause", "continue").contains(failureAction)) {
            throw new InvalidInputException("On failure an update can rollback, pause or continue, not '" + failureAction + "'.");
        }
    }

    /** The engine's form, used for the update and for the rollback alike. */
    public UpdateConfig config() {
        return new UpdateConfig().withParallelism((long) parallelism).withDelay(delay.toNanos())
                .withFailureAction(UpdateFailureAction.valueOf(failureAction.toUpperCase(Locale.ROOT)))
                .withMonitor(monitor.toNanos()).withMaxFailureRatio(0f);
    }
}
