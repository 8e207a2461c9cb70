package dev.portolan.ui;

import dev.portolan.host.HostKey;
import dev.portolan.host.faults.FaultBook;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.EngineEvent;
import dev.portolan.inventory.HostInventory;
import dev.portolan.operations.Faults;
import dev.portolan.operations.HostNotConnectedException;
import dev.portolan.operations.HostOperations;
import dev.portolan.operations.HostsByName;
import dev.portolan.operations.Probe;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.actions.ContainerActions;
import dev.portolan.ui.diagram.DiagramView;
import dev.portolan.ui.diagram.Marks;
import dev.portolan.ui.faults.FaultActions;
import dev.portolan.ui.faults.FaultsModel;
import dev.portolan.ui.faults.FaultsWindow;
import dev.portolan.ui.hosts.HostsController;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.probe.ProbeWindow;
import dev.portolan.ui.probe.TalkWindow;
import dev.portolan.ui.logs.MergedLogsWindow;
import dev.portolan.ui.stats.StatsDemand;
import dev.portolan.ui.stats.TopWindow;
import dev.portolan.ui.timeline.TimelineWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window's tools for breaking a cluster and finding out why it misbehaves: faults (their
 * model, menus and panel), the probe and its path, who can talk to whom, the events timeline,
 * merged logs, a host's top consumers — wired into the containers' and hosts' menus of the
 * diagram and the tables.
 */
final class Troubleshooting implements AutoCloseable {

    private final ObservableList<HostModel> hosts;
    private final HostsController controller;
    private final ActionRunner runner;
    private final FaultsModel faults;
    private final FaultActions faultActions;
    private DiagramView diagram;
    private final DialogService dialogs;
    private final StatsDemand stats;

    Troubleshooting(ObservableList<HostModel> hosts, HostsController controller, ActionRunner runner, Path configDir,
            DialogService dialogs, StatsDemand stats) {
        this.dialogs = dialogs;
        this.stats = stats;
        this.hosts = hosts;
        this.controller = controller;
        this.runner = runner;
        FaultBook book = new FaultBook(configDir);
        this.faults = new FaultsModel(() -> faultsNow(book), book);
        this.faultActions = new FaultActions(runner, faults, this::faultTargets);
        controller.whenHostsRemoved(faultActions::healOn);
    }

    /** Adds the tools to the diagram (marks, a host's items) and to every container's menu. */
    void addTo(DiagramView diagram, ContainerActions containers) {
        this.diagram = diagram;
        diagram.showFaults(faults);
        diagram.addToHostMenus(this::hostMenuItems);
        containers.openSeveralLogsWith((session, chosen, owner) -> {
            var operations = session.isConnected() ? session.operations() : null;
            openMergedLogs(owner, chosen.size() + " containers of " + session.model().name(), chosen.stream()
                    .map(c -> new MergedLogsWindow.Container(session.model().name(), c.name(), c.id(), operations)).toList());
        });
        containers.addToMenus((session, container, owner) -> {
            boolean simulated = session.model().key().kind() == HostKey.Kind.SIMULATED;
            MenuItem probe = new MenuItem("Can it reach…?");
            probe.setId("probe-open");
            probe.setDisable(!container.isRunning());
            String from = session.model().name() + "/" + container.name();
            probe.setOnAction(e -> openProbe(owner, from, null));
            return List.of(probe, faultActions.forContainer(session.model().name(), container, simulated, owner));
        });
    }

    private java.util.function.Consumer<String> openSwarm;

    FaultsModel faults() {
        return faults;
    }

    FaultActions faultActions() {
        return faultActions;
    }

    /** The Faults panel: what is in force, timers, Heal, Heal all. */
    Stage showFaults(Window owner) {
        return FaultsWindow.show(owner, faultActions);
    }

    /** The events timeline; selecting an event selects its container on the diagram ({@code showDiagram} first). */
    Stage showEvents(Window owner, Runnable showDiagram) {
        return TimelineWindow.show(owner, controller.events(), event -> reveal(event, showDiagram), dialogs);
    }

    /** Selects an event's container (or host) on the diagram; says what it did, or why it could not. */
    private String reveal(EngineEvent event, Runnable showDiagram) {
        HostModel host = hosts.stream().filter(h -> h.name().equals(event.host())).findFirst().orElse(null);
        if (host == null) return event.host() + " is no longer watched.";
        String lost = host.isLive() ? "" : " (" + host.name() + " is not live: its last known state is shown)";
        String id = event.isContainer() ? event.id() : event.attributes().get("container");
        showDiagram.run();
        diagram.reveal(host);
        if (id == null) return "Showing " + host.name() + lost;
        ContainerInfo container = host.inventory() == null ? null : host.inventory().containers().get(id);
        if (container == null) return event.subject() + " is no longer on " + host.name() + lost;
        diagram.select(host.name() + "/" + id);
        return "Selected " + container.name() + " on the diagram" + lost;
    }

    /** Each host's operations by name, as the window knows the hosts now (FX thread); each uses its connection of the moment. */
    public HostsByName hostsByNameNow() {
        Map<String, HostOperations> byName = new HashMap<>();
        for (HostModel host : hosts) controller.session(host).ifPresent(s -> byName.put(host.name(), s.operations()));
        return name -> {
            HostOperations operations = byName.get(name);
            if (operations == null) throw new HostNotConnectedException(name);
            return operations;
        };
    }

    /**
     * Each host's operations by name for work off the FX thread (a tour's steps): every call
     * reads the window's hosts on the FX thread (the caller waits for it, never the other way
     * round) and uses that host's connection of the moment.
     */
    public HostsByName hostsByName() {
        return name -> {
            if (Platform.isFxApplicationThread()) return hostsByNameNow().operations(name);
            CompletableFuture<HostsByName> now = new CompletableFuture<>();
            Platform.runLater(() -> now.complete(hostsByNameNow()));
            return now.join().operations(name);
        };
    }

    /**
     * Fault operations over the hosts as the window knows them now: the host list is read on
     * the FX thread (asked from elsewhere, the asking thread waits for the FX thread, never
     * the other way round).
     */
    private Faults faultsNow(FaultBook book) {
        if (Platform.isFxApplicationThread()) return new Faults(controller.localEngine(), hostsByNameNow(), book, Clock.systemUTC());
        CompletableFuture<Faults> made = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                made.complete(faultsNow(book));
            } catch (RuntimeException e) {
                made.completeExceptionally(e);
            }
        });
        return made.join();
    }

    /**
     * A host's own items on the diagram: its top consumers and its containers' logs, merged; for a simulated
     * host also its faults, who talks to whom in its lab, and the lab's logs, merged.
     */
    List<MenuItem> hostMenuItems(String host, Window owner) {
        HostModel model = hosts.stream().filter(h -> h.name().equals(host)).findFirst().orElse(null);
        if (model == null) return List.of();
        List<MenuItem> items = new java.util.ArrayList<>(troubleshootingItems(model, host, owner));
        if (openSwarm != null && model.inventory() != null && "active".equals(model.inventory().facts().swarmState())) {
            MenuItem swarm = new MenuItem("Its Swarm: nodes, services, tasks…");
            swarm.setId("swarm-open");
            swarm.setOnAction(e -> openSwarm.accept(model.key().lab() == null || model.key().lab().isEmpty() ? host : model.key().lab()));
            items.addFirst(swarm);
        }
        return items;
    }

    /** Where a host's menu opens its Swarm (the window's Swarm view), by lab or host name. */
    void openSwarmWith(java.util.function.Consumer<String> open) {
        this.openSwarm = open;
    }

    private List<MenuItem> troubleshootingItems(HostModel model, String host, Window owner) {
        MenuItem hostLogs = new MenuItem("Logs of its containers, merged…");
        hostLogs.setId("merged-logs-host");
        hostLogs.setDisable(model.containers().isEmpty());
        hostLogs.setOnAction(e -> openMergedLogs(owner, host, containersOf(h -> h == model)));
        MenuItem top = new MenuItem("Top consumers…");
        top.setId("top-open");
        top.setOnAction(e -> controller.session(model).ifPresent(s -> TopWindow.open(owner, model, s, stats)));
        if (model.key().kind() != HostKey.Kind.SIMULATED) return List.of(top, hostLogs);
        String lab = model.key().lab();
        MenuItem labLogs = new MenuItem("Logs of lab " + lab + ", merged…");
        labLogs.setId("merged-logs-lab");
        labLogs.setOnAction(e -> openMergedLogs(owner, "lab " + lab, containersOf(h -> lab.equals(h.key().lab()))));
        MenuItem talk = new MenuItem("Who can talk to whom in " + lab + "…");
        talk.setId("talk-open");
        talk.setOnAction(e -> {
            Map<String, HostInventory> inventories = new TreeMap<>();
            for (HostModel h : hosts) {
                if (lab.equals(h.key().lab()) && h.inventory() != null) inventories.put(h.name(), h.inventory());
            }
            TalkWindow.show(owner, "lab " + lab, inventories, (from, to) -> openProbe(owner, from, to));
        });
        return List.of(faultActions.forHost(host, owner), talk, top, hostLogs, labLogs);
    }

    private void openMergedLogs(Window owner, String what, List<MergedLogsWindow.Container> containers) {
        MergedLogsWindow.open(owner, what, containers, dialogs);
    }

    /** The containers of the hosts {@code which} accepts, by host then name, each with its host's operations (FX thread). */
    private List<MergedLogsWindow.Container> containersOf(java.util.function.Predicate<HostModel> which) {
        List<MergedLogsWindow.Container> out = new ArrayList<>();
        for (HostModel host : hosts) {
            if (!which.test(host) || host.inventory() == null) continue;
            var operations = controller.session(host).filter(s -> s.isConnected()).map(s -> s.operations()).orElse(null);
            host.inventory().containers().values().stream().sorted(java.util.Comparator.comparing(ContainerInfo::name))
                    .forEach(c -> out.add(new MergedLogsWindow.Container(host.name(), c.name(), c.id(), operations)));
        }
        return out;
    }


    /** The probe window from a container (HOST/NAME), probing {@code to} at once when given. */
    void openProbe(Window owner, String from, String to) {
        ProbeWindow.show(owner, from, to, probeTargets(),
                () -> new Probe(controller.localEngine(), hostsByNameNow()), this::hostsByNameNow, runner,
                result -> diagram.showProbe(result == null ? null : new Marks.ProbePath(result.from(), result.to(), result.reaches(),
                        result.checks().stream().map(c -> (c.passed() ? "✓ " : "✗ ") + c.what()).toList())));
    }

    /**
     * What a probe's other end can be: every running container of every host, as HOST/NAME,
     * but the simulated hosts' own containers, which the diagram draws as hosts (FX thread).
     */
    private List<String> probeTargets() {
        List<String> targets = new ArrayList<>();
        for (HostModel host : hosts) {
            host.containers().stream().filter(c -> c.isRunning() && !dev.portolan.host.Ownership.isSimulatedHost(c.labels()))
                    .forEach(c -> targets.add(host.name() + "/" + c.name()));
        }
        return targets;
    }

    /** What a cut's other end can be: the simulated hosts, and the containers running on them (FX thread). */
    private List<String> faultTargets() {
        List<String> targets = new ArrayList<>();
        for (HostModel host : hosts) {
            if (host.key().kind() != HostKey.Kind.SIMULATED) continue;
            targets.add(host.name());
            host.containers().stream().filter(c -> c.state() == ContainerInfo.State.RUNNING)
                    .forEach(c -> targets.add(host.name() + "/" + c.name()));
        }
        return targets;
    }

    @Override
    public void close() {
        faults.close();
    }
}
