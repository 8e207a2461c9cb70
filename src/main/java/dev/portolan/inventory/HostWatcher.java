package dev.portolan.inventory;

import com.github.dockerjava.api.model.Event;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.engine.EngineErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one host's inventory live, on its own virtual thread: subscribe to /events,
 * take one snapshot, then re-read only what each burst of events names. A quiet
 * stream is checked with a ping every half second; when the stream breaks or the
 * ping fails the host is lost, and the watcher reconnects with backoff and takes a fresh
 * snapshot: 1, 2, 4, 8, 10 s for a remote engine; 0.5, 1, 2 s for one on this computer
 * (a socket or 127.0.0.1, as simulated hosts are), where a try costs nothing and a host
 * comes back within a second of its engine. Nothing here waits on another host.
 */
public final class HostWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostWatcher.class);
    private static final long IDLE_PING_MILLIS = 500;
    private static final long[] REMOTE_BACKOFF_MILLIS = {1000, 2000, 4000, 8000, 10_000};
    private static final long[] LOCAL_BACKOFF_MILLIS = {500, 1000, 2000};

    private final EngineEndpoint endpoint;
    private final HostListener listener;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean running = true;
    private volatile boolean retryNow;
    private volatile EngineClients clients;
    private final Thread thread;
    private final Object publishLock = new Object();
    private final java.util.concurrent.atomic.AtomicLong eventCount = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.Map<String, Long> lastEventOf = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile HostInventory published;
    private volatile boolean reachedLive;
    private final HealthCheckExecs healthChecks = new HealthCheckExecs();
    /**
     * Events heard before the first inventory is read, held until it is (guarded by
     * publishLock): only then are a health check's probes told from a person's execs.
     */
    private final List<EngineEvent> heardFirst = new java.util.ArrayList<>();
    private static final int HEARD_FIRST_MAX = 10_000;
    /**
     * How far back a host's first connection asks for the engine's events (an engine keeps
     * its last few hundred): why a container restarted just before Portolan opened.
     */
    static final Duration HISTORY = Duration.ofMinutes(10);
    /** The engine's time of the last event heard: a new connection resumes just after it, so none is lost. */
    private volatile Instant lastEventAt;

    private HostWatcher(EngineEndpoint endpoint, HostListener listener, Clock clock) {
        this.endpoint = endpoint;
        this.listener = listener;
        this.clock = clock;
        this.thread = Thread.ofVirtual().name("watch-" + endpoint.name()).unstarted(this::run);
    }

    /** Starts watching; news goes to {@code listener} on the watcher's thread. */
    public static HostWatcher start(EngineEndpoint endpoint, HostListener listener) {
        HostWatcher watcher = new HostWatcher(endpoint, listener, Clock.systemUTC());
        watcher.thread.start();
        return watcher;
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /** The clients of the current connection, or null while there is none. */
    public EngineClients clients() {
        return clients;
    }

    /** Skips the rest of the backoff wait and tries to connect at once. */
    public void retryNow() {
        lock.lock();
        try {
            retryNow = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long[] backoff = isOnThisComputer(endpoint) ? LOCAL_BACKOFF_MILLIS : REMOTE_BACKOFF_MILLIS;
        int failures = 0;
        while (running) {
            listener.statusChanged(new HostStatus.Connecting(clock.instant(), failures + 1));
            reachedLive = false;
            EngineClients connection = null;
            try {
                connection = EngineClients.connect(endpoint);
                clients = connection;
                watch(connection);
            } catch (RuntimeException | InterruptedException e) {
                clients = null;
                if (!running) break;
                if (e instanceof InterruptedException) continue;
                if (reachedLive) failures = 0; // a host that was live starts its backoff afresh
                long wait = backoff[Math.min(failures, backoff.length - 1)];
                failures++;
                String reason = EngineErrors.unreachable(endpoint, e);
                LOG.info("host {} lost: {} (retry in {} ms)", endpoint.name(), reason, wait);
                LOG.debug("host {} lost", endpoint.name(), e);
                Instant next = clock.instant().plusMillis(wait);
                // said before the dead connection is closed: closing it can itself take a while
                listener.statusChanged(new HostStatus.Lost(clock.instant(), reason, next));
                close(connection);
                connection = null;
                sleepUntil(next);
            } finally {
                clients = null;
                close(connection);
            }
        }
        listener.statusChanged(new HostStatus.Offline(clock.instant(), "not watched"));
    }

    private static void close(EngineClients connection) {
        if (connection != null) connection.close();
    }

    /** A socket, a pipe, or 127.0.0.1: an engine whose absence is known at once and costs nothing to ask again. */
    static boolean isOnThisComputer(EngineEndpoint endpoint) {
        String scheme = String.valueOf(endpoint.host().getScheme());
        String host = String.valueOf(endpoint.host().getHost());
        return scheme.equals("unix") || scheme.equals("npipe") || host.equals("127.0.0.1") || host.equals("localhost")
                || host.equals("[::1]") || host.equals("::1");
    }

    /** One connection's life: returns only by throwing (lost) or when stopped. */
    private void watch(EngineClients connection) throws InterruptedException {
        EventQueue queue = new EventQueue(this::showImplied);
        // Subscribe first, then read: what changes during the snapshot arrives as events. The engine
        // first replays what it kept since `since`: the minutes before the first connection (held until
        // the first read, then told, never acted on), or what a lost connection missed (acted on as
        // they come; the re-read after each burst puts the picture right).
        Instant from = lastEventAt == null ? clock.instant().minus(HISTORY) : lastEventAt.plusNanos(1);
        connection.stream().eventsCmd().withSince(timestamp(from)).exec(queue);
        try {
            InventoryReader reader = new InventoryReader(connection.requests());
            BurstApplier applier = new BurstApplier(reader);
            synchronized (publishLock) {
                publish(reader.readAll());
                tellHeardFirst();
            }
            reachedLive = true;
            listener.statusChanged(new HostStatus.Live(clock.instant()));
            while (running) {
                List<Event> burst = queue.takeBurst(IDLE_PING_MILLIS);
                if (burst.isEmpty()) {
                    connection.ping();
                    continue;
                }
                long afterEvent = eventCount.get();
                var reread = applier.reread(published, burst, afterEvent);
                synchronized (publishLock) {
                    publish(reread.applyTo(published, lastEventOf));
                    lastEventOf.values().removeIf(n -> n <= afterEvent);
                }
            }
        } finally {
            synchronized (publishLock) {
                tellHeardFirst(); // a connection lost before its first read: what it heard, unmarked
            }
            try {
                queue.close();
            } catch (java.io.IOException ignored) {
                // the stream of a lost host is already closed
            }
        }
    }

    /**
     * On the event stream's thread, at once: the listener sees the event, then what the event
     * states outright (started, died, paused, removed) is published before the watcher re-reads
     * the container, so the picture follows the engine within milliseconds.
     */
    private void showImplied(Event event) {
        EngineEvent seen = EngineEvent.of(endpoint.name(), event);
        if (lastEventAt == null || seen.time().isAfter(lastEventAt)) lastEventAt = seen.time();
        synchronized (publishLock) {
            if (published == null && heardFirst.size() < HEARD_FIRST_MAX) {
                heardFirst.add(seen);
                return;
            }
            tellHeardFirst(); // a storm before the first read: the held events first, then as they come
        }
        listener.eventSeen(healthChecks.marked(seen, published));
        if (!reachedLive) return;
        long number = eventCount.incrementAndGet();
        String container = BurstApplier.containerOf(event);
        if (container != null) lastEventOf.put(container, number);
        synchronized (publishLock) {
            if (published != null) publish(BurstApplier.implied(published, List.of(event)));
        }
    }

    /** An instant as the engine's `since` reads it: seconds and nanoseconds. */
    static String timestamp(Instant at) {
        return at.getEpochSecond() + "." + String.format(java.util.Locale.ROOT, "%09d", at.getNano());
    }

    /** Hands on the events held until the first inventory, in order; callers hold publishLock. */
    private void tellHeardFirst() {
        for (EngineEvent held : heardFirst) listener.eventSeen(healthChecks.marked(held, published));
        heardFirst.clear();
    }

    /** Callers hold publishLock, so listeners hear one change at a time, in order. */
    private void publish(HostInventory next) {
        if (Objects.equals(next, published)) return;
        List<Delta> changes = next.changesSince(published);
        published = next;
        listener.inventoryChanged(next, changes);
    }

    private void sleepUntil(Instant next) {
        lock.lock();
        try {
            while (running && !retryNow) {
                long millis = Duration.between(clock.instant(), next).toMillis();
                if (millis <= 0) break;
                wake.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            retryNow = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Stops watching and closes the connection; returns without waiting for the engine. */
    @Override
    public void close() {
        running = false;
        retryNow();
        thread.interrupt();
        EngineClients current = clients;
        if (current != null) current.close();
    }
}
