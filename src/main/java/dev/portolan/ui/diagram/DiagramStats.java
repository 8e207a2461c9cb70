package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.diagram.Layout.Card;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import dev.portolan.ui.stats.StatsDemand;
import dev.portolan.ui.stats.StatsFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Live stats on the diagram: while it shows, it asks for every running container of a host with
 * few of them, else for those in view and those selected (none while hidden); at each tick it
 * puts each card's last minute of CPU and "12% · 34 MB" on it, and the host's totals in its title.
 */
final class DiagramStats {

    /** Up to this many running containers on a host, all are streamed while the diagram shows. */
    static final int STATS_FOR_ALL = 40;

    private final DiagramController controller;
    private final DiagramCanvas picture;
    private final List<HostModel> hosts;
    private final Function<HostModel, Optional<HostSession>> sessions;

    DiagramStats(DiagramController controller, DiagramCanvas picture, List<HostModel> hosts,
            Function<HostModel, Optional<HostSession>> sessions) {
        this.controller = controller;
        this.picture = picture;
        this.hosts = hosts;
        this.sessions = sessions;
    }

    void attachTo(StatsDemand demand) {
        demand.want(this::wanted);
        demand.onTick(this::show);
    }

    private void show() {
        Map<String, Marks.CardStats> cards = new HashMap<>();
        Map<String, String> totals = new HashMap<>();
        if (picture.isShowing() && controller.layout() != null) {
            Map<String, HostSession> byName = new HashMap<>();
            for (HostModel host : hosts) sessions.apply(host).ifPresent(s -> byName.put(host.name(), s));
            Map<String, Total> sums = new HashMap<>();
            for (Card card : controller.layout().cards()) {
                HostSession session = byName.get(card.host());
                var history = session == null ? List.<dev.portolan.inventory.ContainerStats>of()
                        : session.stats().history(card.container().id());
                if (history.isEmpty()) continue;
                var latest = history.getLast();
                cards.put(card.key(), new Marks.CardStats(StatsFormat.cpuSeries(history), StatsFormat.brief(latest)));
                sums.computeIfAbsent(card.host(), h -> new Total()).add(latest);
            }
            for (HostModel host : hosts) {
                Total sum = sums.get(host.name());
                if (sum == null) continue;
                long running = host.inventory() == null ? 0 : host.inventory().runningCount();
                String[] size = sizeOf(host);
                totals.put(host.name(), "cpu " + StatsFormat.cpu(sum.cpu) + (size[0] == null ? "" : " of " + size[0])
                        + " · mem " + StatusText.bytes(sum.memory) + (size[1] == null ? "" : " of " + size[1])
                        + (sum.counted < running ? " (the " + sum.counted + " in view)" : ""));
            }
        }
        if (cards.isEmpty() && controller.marks().stats().isEmpty()) return;
        controller.setStats(cards, totals);
        picture.repaint();
    }

    /**
     * A simulated host's size as its lab gave it ("1.5 CPUs", "256 MB"), read from its container's
     * labels on the local engine; nulls for a host of the laptop's size or another kind of host.
     */
    private String[] sizeOf(HostModel host) {
        String[] size = new String[2];
        if (host.key().kind() != dev.portolan.host.HostKey.Kind.SIMULATED) return size;
        for (HostModel local : hosts) {
            if (local.key().kind() != dev.portolan.host.HostKey.Kind.LOCAL || local.inventory() == null) continue;
            for (var c : local.inventory().containers().values()) {
                Map<String, String> labels = c.labels();
                if (!host.key().lab().equals(labels.get(dev.portolan.host.Ownership.LAB))
                        || !host.key().name().equals(labels.get(dev.portolan.host.Ownership.HOST))) continue;
                String cpus = labels.get(dev.portolan.host.Ownership.CPUS);
                String memory = labels.get(dev.portolan.host.Ownership.MEMORY);
                if (cpus != null) size[0] = StatusText.plural((int) Math.ceil(Double.parseDouble(cpus)), "CPU")
                        .replaceFirst("^\\d+", cpus.replaceFirst("\\.0$", ""));
                if (memory != null && memory.matches("\\d+")) size[1] = StatusText.bytes(Long.parseLong(memory));
            }
        }
        return size;
    }

    /** A host's streamed containers, added up. */
    private static final class Total {
        double cpu;
        long memory;
        int counted;

        void add(dev.portolan.inventory.ContainerStats latest) {
            cpu += latest.cpuPercent();
            memory += latest.memoryBytes();
            counted++;
        }
    }

    /** Few running containers on a host: all of them; many: those in view and those selected. None while hidden. */
    private Map<HostModel, Set<String>> wanted() {
        Map<HostModel, Set<String>> wanted = new HashMap<>();
        Layout layout = controller.layout();
        if (!picture.isShowing() || layout == null) return wanted;
        Rect inView = picture.visibleArea();
        for (HostModel host : hosts) {
            if (host.inventory() == null) continue;
            boolean few = host.inventory().runningCount() <= STATS_FOR_ALL;
            Set<String> ids = new HashSet<>();
            for (Card card : layout.cards()) {
                if (!card.host().equals(host.name()) || !card.container().isRunning() || card.isGhost()) continue;
                if (few || card.bounds().intersects(inView) || controller.selected().contains(card.key())) ids.add(card.container().id());
            }
            if (!ids.isEmpty()) wanted.put(host, ids);
        }
        return wanted;
    }
}
