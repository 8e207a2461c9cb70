package dev.portolan.ui.jobs;

import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work the window starts off the FX thread: it runs on a virtual thread with a
 * {@link Progress} (steps, and cancel checked by the work), and its {@link Outcome} comes
 * back once, on the FX thread. The one way the window runs background work, so the
 * cancel flag, the thread and the catch chain that words a failure live here only.
 *
 * @param <T> what the work returns
 */
public final class Job<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Job.class);

    /** The work: blocking, off the FX thread; it reports steps to and checks cancel on {@code progress}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** How a job ended. */
    public sealed interface Outcome<T> {
        record Done<T>(T value) implements Outcome<T> {}

        record Cancelled<T>() implements Outcome<T> {}

        /** {@code message} says what failed and, where it can, what to do. */
        record Failed<T>(String message, Throwable error) implements Outcome<T> {}
    }

    private final String what;
    private volatile boolean cancelled;

    private Job(String what) {
        this.what = what;
    }

    /**
     * Starts {@code work}. {@code steps} gets each step's text and {@code ended} the outcome,
     * both on the FX thread.
     *
     * @param what what the work does, as a failure names it: "Pulling busybox onto node1"
     */
    public static <T> Job<T> start(String what, Work<T> work, Consumer<String> steps, Consumer<Outcome<T>> ended) {
        Job<T> job = new Job<>(what);
        Progress progress = new Progress() {
            @Override
            public void step(String text) {
                if (steps != null) Platform.runLater(() -> steps.accept(text));
            }

            @Override
            public boolean isCancelled() {
                return job.cancelled;
            }
        };
        Thread.ofVirtual().name("job: " + what).start(() -> {
            Outcome<T> outcome = job.run(work, progress);
            Platform.runLater(() -> ended.accept(outcome));
        });
        return job;
    }

    private Outcome<T> run(Work<T> work, Progress progress) {
        try {
            T value = work.run(progress);
            return cancelled ? new Outcome.Cancelled<>() : new Outcome.Done<>(value);
        } catch (CancellationException | InterruptedException e) {
            return new Outcome.Cancelled<>();
        } catch (InvalidInputException e) {
            return new Outcome.Failed<>(e.getMessage(), e);
        } catch (Exception e) {
            if (cancelled) return new Outcome.Cancelled<>();
            LOG.info("{} failed", what, e);
            return new Outcome.Failed<>(EngineErrors.action(what, e), e);
        }
    }

    /**
     * Asks the work to stop: it sees {@link Progress#isCancelled()} at its next check. No
     * interrupt: an interrupted engine call can leave its connection half-read.
     */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
