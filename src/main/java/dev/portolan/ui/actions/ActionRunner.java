package dev.portolan.ui.actions;

import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what a person asked for off the FX thread, on a virtual thread, and reports on
 * the FX thread: "Stopping web…", then "Stopped web" or a sentence saying what failed.
 * The stack trace goes to the log, never to the screen.
 */
public final class ActionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);

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
        say(new Message(progress, false));
        running.incrementAndGet();
        busy.set(true);
        Thread.ofVirtual().name("action").start(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    finished();
                    if (done != null) say(new Message(done, false));
                    // no sentence for the end: the "…ing" one must not stay as if the work still ran
                    else if (message.get().text().equals(progress)) say(new Message("", false));
                    if (then != null) then.accept(result);
                });
            } catch (Exception e) {
                String text = e instanceof InvalidInputException ? e.getMessage()
                        : e instanceof java.util.concurrent.CancellationException ? what + ": cancelled; nothing was left behind."
                        : EngineErrors.action(what, e);
                LOG.info("{}: {}", what, text, e);
                Platform.runLater(() -> {
                    finished();
                    say(new Message(text, true));
                    if (failed != null) failed.accept(text);
                });
            }
        });
    }

    /** Shows a message that needs no engine call (FX thread). */
    public void say(Message next) {
        message.set(next);
    }

    private void finished() {
        busy.set(running.decrementAndGet() > 0);
    }
}
