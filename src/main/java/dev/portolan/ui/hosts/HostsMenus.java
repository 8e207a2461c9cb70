package dev.portolan.ui.hosts;

import dev.portolan.host.Ownership;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.inventory.HostStatus;
import dev.portolan.inventory.VolumeInfo;
import dev.portolan.ui.Confirmation;
import dev.portolan.ui.DialogService;
import dev.portolan.ui.model.HostModel;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/** The sidebar's "Add host" button, each host's context menu, and what can be done with a removed host's kept data. */
public final class HostsMenus {

    private final HostsController hosts;
    private final Supplier<Window> window;
    private final DialogService dialogs;
    private final List<java.util.function.BiFunction<HostModel, Window, List<MenuItem>>> extras = new java.util.ArrayList<>();

    public HostsMenus(HostsController hosts, Supplier<Window> window, DialogService dialogs) {
        this.hosts = hosts;
        this.window = window;
        this.dialogs = dialogs;
    }

    public MenuButton addHostButton() {
        MenuButton add = new MenuButton("Add host");
        add.setId("add-host");
        MenuItem simulated = new MenuItem("New simulated host…");
        simulated.setId("add-simulated");
        simulated.setOnAction(e -> newSimulatedHost());
        MenuItem endpoint = new MenuItem("Existing engine…");
        endpoint.setId("add-endpoint");
        endpoint.setOnAction(e -> AddEndpointDialog.ask(window.get(), hosts.contexts(), dialogs).ifPresent(hosts::addEndpoint));
        MenuItem machine = new MenuItem("docker-machine host…");
        machine.setId("add-machine");
        machine.setOnAction(e -> newMachine());
        add.getItems().addAll(simulated, endpoint, machine);
        return add;
    }

    /** docker-machine create, or where docker-machine is missing, a word on it and simulated hosts instead. */
    public void newMachine() {
        if (!hosts.machines().isInstalled()) {
            if (MachineCreateDialog.offerSimulated(window.get())) newSimulatedHost();
            return;
        }
        MachineCreateDialog.ask(window.get()).ifPresent(request -> {
            if (request.simulatedInstead()) {
                newSimulatedHost();
            } else {
                hosts.machines().create(request.name(), request.driver(), request.flags(),
                        new ProgressWindow(window.get(), "docker-machine create " + request.name()));
            }
        });
    }

    public void newSimulatedHost() {
        HostModel local = hosts.hosts().isEmpty() ? null : hosts.hosts().getFirst();
        var taken = hosts.hosts().stream().map(HostModel::name).collect(java.util.stream.Collectors.toSet());
        NewSimulatedHostDialog.ask(window.get(), local, taken).ifPresent(spec -> hosts.create(spec,
                new ProgressWindow(window.get(), "Creating " + spec.lab() + "/" + spec.name())));
    }

    /** Items the window adds to every host's menu (the troubleshooting tools), after its own. */
    public void addToMenus(java.util.function.BiFunction<HostModel, Window, List<MenuItem>> more) {
        extras.add(more);
    }

    /**
     * The menu of one host in the sidebar: what can be done to the host itself, by what it is and
     * what state it is in, then what the window adds (faults, logs, who talks to whom), as the
     * diagram's menu of the same host offers them.
     */
    public ContextMenu menu(HostModel host) {
        ContextMenu menu = new ContextMenu();
        menu.getItems().addAll(lifecycleItems(host));
        if (menu.getItems().isEmpty() && host.status() instanceof HostStatus.Failed) {
            menu.getItems().add(item("Dismiss", "host-dismiss", true, () -> hosts.dismiss(host)));
        }
        for (var group : extras) {
            List<MenuItem> more = group.apply(host, window.get());
            if (more.isEmpty()) continue;
            if (!menu.getItems().isEmpty()) menu.getItems().add(new SeparatorMenuItem());
            menu.getItems().addAll(more);
        }
        if (menu.getItems().isEmpty()) {
            menu.getItems().add(item("New simulated host…", "host-new", true, this::newSimulatedHost));
        }
        return menu;
    }

    /**
     * Start, stop, restart, renew, remove: what can be done to a simulated host, a machine or an
     * engine added by hand, by the state it is in. Empty for the local engine.
     */
    public List<MenuItem> lifecycleItems(HostModel host) {
        List<MenuItem> items = new java.util.ArrayList<>();
        SimulatedHost simulated = hosts.simulatedHost(host).orElse(null);
        if (simulated != null) {
            boolean running = simulated.isRunning();
            items.addAll(List.of(
                    item("Start host", "host-start", !running, () -> hosts.startSimulated(host)),
                    item("Stop host", "host-stop", running, () -> hosts.stopSimulated(host)),
                    item("Restart host", "host-restart", running, () -> hosts.restartSimulated(host)),
                    item("Renew certificates", "host-renew-certificates", running, () -> hosts.renewSimulated(host)),
                    new SeparatorMenuItem(),
                    item("Remove…", "host-remove", true, () -> RemoveHostDialog.ask(window.get(), host.name())
                            .ifPresent(keep -> hosts.removeSimulated(host, keep)))));
            List<String> labHosts = hosts.hosts().stream().map(hosts::simulatedHost).flatMap(java.util.Optional::stream)
                    .filter(h -> h.lab().equals(simulated.lab())).map(SimulatedHost::name).sorted().toList();
            if (labHosts.size() > 1) {
                items.add(item("Remove lab " + simulated.lab() + " (" + labHosts.size() + " hosts)…", "lab-remove", true,
                        () -> RemoveHostDialog.askLab(window.get(), simulated.lab(), labHosts)
                                .ifPresent(keep -> hosts.removeLab(simulated.lab(), keep))));
            }
        } else if (hosts.machines().machine(host).isPresent()) {
            var machine = hosts.machines().machine(host).get();
            boolean running = machine.isRunning();
            items.addAll(List.of(
                    item("Start machine", "machine-start", !running, () -> machineCommand(host, "start")),
                    item("Stop machine", "machine-stop", running, () -> machineCommand(host, "stop")),
                    item("Restart machine", "machine-restart", running, () -> machineCommand(host, "restart")),
                    item("Regenerate certificates", "machine-regenerate", true,
                            () -> machineCommand(host, "regenerate-certs")),
                    new SeparatorMenuItem(),
                    item("Remove…", "machine-remove", true, () -> {
                        if (dev.portolan.ui.Confirmation.ask(window.get(), "Remove the machine " + host.name() + "?",
                                "docker-machine rm deletes the VM " + host.name() + " and everything on it.", "Remove",
                                "confirm-remove-machine", true)) {
                            machineCommand(host, "rm");
                        }
                    })));
        } else if (hosts.isEndpoint(host)) {
            items.add(item("Remove from the list", "host-forget", true, () -> hosts.removeEndpoint(host)));
        }
        return items;
    }

    /**
     * For the data volume a destroy kept of a simulated host that is gone (no such host in the
     * list, so no engine is asked on the FX thread): remove it, asked first, with a word on
     * backing it up. Empty for any other volume.
     */
    public List<MenuItem> keptDataItems(String engine, VolumeInfo volume, Window owner) {
        var labels = volume.labels();
        if (!Ownership.HOST_DATA.equals(labels.get(Ownership.ROLE)) || !labels.containsKey(Ownership.LAB)
                || !labels.containsKey(Ownership.HOST) || !hosts.isLocal(engine)) {
            return List.of();
        }
        String lab = labels.get(Ownership.LAB);
        String host = labels.get(Ownership.HOST);
        if (hosts.hosts().stream().anyMatch(h -> h.name().equals(lab + "/" + host))) return List.of();
        return List.of(item("Remove the kept data of " + lab + "/" + host + "…", "kept-data-remove", true, () -> {
            if (Confirmation.ask(owner, "Remove the kept data of " + lab + "/" + host + "?", "What " + lab + "/" + host
                    + " held (its images, containers and volumes, all in " + volume.name() + ") is removed for good; applying"
                    + " the lab makes the host again from nothing. To keep a copy, choose Back up to a file… first.",
                    "Remove", "confirm-remove-kept-data", true)) {
                hosts.removeKeptData(lab, host);
            }
        }));
    }

    private void machineCommand(HostModel host, String verb) {
        hosts.machines().command(host, verb, new ProgressWindow(window.get(), "docker-machine " + verb + " " + host.name()));
    }

    private static MenuItem item(String text, String id, boolean enabled, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setDisable(!enabled);
        item.setOnAction(e -> action.run());
        return item;
    }
}
