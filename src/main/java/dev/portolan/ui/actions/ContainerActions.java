package dev.portolan.ui.actions;

import dev.portolan.operations.HostOperations;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.ContainerInfo.State;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/**
 * The container actions of the tables and menus: each runs off the FX thread through
 * the {@link ActionRunner}, which says how it went.
 */
public final class ContainerActions {

    private final ActionRunner runner;

    public ContainerActions(ActionRunner runner) {
        this.runner = runner;
    }

    public ActionRunner runner() {
        return runner;
    }

    /** One action on one or more containers of a host. */
    public enum Action {
        START("Start", "Starting", "Started"),
        STOP("Stop", "Stopping", "Stopped"),
        RESTART("Restart", "Restarting", "Restarted"),
        PAUSE("Pause", "Pausing", "Paused"),
        UNPAUSE("Unpause", "Unpausing", "Unpaused"),
        KILL("Kill", "Killing", "Killed");

        public final String label;
        final String doing;
        final String done;

        Action(String label, String doing, String done) {
            this.label = label;
            this.doing = doing;
            this.done = done;
        }

        /** Whether the action makes sense for a container in this state. */
        public boolean appliesTo(State state) {
            return switch (this) {
                case START -> state == State.CREATED || state == State.EXITED || state == State.DEAD;
                case STOP, KILL -> state == State.RUNNING || state == State.RESTARTING || state == State.PAUSED;
                case RESTART -> state != State.REMOVING;
                case PAUSE -> state == State.RUNNING;
                case UNPAUSE -> state == State.PAUSED;
            };
        }

        void on(HostOperations ops, String id) {
            switch (this) {
                case START -> ops.start(id);
                case STOP -> ops.stop(id);
                case RESTART -> ops.restart(id);
                case PAUSE -> ops.pause(id);
                case UNPAUSE -> ops.unpause(id);
                case KILL -> ops.kill(id);
            }
        }
    }

    public void apply(HostSession host, Action action, List<ContainerInfo> containers) {
        if (containers.isEmpty()) return;
        withOps(host, ops -> {
            String names = names(containers);
            runner.run(action.doing + " " + names + "…", action.done + " " + names, action.label + " " + names, () -> {
                for (ContainerInfo c : containers) action.on(ops, c.id());
                return null;
            }, null);
        });
    }

    /** Asks first; removes the containers, and their anonymous volumes only if ticked. */
    public void remove(HostSession host, List<ContainerInfo> containers, Window owner) {
        if (containers.isEmpty()) return;
        RemoveDialog.ask(owner, containers).ifPresent(withVolumes -> withOps(host, ops -> {
            String names = names(containers);
            runner.run("Removing " + names + "…", "Removed " + names, "Remove " + names, () -> {
                for (ContainerInfo c : containers) ops.remove(c.id(), withVolumes);
                return null;
            }, null);
        }));
    }

    /**
     * Connects a container to a network or disconnects it, as a drag on the diagram asks;
     * {@code done} gets the way back (the opposite call), for Undo.
     */
    public void attach(HostSession host, ContainerInfo container, String network, boolean connect,
            Consumer<Runnable> done) {
        withOps(host, ops -> {
            String what = (connect ? "Connect " : "Disconnect ") + container.name() + (connect ? " to " : " from ") + network;
            runner.run((connect ? "Connecting " : "Disconnecting ") + container.name() + (connect ? " to " : " from ")
                    + network + "…", (connect ? "Connected " : "Disconnected ") + container.name()
                    + (connect ? " to " : " from ") + network + ". Ctrl+Z undoes it.", what, () -> {
                        if (connect) ops.connect(container.id(), network);
                        else ops.disconnect(container.id(), network);
                        return null;
                    }, ignored -> done.accept(() -> attach(host, container, network, !connect, again -> {})));
        });
    }

    public void logs(HostSession host, ContainerInfo container) {
        withOps(host, ops -> LogsWindow.open(host.model().name(), container, ops, runner));
    }

    public void exec(HostSession host, ContainerInfo container, Window owner) {
        withOps(host, ops -> ExecDialog.open(owner, container, ops, runner));
    }

    public void run(HostSession host, Window owner) {
        if (host == null) {
            Unavailable.say(runner, null);
            return;
        }
        if (host.isConnected()) RunDialog.open(owner, host.model(), host.operations(), runner);
        else Unavailable.say(runner, host);
    }

    /**
     * More items for one container's menu, wherever the menu shows (the tables, the diagram):
     * the window adds its Faults menu and the container's stack this way.
     */
    public void addToMenus(MoreItems more) {
        this.more.add(more);
    }

    /** The items another room adds to one container's menu. */
    @FunctionalInterface
    public interface MoreItems {
        List<MenuItem> forContainer(HostSession host, ContainerInfo container, Window owner);
    }

    private final List<MoreItems> more = new java.util.ArrayList<>();
    private SeveralLogs severalLogs;

    /** Opens the logs of several containers of one host, merged (the window's merged logs). */
    @FunctionalInterface
    public interface SeveralLogs {
        void open(HostSession host, List<ContainerInfo> containers, Window owner);
    }

    /** With several containers selected, "Logs" opens their logs merged, through {@code open}. */
    public void openSeveralLogsWith(SeveralLogs open) {
        this.severalLogs = open;
    }

    /** The context menu of a container, wherever it is shown. */
    public ContextMenu menu(HostSession host, List<ContainerInfo> selected, Window owner) {
        return menu(host == null ? null : host.model(), host, selected, owner);
    }

    /**
     * As above, {@code model} the host the containers are on: while it has no session
     * ({@code host} null: stopped, lost) its last known containers still have a menu, which
     * says why they cannot be acted on, first, and greys their actions.
     */
    public ContextMenu menu(HostModel model, HostSession host, List<ContainerInfo> selected, Window owner) {
        ContextMenu menu = new ContextMenu();
        boolean connected = host != null && host.isConnected();
        if (!connected) menu.getItems().addAll(Unavailable.heading(model, "container-host-unavailable"));
        for (Action action : Action.values()) {
            MenuItem item = new MenuItem(action.label);
            item.setDisable(!connected || selected.stream().noneMatch(c -> action.appliesTo(c.state())));
            item.setOnAction(e -> apply(host, action, selected.stream().filter(c -> action.appliesTo(c.state())).toList()));
            menu.getItems().add(item);
        }
        MenuItem logs = new MenuItem("Logs");
        logs.setDisable(!connected);
        logs.setOnAction(e -> logs(host, selected.getFirst()));
        if (selected.size() > 1 && severalLogs != null) {
            logs.setText("Logs of the " + selected.size() + ", merged…");
            logs.setId("merged-logs-selected");
            logs.setOnAction(e -> severalLogs.open(host, selected, owner));
        }
        MenuItem exec = new MenuItem("Exec…");
        exec.setDisable(!connected || selected.size() != 1 || !selected.getFirst().isRunning());
        exec.setOnAction(e -> exec(host, selected.getFirst(), owner));
        MenuItem remove = new MenuItem("Remove…");
        remove.setDisable(!connected);
        remove.setOnAction(e -> remove(host, selected, owner));
        menu.getItems().addAll(new SeparatorMenuItem(), logs, exec, new SeparatorMenuItem(), remove);
        if (host != null && selected.size() == 1) {
            for (MoreItems room : more) {
                List<MenuItem> extra = room.forContainer(host, selected.getFirst(), owner);
                if (!extra.isEmpty()) {
                    menu.getItems().add(new SeparatorMenuItem());
                    menu.getItems().addAll(extra);
                }
            }
        }
        return menu;
    }

    /** Checks the host is connected before a dialog opens; the operation itself says so if it is lost meanwhile. */
    private void withOps(HostSession host, Consumer<HostOperations> then) {
        if (host == null || !host.isConnected()) Unavailable.say(runner, host);
        else then.accept(host.operations());
    }

    static String names(List<ContainerInfo> containers) {
        return containers.size() == 1 ? containers.getFirst().name() : containers.size() + " containers";
    }
}
