package dev.portolan.ui.swarm;

import dev.portolan.app.Durations;
import dev.portolan.inventory.SwarmSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Swarm at work, timed: when a node leaves the pool (drained, or down after its host was
 * stopped), when the Swarm noticed, and when its tasks ran elsewhere again. The teaching point
 * is the wait: a stopped node is seen down only after the managers miss its heartbeats.
 * Pure logic over snapshots and a clock, so tests can play it.
 */
final class SwarmMoves {

    /**
     * One node leaving the pool.
     *
     * @param began  when it was stopped (the fault's time) or drained
     * @param seen   when the Swarm said so (the node down; for a drain, at once)
     * @param done   when every service had its tasks running elsewhere again, or null while not
     */
    record Move(String node, String cause, Instant began, Instant seen, Instant done, int tasks) {
        String sentence(Instant now) {
            StringBuilder s = new StringBuilder(node).append(' ').append(cause);
            if (cause.equals("down") && seen.isAfter(began)) {
                s.append(" (its host stopped ").append(seconds(Duration.between(began, seen))).append(" before the Swarm saw it down)");
            }
            s.append(": ");
            if (done == null) {
                s.append(tasks).append(tasks == 1 ? " task" : " tasks").append(" being placed elsewhere, ")
                        .append(seconds(Duration.between(began, now))).append(" so far");
            } else {
                s.append(tasks == 1 ? "its task ran" : "its " + tasks + " tasks ran").append(" elsewhere ")
                        .append(seconds(Duration.between(began, done))).append(" later");
            }
            return s.toString();
        }
    }

    private final List<Move> moves = new ArrayList<>();

    /**
     * Compares two pictures: a node that left the pool starts a move; a move whose services
     * all run again ends. {@code stoppedAt} says when a node's host was stopped on purpose, if it was.
     */
    void update(SwarmSnapshot before, SwarmSnapshot after, Instant now, Function<String, Optional<Instant>> stoppedAt) {
        if (before != null) {
            for (var node : after.nodes()) {
                var was = before.node(node.id()).orElse(null);
                if (was == null) continue;
                int tasks = before.currentTasksOn(node.id()).size();
                if (was.isReady() && !node.isReady() && node.state().equals("down")) {
                    Instant began = stoppedAt.apply(node.hostname()).filter(t -> t.isBefore(now)).orElse(now);
                    start(new Move(node.hostname(), "down", began, now, null, tasks));
                } else if (was.isActive() && node.availability().equals("drain")) {
                    start(new Move(node.hostname(), "drained", now, now, null, tasks));
                }
            }
        }
        for (int i = 0; i < moves.size(); i++) {
            Move m = moves.get(i);
            if (m.done() == null && settled(after, m.node())) {
                moves.set(i, new Move(m.node(), m.cause(), m.began(), m.seen(), now, m.tasks()));
            }
        }
    }

    private void start(Move move) {
        moves.removeIf(m -> m.node().equals(move.node()));
        moves.add(move);
    }

    /** Every service runs what it wants, and nothing wanted running is on the node that left. */
    private static boolean settled(SwarmSnapshot swarm, String hostname) {
        var node = swarm.nodeNamed(hostname).orElse(null);
        if (node != null && swarm.currentTasksOn(node.id()).stream().anyMatch(t -> !t.hasFailed())) return false;
        return swarm.services().stream().allMatch(s -> swarm.running(s) >= swarm.wanted(s));
    }

    /** The newest moves first, the last three: what the window shows under the picture. */
    List<String> sentences(Instant now) {
        List<String> out = new ArrayList<>();
        for (int i = moves.size() - 1; i >= 0 && out.size() < 3; i--) out.add(moves.get(i).sentence(now));
        return out;
    }

    private static String seconds(Duration d) {
        return d.toMillis() < 60_000 ? String.format("%.1f s", d.toMillis() / 1000.0) : Durations.format(d);
    }
}
