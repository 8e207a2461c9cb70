package dev.portolan.ui.hosts;

import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.host.HostKey;
import dev.portolan.host.Progress;
import dev.portolan.host.endpoints.SavedEndpoints;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHostSpec;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.inventory.EventLog;
import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.HostStatus;
import dev.portolan.operations.HostRegistry;
import dev.portolan.operations.LocalEngine;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every host in the sidebar and the session that watches it: the local engine, the
 * simulated hosts found on it (started and stopped as their containers are), and the
 * endpoints the user added. FX thread only; engine work goes through the ActionRunner.
 */
public final class HostsController {

    private final ObservableList<HostModel> hosts =
            FXCollections.observableArrayList(h -> new Observable[] {h.statusProperty(), h.inventoryProperty()});
    private final Map<HostKey, HostModel> byKey = new LinkedHashMap<>();
    private final Map<HostModel, HostSession> sessions = new HashMap<>();
    /** Every watched host's engine events, for the timeline. */
    private final EventLog events = new EventLog();
    private final Map<HostModel, SimulatedHost> simulated = new HashMap<>();
    private final Set<HostKey> creating = new HashSet<>();
    /** Why the last start of a simulated host failed (its engine's log), until it is started again. */
    private final Map<HostKey, String> startFailures = new HashMap<>();
    private final ActionRunner runner;
    private volatile java.util.function.Consumer<String> hostsRemoved = removed -> { };
    private final Path configDir;
    private final DockerContexts contexts;
    private final SavedEndpoints saved;
    private final HostRegistry registry;
    private HostModel local;
    private final MachineHosts machines;

    public HostsController(ActionRunner runner, Path configDir, DockerContexts contexts) {
        this.runner = runner;
        this.configDir = configDir;
        this.contexts = contexts;
        this.machines = new MachineHosts(this, MachineHosts.findCli());
        this.registry = new HostRegistry(configDir, machines.cli());
        this.saved = registry.saved();
    }

    public ObservableList<HostModel> hosts() {
        return hosts;
    }

    public Optional<HostSession> session(HostModel host) {
        return Optional.ofNullable(sessions.get(host));
    }

    /** Whether {@code name} is the local engine's, where simulated hosts and their kept data live. */
    public boolean isLocal(String name) {
        return local != null && local.name().equals(name);
    }

    public Optional<SimulatedHost> simulatedHost(HostModel host) {
        return Optional.ofNullable(simulated.get(host));
    }

    /** The engine events of every host watched, newest last. */
    public EventLog events() {
        return events;
    }

    public DockerContexts contexts() {
        return contexts;
    }

    HostModel byKey(HostKey key) {
        return byKey.get(key);
    }

    /** Takes a host out of the sidebar and stops watching it. */
    void drop(HostKey key) {
        HostModel model = byKey.remove(key);
        if (model == null) return;
        unwatch(model, new HostStatus.Offline(Instant.now(), "removed"));
        hosts.remove(model);
    }

    ActionRunner runner() {
        return runner;
    }

    public MachineHosts machines() {
        return machines;
    }

    /** Watches the local engine; simulated hosts are found in its inventory. */
    public HostModel watchLocal(EngineEndpoint endpoint) {
        local = new HostModel(HostKey.local(), "local engine", endpoint);
        add(local);
        watch(local, endpoint);
        local.inventoryProperty().addListener((obs, old, inventory) -> reconcile(inventory));
        saved.load().forEach(this::showEndpoint);
        machines.refresh();
        return local;
    }

    void add(HostModel model) {
        byKey.put(model.key(), model);
        hosts.add(model);
    }

    void watch(HostModel model, EngineEndpoint endpoint) {
        HostSession old = sessions.remove(model);
        if (old != null) old.close();
        sessions.put(model, HostSession.watch(model, endpoint, events));
    }

    void unwatch(HostModel model, HostStatus status) {
        HostSession old = sessions.remove(model);
        if (old != null) old.close();
        model.setStatus(status);
    }

    /** Brings the simulated hosts in the sidebar in line with what the local engine runs. */
    private void reconcile(HostInventory localInventory) {
        Map<HostKey, SimulatedHost> found = registry.simulated(localInventory);
        found.forEach((key, host) -> {
            if (creating.contains(key)) return;
            HostModel model = byKey.get(key);
            if (model == null) {
                model = new HostModel(key, "simulated host", host.endpoint());
                add(model);
            }
            SimulatedHost before = simulated.put(model, host);
            model.providerDetailProperty().set(HostRegistry.detail(host));
            boolean portChanged = before == null || before.apiPort() != host.apiPort();
            if (host.isRunning() && host.apiPort() > 0) {
                if (portChanged || !sessions.containsKey(model)) {
                    var container = localInventory.containers().get(host.containerId());
                    if (container != null) startedAt(container).ifPresent(model::startingSince);
                    watch(model, host.endpoint());
                }
            } else if (!host.isRunning()) {
                String failure = startFailures.get(key);
                if (failure != null) {
                    if (!(model.status() instanceof HostStatus.Failed f && f.reason().equals(failure))) {
                        unwatch(model, new HostStatus.Failed(Instant.now(), failure));
                    }
                } else if (sessions.containsKey(model) || !(model.status() instanceof HostStatus.Offline)) {
                    unwatch(model, new HostStatus.Offline(Instant.now(),
                            host.state().equals("exited") ? "stopped" : host.state()));
                }
            }
        });
        for (var entry : Map.copyOf(simulated).entrySet()) {
            HostKey key = entry.getKey().key();
            if (!found.containsKey(key) && !creating.contains(key)) forget(entry.getKey());
        }
    }

    /**
     * When a container last started. Read from its start event alone, before the engine is asked
     * again, it still carries the never-started time: then its creation, seconds ago, stands in.
     */
    private static java.util.Optional<Instant> startedAt(dev.portolan.inventory.ContainerInfo c) {
        Instant started = c.startedAt();
        if (started != null && c.created() != null && !started.isBefore(c.created())) return java.util.Optional.of(started);
        return java.util.Optional.ofNullable(c.created());
    }

    private void forget(HostModel model) {
        unwatch(model, new HostStatus.Offline(Instant.now(), "removed"));
        simulated.remove(model);
        byKey.values().remove(model);
        hosts.remove(model);
    }

    private Optional<SimulatedHosts> simulatedHosts() {
        return session(local).filter(HostSession::isConnected).map(s -> s.asLocalEngine(configDir, contexts).simulatedHosts());
    }

    /**
     * The local engine with its simulated hosts and labs (the same defaults as the command
     * line's); its operations say so when it is not connected.
     */
    public LocalEngine localEngine() {
        return session(local).map(s -> s.asLocalEngine(configDir, contexts))
                .orElseGet(() -> new LocalEngine("local engine", null, () -> null, configDir, contexts));
    }

    /** Makes a simulated host; its steps go to {@code window}, which can cancel. */
    public void create(SimulatedHostSpec spec, ProgressWindow window) {
        HostKey key = HostKey.simulated(spec.lab(), spec.name());
        SimulatedHosts provider = simulatedHosts().orElse(null);
        if (provider == null) {
            window.failed("The local engine is not connected, and simulated hosts run on it. Start Docker first.");
            return;
        }
        HostModel model = byKey.get(key);
        if (model == null) {
            model = new HostModel(key, "simulated host", null);
            add(model);
        }
        HostModel placeholder = model;
        creating.add(key);
        placeholder.setStatus(new HostStatus.Creating(Instant.now(), "starting"));
        Progress progress = window.progress(step -> placeholder.setStatus(new HostStatus.Creating(Instant.now(), step)));
        runner.run("Creating " + key + "…", "Created " + key, "Create " + key, () -> provider.create(spec, progress),
                host -> {
                    creating.remove(key);
                    window.done("Ready: " + host.contextName() + " (" + host.privilege() + ")");
                    reconcile(local.inventory());
                },
                error -> {
                    creating.remove(key);
                    window.failed(error);
                    if (progress.isCancelled()) forget(placeholder);
                    else placeholder.setStatus(new HostStatus.Failed(Instant.now(), error));
                });
    }

    /** Whether the window can offer to start this host: a simulated host that is not running. */
    public boolean canStart(HostModel model) {
        SimulatedHost host = simulated.get(model);
        return host != null && !host.isRunning();
    }

    /**
     * Starts a stopped simulated host (the sidebar's menu and the host's Start button). When
     * it fails, the host shows why, with the end of its engine's log and what to do, until
     * the next start.
     */
    public void startSimulated(HostModel model) {
        HostKey key = model.key();
        simulatedAction(model, "Starting", "Started", (provider, host) -> provider.start(host, Progress.NONE),
                () -> {
                    startFailures.remove(key);
                    model.setStatus(new HostStatus.Creating(Instant.now(), "starting its engine"));
                },
                error -> {
                    startFailures.put(key, error);
                    unwatch(model, new HostStatus.Failed(Instant.now(), error));
                });
    }

    public void stopSimulated(HostModel model) {
        simulatedAction(model, "Stopping", "Stopped", (provider, host) -> {
            provider.stop(host);
            return host;
        });
    }

    public void restartSimulated(HostModel model) {
        simulatedAction(model, "Restarting", "Restarted", (provider, host) -> provider.restart(host, Progress.NONE));
    }

    /** New certificates from its lab's CA, its engine restarted to use them; its containers are kept. */
    public void renewSimulated(HostModel model) {
        simulatedAction(model, "Renewing the certificates of", "New certificates for", (provider, host) ->
                provider.renewCertificates(host, Progress.NONE));
    }

    public void removeSimulated(HostModel model, boolean keepData) {
        simulatedAction(model, "Removing", "Removed", (provider, host) -> {
            provider.remove(host, keepData);
            hostsRemoved.accept(host.lab() + "/" + host.name());
            return host;
        });
    }

    /**
     * What to do, on the removal's own thread, once simulated hosts are removed: {@code removed}
     * gets a lab's name (all its hosts) or one LAB/HOST. The window heals their faults there.
     */
    public void whenHostsRemoved(java.util.function.Consumer<String> removed) {
        this.hostsRemoved = removed;
    }

    /**
     * Removes every simulated host of {@code lab} side by side, then its network, as
     * `portolan destroy LAB` does: for a lab whose file is not open (a tour's, left running).
     */
    public void removeLab(String lab, boolean keepData) {
        onLocalEngine("the hosts of " + lab + " run on it", "Removing lab " + lab + "…",
                "Removed lab " + lab + (keepData ? " (its hosts' data volumes are kept)" : ""), "Remove lab " + lab, engine -> {
                    engine.labs().destroy(lab, !keepData, dev.portolan.host.Progress.NONE);
                    hostsRemoved.accept(lab);
                    return lab;
                }, removed -> reconcile(local.inventory()));
    }

    /** Removes the data volume a destroy kept of LAB/HOST (whose container is gone), with the lab's CA once nothing is left. */
    public void removeKeptData(String lab, String host) {
        onLocalEngine("the kept data of " + lab + "/" + host + " is on it", "Removing the kept data of " + lab + "/" + host + "…",
                "Removed the kept data of " + lab + "/" + host, "Remove the kept data of " + lab + "/" + host, engine -> {
                    engine.simulatedHosts().removeKeptData(lab, host);
                    return host;
                }, removed -> { });
    }

    /**
     * Runs {@code work} on the local engine in the background, through the runner; while the
     * engine is not connected, says so instead, naming {@code whatIsOnIt}.
     */
    private <T> void onLocalEngine(String whatIsOnIt, String doing, String done, String what,
            java.util.function.Function<LocalEngine, T> work, java.util.function.Consumer<T> then) {
        if (simulatedHosts().isEmpty()) {
            runner.say(new ActionRunner.Message("The local engine is not connected; " + whatIsOnIt + ". Start Docker first.", true));
            return;
        }
        LocalEngine engine = localEngine();
        runner.run(doing, done, what, () -> work.apply(engine), then);
    }

    private void simulatedAction(HostModel model, String doing, String done,
            java.util.function.BiFunction<SimulatedHosts, SimulatedHost, SimulatedHost> action) {
        simulatedAction(model, doing, done, action, () -> { }, null);
    }

    /**
     * Runs a provider action on a simulated host: {@code starting} once it can run (the local
     * engine is connected), {@code failed} with the sentence when it fails.
     */
    private void simulatedAction(HostModel model, String doing, String done,
            java.util.function.BiFunction<SimulatedHosts, SimulatedHost, SimulatedHost> action, Runnable starting,
            java.util.function.Consumer<String> failed) {
        SimulatedHost host = simulated.get(model);
        SimulatedHosts provider = simulatedHosts().orElse(null);
        if (host == null || provider == null) {
            runner.say(new ActionRunner.Message("The local engine is not connected; "
                    + model.name() + " runs on it. Start Docker first.", true));
            return;
        }
        starting.run();
        runner.run(doing + " " + model.name() + "…", done + " " + model.name(), doing + " " + model.name(),
                () -> action.apply(provider, host), started -> reconcile(local.inventory()), failed);
    }

    /** Adds an endpoint to the sidebar and remembers it across restarts. */
    public void addEndpoint(EngineEndpoint endpoint) {
        if (byKey.containsKey(HostKey.endpoint(endpoint.name()))) {
            runner.say(new ActionRunner.Message("There is already a host named " + endpoint.name() + ".", true));
            return;
        }
        saved.add(endpoint);
        showEndpoint(endpoint);
    }

    private void showEndpoint(EngineEndpoint endpoint) {
        HostModel model = new HostModel(HostKey.endpoint(endpoint.name()), endpoint.source(), endpoint);
        add(model);
        watch(model, endpoint);
    }

    public boolean isEndpoint(HostModel model) {
        return model.key().kind() == HostKey.Kind.ENDPOINT && byKey.get(model.key()) == model;
    }

    /** Removes an added endpoint from the sidebar (the engine itself is not touched). */
    public void removeEndpoint(HostModel model) {
        saved.remove(model.name());
        unwatch(model, new HostStatus.Offline(Instant.now(), "removed"));
        byKey.values().remove(model);
        hosts.remove(model);
    }

    /** Drops a host whose creation failed from the sidebar. */
    public void dismiss(HostModel model) {
        if (model.status() instanceof HostStatus.Failed) forget(model);
    }

    public void close() {
        sessions.values().forEach(HostSession::close);
        sessions.clear();
    }
}
