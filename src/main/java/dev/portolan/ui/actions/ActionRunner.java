package dev.portolan.ui.actions;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import dev.portolan.ui.jobs.Job;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Runs what a person asked for off the FX thread, on a virtual thread, and reports on
 * the FX thread: "Stopping web…", then "Stopped web" or a sentence saying what failed.
 * The stack trace goes to the log, never to the screen.
 */
public final class ActionRunner {


    /** The newest thing to tell the user; error says whether it is a failure. */
    public record Message(String text, boolean error) {}

    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(new Message("", false));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final AtomicInteger running = new AtomicInteger();

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Runs {@code work}; {@code progress} is shown meanwhile, {@code done} after (null: the
     * progress sentence is taken away), and {@code then} gets the result on the FX thread.
     */
    public <T> void run(String progress, String done, String what, Callable<T> work, Consumer<T> then) {
        run(progress, done, what, work, then, null);
    }

    /** As above; {@code failed} also gets the sentence that says what went wrong. */
    public <T> void run(String progress, String done, String what, Callable<T> work, Consumer<T> then,
            Consumer<String> failed) {
        start(progress, done, what, ignored -> work.call(), null, then, failed);
    }

    /**
     * As above, for work that reports steps ({@code steps} gets each, on the FX thread) and
     * can be cancelled: the returned job's {@link Job#cancel()}.
     */
    public <T> Job<T> start(String progress, String done, String what, Job.Work<T> work, Consumer<String> steps,
            Consumer<T> then, Consumer<String> failed) {
        say(new Message(progress, false));
        running.incrementAndGet();
        busy.set(true);
        return Job.start(what, work, steps, ended -> {
            finished();
            switch (ended) {
                case Job.Outcome.Done<T> result -> {
                    sayDone(progress, done);
                    if (then != null) then.accept(result.value());
                }
                case Job.Outcome.Cancelled<T> c -> fail(what + ": cancelled; nothing was left behind.", failed);
                case Job.Outcome.Failed<T> f -> fail(f.message(), failed);
            }
        });
    }

    /** The sentence at the end: {@code done}, or none (then the "…ing" sentence must not stay as if the work still ran). */
    private void sayDone(String progress, String done) {
        if (done != null) say(new Message(done, false));
        else if (message.get().text().equals(progress)) say(new Message("", false));
    }

    private void fail(String text, Consumer<String> failed) {
        say(new Message(text, true));
        if (failed != null) failed.accept(text);
    }

    /** Shows a message that needs no engine call (FX thread). */
    public void say(Message next) {
        message.set(next);
    }

    private void finished() {
        busy.set(running.decrementAndGet() > 0);
    }
}
