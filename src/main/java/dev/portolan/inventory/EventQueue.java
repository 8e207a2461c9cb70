package dev.portolan.inventory;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Receives the engine's /events stream on docker-java's thread and hands it to the
 * watcher in bursts: the first event, then whatever else arrives within a few
 * milliseconds, so a burst of 500 events costs one re-read, not 500.
 */
final class EventQueue extends ResultCallback.Adapter<Event> {

    private static final long COALESCE_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    private static final int MAX_BURST = 2_000;
    private static final Event END = new Event(null, null, null, null);

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.function.Consumer<Event> onArrival;
    private volatile Throwable failure;

    /** {@code onArrival} sees each event first, on the stream's thread: keep it short. */
    EventQueue(java.util.function.Consumer<Event> onArrival) {
        this.onArrival = onArrival;
    }

    @Override
    public void onNext(Event event) {
        onArrival.accept(event);
        events.add(event);
    }

    @Override
    public void onError(Throwable error) {
        failure = error;
        events.add(END);
    }

    @Override
    public void onComplete() {
        if (failure == null) failure = new StreamEndedException();
        events.add(END);
    }

    /**
     * Waits up to {@code waitMillis} for events and returns them as one burst; empty when
     * none came. Throws when the stream has ended, so the watcher reconnects.
     */
    List<Event> takeBurst(long waitMillis) throws InterruptedException {
        List<Event> burst = new ArrayList<>();
        Event first = events.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first == null) return burst;
        add(burst, first);
        long deadline = System.nanoTime() + COALESCE_NANOS;
        while (burst.size() < MAX_BURST) {
            long left = deadline - System.nanoTime();
            Event next = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : events.poll();
            if (next == null) break;
            add(burst, next);
        }
        return burst;
    }

    private void add(List<Event> burst, Event event) {
        if (event == END) throw new StreamEndedException(failure);
        burst.add(event);
    }

    /** The engine closed the event stream, or it broke. */
    static final class StreamEndedException extends RuntimeException {
        StreamEndedException() {
            super("the engine closed its event stream");
        }

        StreamEndedException(Throwable cause) {
            super(cause == null ? "the engine closed its event stream" : cause.getMessage(), cause);
        }
    }
}
