package dev.portolan.inventory;

import com.github.dockerjava.api.DockerClient;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a Swarm's picture live, on its own virtual thread, from events: the hosts' watchers
 * already hear every event of every member (a manager's stream carries node and service
 * events, each member's its task containers), and whoever holds those calls {@link #nudge}
 * for the ones {@link #concerns}; the watcher then reads the Swarm once from a manager.
 * <p>
 * What a task container's event says outright (it started: the task runs; it died) is
 * published at once, before the read, as the host watcher does for containers: a manager
 * hears of a task's new state from its node some 150 ms later, and the picture need not wait.
 * <p>
 * The engine has no task events: a task that is pending, rejected for a missing image, or
 * waiting for a node, makes no container and so no event. So while something is on its
 * way ({@link SwarmSnapshot#isSettled}) the watcher asks again — 50, 100, 200 ms after an
 * event, then every {@value #SETTLING_MILLIS} ms — until it settles; a settled Swarm is read
 * only when an event says so (and once a minute, in case a stream missed one while it reconnected).
 */
public final class SwarmWatcher implements AutoCloseable {

    /** What a watcher tells: a new picture, or that no manager answers (with why). On the watcher's thread. */
    public interface Listener {
        void swarmChanged(SwarmSnapshot swarm);

        void swarmLost(String why);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SwarmWatcher.class);
    static final long SETTLING_MILLIS = 300;
    private static final long COALESCE_MILLIS = 15;
    private static final long NO_MANAGER_MILLIS = 1000;
    private static final long SAFETY_MILLIS = 60_000;
    private static final long MEMBERS_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final Supplier<List<DockerClient>> candidates;
    private final Listener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean nudged = true;
    /** Task states the events stated, by task id, not yet published; guarded by the lock. */
    private final java.util.Map<String, String> implied = new java.util.LinkedHashMap<>();
    /** What events stated of tasks, kept until a manager says as much (or two seconds pass), so a read does not undo it. */
    private final java.util.Map<String, Stated> stated = new java.util.HashMap<>();

    private record Stated(String state, long atNanos) {}

    private static final long STATED_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Reads since the last event: the settling wait grows with them. */
    private int quietReads;
    private DockerClient manager;
    private SwarmSnapshot published;
    private String lost;

    /**
     * @param name       what messages call the Swarm ("lab demo")
     * @param candidates the members' engines connected now, managers first when known; asked for one that manages
     */
    public SwarmWatcher(String name, Supplier<List<DockerClient>> candidates, Listener listener) {
        this.name = name;
        this.candidates = candidates;
        this.listener = listener;
        this.thread = Thread.ofVirtual().name("swarm-" + name).start(this::run);
    }

    /** Whether an engine event can change what a Swarm looks like: a node's, a service's, or a task's container's. */
    public static boolean concerns(EngineEvent event) {
        return switch (event.type()) {
            case "node", "service" -> true;
            case "container" -> event.attributes().containsKey(EngineEvent.SWARM_SERVICE) || event.name().matches(".+\\.\\d+\\.[a-z0-9]{25}");
            default -> false;
        };
    }

    /**
     * A member's event: what it states of a task is shown at once, then the Swarm is read again.
     * Any thread; returns at once.
     */
    public void nudge(EngineEvent event) {
        String task = event.attributes().get(EngineEvent.SWARM_TASK);
        String state = task == null || !event.isContainer() ? null : switch (event.verb()) {
            case "start" -> "running";
            case "die" -> event.exitCode().orElse(0) == 0 ? "complete" : "failed";
            default -> null;
        };
        if (state != null) {
            lock.lock();
            try {
                implied.put(task, state);
            } finally {
                lock.unlock();
            }
        }
        nudge();
    }

    /** Something happened: read the Swarm again (bursts are read once). Any thread; returns at once. */
    public void nudge() {
        lock.lock();
        try {
            nudged = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            long wait = waitFor();
            if (!running) break;
            if (wait >= 0) {
                quietReads = 0;
                publishImplied();
                sleep(COALESCE_MILLIS); // the rest of the burst
            } else {
                quietReads++;
            }
            readOnce();
        }
    }

    /** What the events stated of tasks in the picture, published before the read that confirms it. */
    private void publishImplied() {
        java.util.Map<String, String> states;
        lock.lock();
        try {
            states = new java.util.LinkedHashMap<>(implied);
            implied.clear();
        } finally {
            lock.unlock();
        }
        long now = System.nanoTime();
        states.forEach((task, state) -> stated.put(task, new Stated(state, now)));
        if (states.isEmpty() || published == null) return;
        SwarmSnapshot next = published.withTaskStates(states);
        if (!next.equals(published)) {
            published = next;
            listener.swarmChanged(next);
        }
    }

    /**
     * Waits for a nudge or the time the last picture allows; returns 0 when nudged, -1 when
     * not. A manager whose host stops sends no event once its engine is gone, and the worker
     * left may have nothing to say: so the wait also ends, without asking any engine, once the
     * manager's host is no longer among the connected members (looked at every second).
     */
    private long waitFor() {
        long timeout = lost != null ? NO_MANAGER_MILLIS : published != null && !published.isSettled()
                ? Math.min(SETTLING_MILLIS, 50L << Math.min(quietReads, 3)) : SAFETY_MILLIS;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return -1;
            if (awaitNudge(Math.min(left, MEMBERS_CHECK_NANOS))) return 0;
            if (manager != null && !candidates.get().contains(manager)) return -1;
        }
        return -1;
    }

    /** True when nudged within {@code nanos}. */
    private boolean awaitNudge(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (running && !nudged && left > 0) left = wake.awaitNanos(left);
            if (!nudged) return false;
            nudged = false;
            return true;
        } catch (InterruptedException e) {
            running = false;
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void readOnce() {
        RuntimeException failure = null;
        List<DockerClient> engines = ordered();
        int asked = engines.size();
        for (DockerClient engine : engines) {
            try {
                if (engine != manager && !SwarmReader.isManager(engine)) continue;
                SwarmSnapshot next = withStated(SwarmReader.read(engine));
                manager = engine;
                lost = null;
                if (!Objects.equals(next, published)) {
                    published = next;
                    listener.swarmChanged(next);
                }
                return;
            } catch (RuntimeException e) {
                if (!running) return;
                if (engine == manager) manager = null;
                failure = e;
                LOG.debug("swarm {}: a member did not answer", name, e);
            }
        }
        String why = failure != null ? "No manager of " + name + " answers (" + dev.portolan.engine.EngineErrors.firstLine(
                dev.portolan.engine.EngineErrors.rootCause(failure).getMessage()) + "). Start a manager's host again, or see its "
                + "state in the host list."
                : asked == 0 ? "No host of " + name + " is connected: they are stopped or lost. Start them (the host list says why)."
                : "No host of " + name + " manages a Swarm: they are not in one, or its managers are stopped. Press Start a Swarm "
                        + "to make one over these hosts, or start a manager's host again.";
        if (!why.equals(lost)) {
            lost = why;
            listener.swarmLost(why);
        }
    }

    /** The read, with what events stated and the manager does not say yet (it hears from the node ~150 ms later). */
    private SwarmSnapshot withStated(SwarmSnapshot read) {
        long now = System.nanoTime();
        stated.values().removeIf(s -> now - s.atNanos() > STATED_NANOS);
        java.util.Map<String, String> ahead = new java.util.HashMap<>();
        for (var task : read.tasks()) {
            Stated s = stated.get(task.id());
            if (s == null) continue;
            if (SwarmSnapshot.isBefore(task.state(), s.state())) ahead.put(task.id(), s.state());
            else stated.remove(task.id());
        }
        return ahead.isEmpty() ? read : read.withTaskStates(ahead);
    }

    /** The manager that answered last first, then the others as given. */
    private List<DockerClient> ordered() {
        List<DockerClient> all = new java.util.ArrayList<>(candidates.get());
        if (manager != null && all.remove(manager)) all.addFirst(manager);
        else manager = null;
        return all;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
