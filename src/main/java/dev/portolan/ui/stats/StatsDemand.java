package dev.portolan.ui.stats;

import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * Which containers' live stats are wanted, and the tick that shows them. Once a second (FX
 * thread) it asks each view what it shows (the diagram: what is in view; the details: what is
 * selected; a Top window: its host's running containers), tells each host's stats watcher to
 * stream exactly those — nothing when nothing shows — and then lets the views read the newest
 * samples. One tick a second, however many samples arrive: the views redraw once.
 */
public final class StatsDemand implements AutoCloseable {

    /** What one view shows now, by host (FX thread). */
    @FunctionalInterface
    public interface Wants {
        Map<HostModel, Set<String>> now();
    }

    private final ObservableList<HostModel> hosts;
    private final Function<HostModel, Optional<HostSession>> sessions;
    private final List<Wants> wants = new CopyOnWriteArrayList<>();
    private final List<Runnable> ticks = new CopyOnWriteArrayList<>();
    private final Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));

    public StatsDemand(ObservableList<HostModel> hosts, Function<HostModel, Optional<HostSession>> sessions) {
        this.hosts = hosts;
        this.sessions = sessions;
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }

    /** Adds a view's wants; returns how to take them back (a window that closes). */
    public Runnable want(Wants view) {
        wants.add(view);
        tick();
        return () -> {
            wants.remove(view);
            tick();
        };
    }

    /** Runs after each tick, when the newest samples are there to read (FX thread); returns how to stop it. */
    public Runnable onTick(Runnable view) {
        ticks.add(view);
        return () -> ticks.remove(view);
    }

    /** Streams what is wanted now and lets the views redraw. */
    public void tick() {
        Map<HostModel, Set<String>> wanted = new HashMap<>();
        for (Wants view : wants) view.now().forEach((host, ids) -> wanted.computeIfAbsent(host, h -> new HashSet<>()).addAll(ids));
        for (HostModel host : hosts) {
            sessions.apply(host).ifPresent(s -> s.stats().watch(wanted.getOrDefault(host, Set.of())));
        }
        ticks.forEach(Runnable::run);
    }

    @Override
    public void close() {
        timeline.stop();
        for (HostModel host : hosts) sessions.apply(host).ifPresent(s -> s.stats().watch(Set.of()));
    }
}
