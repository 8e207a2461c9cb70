package dev.portolan.ui.faults;

import dev.portolan.app.Durations;
import dev.portolan.host.faults.FaultSpec;
import dev.portolan.host.faults.FaultSpec.Target;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.operations.Faults;
import dev.portolan.ui.actions.ActionRunner;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/**
 * The diagram's Faults menus: on a simulated host (stop, kill, pause, kill or restart its
 * engine, cut, drop, delay) and on a container of any host (kill, stop, pause, disconnect;
 * cut, drop, delay where its host is simulated). A quick fault is one click with how long it
 * lasts; the network ones ask their details in a small dialog.
 */
public final class FaultActions {

    /** How long a quick fault lasts: until healed, or one of these. */
    static final List<Duration> QUICK = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1));

    private final ActionRunner runner;
    private final FaultsModel model;
    private final Supplier<List<String>> targets;

    /**
     * @param targets the simulated hosts and the containers on them, as a cut's other end can be named
     */
    public FaultActions(ActionRunner runner, FaultsModel model, Supplier<List<String>> targets) {
        this.runner = runner;
        this.model = model;
        this.targets = targets;
    }

    public FaultsModel model() {
        return model;
    }

    /** Faults on a simulated host. */
    public Menu forHost(String host, Window owner) {
        Menu menu = new Menu("Faults");
        menu.setId("faults-host");
        Target target = Target.host(host);
        menu.getItems().addAll(
                quick("Stop", "fault-stop", new FaultSpec.HostFault(host, FaultSpec.HostAction.STOP)),
                quick("Kill", "fault-kill", new FaultSpec.HostFault(host, FaultSpec.HostAction.KILL)),
                quick("Pause", "fault-pause", new FaultSpec.HostFault(host, FaultSpec.HostAction.PAUSE)),
                now("Kill its engine", "fault-kill-engine", new FaultSpec.HostFault(host, FaultSpec.HostAction.KILL_ENGINE)),
                now("Restart its engine", "fault-restart-engine", new FaultSpec.HostFault(host, FaultSpec.HostAction.RESTART_ENGINE)),
                new SeparatorMenuItem());
        menu.getItems().addAll(networkItems(target, owner));
        return menu;
    }

    /** Faults on a container; the network ones only where its host is simulated (Portolan reaches its namespace there). */
    public Menu forContainer(String host, ContainerInfo container, boolean onSimulatedHost, Window owner) {
        Menu menu = new Menu("Faults");
        menu.setId("faults-container");
        Target target = new Target(host, container.name());
        menu.getItems().addAll(
                quick("Kill", "fault-kill", new FaultSpec.ContainerFault(target, FaultSpec.ContainerAction.KILL, null, null)),
                quick("Stop", "fault-stop", new FaultSpec.ContainerFault(target, FaultSpec.ContainerAction.STOP, null, null)),
                quick("Pause", "fault-pause", new FaultSpec.ContainerFault(target, FaultSpec.ContainerAction.PAUSE, null, null)));
        if (!container.networks().isEmpty()) {
            MenuItem disconnect = new MenuItem("Disconnect from a network…");
            disconnect.setId("fault-disconnect");
            disconnect.setOnAction(e -> FaultDialog.disconnect(owner, target,
                    container.networks().stream().map(ContainerInfo.NetworkAttachment::network).toList()).ifPresent(this::inject));
            menu.getItems().add(disconnect);
        }
        menu.getItems().add(new SeparatorMenuItem());
        List<MenuItem> network = networkItems(target, owner);
        if (!onSimulatedHost) {
            network.forEach(i -> i.setDisable(true));
            MenuItem why = new MenuItem("Network faults reach containers on simulated hosts");
            why.setDisable(true);
            network.add(why);
        }
        menu.getItems().addAll(network);
        return menu;
    }

    private List<MenuItem> networkItems(Target target, Window owner) {
        MenuItem cut = new MenuItem("Cut from…");
        cut.setId("fault-cut");
        cut.setOnAction(e -> FaultDialog.cut(owner, target, targets.get()).ifPresent(this::inject));
        MenuItem drop = new MenuItem("Drop packets…");
        drop.setId("fault-drop");
        drop.setOnAction(e -> FaultDialog.drop(owner, target).ifPresent(this::inject));
        MenuItem delay = new MenuItem("Add latency…");
        delay.setId("fault-delay");
        delay.setOnAction(e -> FaultDialog.delay(owner, target).ifPresent(this::inject));
        Faults.Netem netem = model.netemProperty().get();
        if (netem != null && !netem.available()) {
            delay.setText("Add latency… (" + (netem.why().contains("kernel has no netem") ? "this kernel has no netem" : "unavailable") + ")");
            delay.setDisable(true);
        }
        model.probeNetem();
        return new java.util.ArrayList<>(List.of(cut, drop, delay));
    }

    /** A fault with a submenu of how long: until healed, 10 s, 30 s, 1 min. */
    private Menu quick(String text, String id, FaultSpec spec) {
        Menu menu = new Menu(text);
        menu.setId(id);
        MenuItem forever = new MenuItem("Until healed");
        forever.setId(id + "-until-healed");
        forever.setOnAction(e -> inject(new FaultDialog.Request(spec, null)));
        menu.getItems().add(forever);
        for (Duration d : QUICK) {
            MenuItem item = new MenuItem("For " + Durations.format(d));
            item.setId(id + "-" + d.toSeconds() + "s");
            item.setOnAction(e -> inject(new FaultDialog.Request(spec, d)));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** A momentary fault: it has no duration (the engine comes back by itself). */
    private MenuItem now(String text, String id, FaultSpec spec) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> inject(new FaultDialog.Request(spec, null)));
        return item;
    }

    /** Injects off the FX thread; the status bar says what happened, or why it could not. */
    public void inject(FaultDialog.Request request) {
        String what = request.spec().describe();
        Faults faults = model.faults();
        runner.run(capital(what) + "…", null, capital(what), () -> faults.inject(request.spec(), request.duration()),
                injected -> {
                    runner.say(new ActionRunner.Message(injected.outcome() + (request.duration() == null
                            || request.spec().isMomentary() ? "" : " Heals in " + Durations.format(request.duration()) + "."),
                            false));
                    model.refreshNow();
                });
    }

    /** Switches on a lab's named list: every fault, or, when one cannot be made, none (those made are healed). */
    public void injectAll(String name, List<FaultSpec> specs) {
        Faults faults = model.faults();
        runner.run("Switching on " + name + "…", null, "Switch on " + name, () -> faults.injectAll(specs, null), made -> {
            runner.say(new ActionRunner.Message(name + " is on: " + String.join(" ", made.stream().map(Faults.Injected::outcome)
                    .toList()), false));
            model.refreshNow();
        });
    }

    /**
     * Heals the faults of hosts just removed ({@code hosts}: a lab, or one LAB/HOST), so none
     * stays listed for a host that is gone. It blocks: call it from the removal's own work,
     * off the FX thread; the panel reads the list again.
     */
    public List<String> healOn(String hosts) {
        try {
            return model.faults().healOn(hosts);
        } catch (RuntimeException e) {
            // the hosts are removed all the same; their faults are listed until healed by hand
            org.slf4j.LoggerFactory.getLogger(FaultActions.class).warn("faults on {} not healed: {}", hosts, e.getMessage());
            return List.of();
        } finally {
            model.refreshNow();
        }
    }

    /** Heals one fault, or all (id null), off the FX thread. */
    public void heal(String id) {
        Faults faults = model.faults();
        runner.run(id == null ? "Healing every fault…" : "Healing…", null, id == null ? "Heal all" : "Heal",
                () -> id == null ? faults.healAll() : List.of(faults.heal(id)),
                done -> {
                    List<String> healed = done.stream().filter(d -> !d.startsWith("could not")).toList();
                    List<String> problems = done.stream().filter(d -> d.startsWith("could not")).toList();
                    String text = (healed.isEmpty() ? "" : "Healed: " + String.join("; ", healed) + ". ")
                            + (problems.isEmpty() ? "" : "C" + String.join("; ", problems).substring(1) + ".");
                    runner.say(new ActionRunner.Message(text.isEmpty() ? "No faults were in force." : text.strip(),
                            !problems.isEmpty()));
                    model.refreshNow();
                });
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
