package dev.portolan.ui.swarm;

import dev.portolan.host.faults.Fault;
import dev.portolan.host.faults.FaultSpec;
import dev.portolan.inventory.EngineEvent;
import dev.portolan.inventory.EventLog;
import dev.portolan.inventory.SwarmSnapshot;
import dev.portolan.inventory.SwarmWatcher;
import dev.portolan.operations.HostsByName;
import dev.portolan.operations.LocalEngine;
import dev.portolan.operations.SwarmOperations;
import dev.portolan.ui.DialogService;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.draw.PictureExport;
import dev.portolan.ui.draw.PictureFile;
import dev.portolan.ui.faults.FaultActions;
import dev.portolan.ui.model.LatestOnFx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Swarm window: a lab's (or a host's) Swarm live — nodes, services, tasks, networks — and
 * what can be done to it, from a node's or a service's menu or the panel beside: drain and
 * activate, promote and demote, stop a node's host and time how long the Swarm takes to notice
 * and move its tasks; create, scale, update (rolling, rolled back on failure) and roll back,
 * remove a service; start a Swarm over the lab's hosts; export the picture as a PNG. The
 * picture follows the members' event streams (the window's own watchers hear them); work runs
 * off the FX thread. The panel beside is {@link SwarmControls}; what is said under the picture,
 * {@link SwarmReport}.
 */
public final class SwarmWindow {

    /**
     * What the window needs of the main one. {@code hostsNow} and {@code imagesOf} (a host's
     * image tags, by its name) are asked on the FX thread.
     */
    public record Context(Window owner, ObservableList<String> hostNames, java.util.function.Predicate<String> inSwarm,
            Supplier<HostsByName> hostsNow, Supplier<LocalEngine> local, EventLog events, ActionRunner runner, FaultActions faults,
            DialogService dialogs, java.util.function.Function<String, java.util.Set<String>> imagesOf) {}

    private static SwarmWindow open;

    private final Context context;
    private final Stage stage;
    private final ComboBox<String> choice = new ComboBox<>();
    private final StackPane picture = new StackPane();
    private final SwarmControls controls = new SwarmControls(new SwarmControls.Owner() {
        @Override
        public SwarmOperations operations() {
            return operations;
        }

        @Override
        public List<String> members() {
            return members;
        }

        @Override
        public List<String> imagesOnEveryMember() {
            if (members.isEmpty()) return List.of();
            java.util.Set<String> common = new java.util.TreeSet<>(context.imagesOf().apply(members.getFirst()));
            for (String member : members) common.retainAll(context.imagesOf().apply(member));
            return List.copyOf(common);
        }

        @Override
        public void act(String progress, Callable<String> work) {
            SwarmWindow.this.act(progress, work);
        }

        @Override
        public FaultActions faults() {
            return context.faults();
        }
    });
    private final SwarmReport report = new SwarmReport(new SwarmReport.Owner() {
        @Override
        public void act(String progress, Callable<String> work) {
            SwarmWindow.this.act(progress, work);
        }

        @Override
        public SwarmOperations operations() {
            return operations;
        }

        @Override
        public Optional<Instant> stoppedAt(String hostname) {
            return SwarmWindow.this.stoppedAt(hostname);
        }

        @Override
        public void checkOverlay() {
            SwarmWindow.this.checkOverlay();
        }
    });
    private final Button start = new Button("Start a Swarm");
    private final Button exportPng = new Button("Export PNG…");
    private final LatestOnFx<Object> news = new LatestOnFx<>(this::show);
    private final Runnable eventListener = this::eventAdded;
    private final Timeline ticker;
    private volatile HostsByName hostsNow;
    private volatile List<String> members = List.of();
    private SwarmOperations operations;
    private SwarmWatcher watcher;
    private SwarmSnapshot shown;
    private String lost;
    private String selectedService;
    private String selectedNode;
    private long eventsSeen;

    private SwarmWindow(Context context, String swarm) {
        this.context = context;
        choice.setId("swarm-choice");
        choice.setPromptText("Which Swarm");
        refreshChoices();
        choice.setValue(swarm != null ? swarm : likeliest());
        choice.valueProperty().addListener((obs, old, now) -> watch());
        start.setId("swarm-start");
        start.setTooltip(new javafx.scene.control.Tooltip("The first host of the lab becomes the manager, the others join as workers"));
        start.setOnAction(e -> startSwarm());
        exportPng.setId("swarm-export-png");
        exportPng.setTooltip(new javafx.scene.control.Tooltip("The picture as it is now, all of it, as a PNG image"));
        exportPng.setOnAction(e -> exportPicture());
        exportPng.setDisable(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, new Label("Swarm of"), choice, grow, exportPng, start);
        top.setPadding(new Insets(8));
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        picture.setId("swarm-picture");
        BorderPane root = new BorderPane(picture, top, controls.side(), report.node(), null);
        root.getStyleClass().add("swarm-window");
        stage = dev.portolan.ui.Windows.stage(context.owner(), "Swarm", root, 1100, 680);
        context.hostNames().addListener((javafx.collections.ListChangeListener<String>) c -> hostsChanged());
        context.events().onAdded(eventListener);
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> report.tick(shown)));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        stage.setOnHidden(e -> close());
        watch();
        showSide();
    }

    /** Opens the window on a Swarm (a lab's name, or a host's), or brings it forward on it. */
    public static SwarmWindow show(Context context, String swarm) {
        if (open == null) open = new SwarmWindow(context, swarm);
        else if (swarm != null) open.choice.setValue(swarm);
        open.stage.show();
        open.stage.toFront();
        return open;
    }

    /** The open Swarm window, or null. */
    public static SwarmWindow current() {
        return open;
    }

    public Stage stage() {
        return stage;
    }

    /** The picture shown now (FX thread), or null before the first. */
    public SwarmSnapshot shown() {
        return shown;
    }

    // --- which Swarm, and watching it

    /** The labs (LAB for hosts LAB/HOST) and the hosts of no lab. */
    private void refreshChoices() {
        List<String> names = new ArrayList<>();
        for (String host : context.hostNames()) {
            String name = host.contains("/") ? host.substring(0, host.indexOf('/')) : host;
            if (!names.contains(name)) names.add(name);
        }
        if (!choice.getItems().equals(names)) choice.getItems().setAll(names);
    }

    /** The first lab (or host) with a member in a Swarm; else the first lab; else the first host. */
    private String likeliest() {
        var items = choice.getItems();
        return items.stream().filter(c -> membersOf(c).stream().anyMatch(context.inSwarm())).findFirst()
                .or(() -> items.stream().filter(c -> membersOf(c).stream().anyMatch(m -> m.startsWith(c + "/"))).findFirst())
                .orElse(items.isEmpty() ? null : items.getFirst());
    }

    private void hostsChanged() {
        refreshChoices();
        List<String> now = membersOf(choice.getValue());
        if (!now.equals(members)) watch();
        else hostsNow = context.hostsNow().get();
    }

    private List<String> membersOf(String swarm) {
        if (swarm == null) return List.of();
        try {
            return SwarmOperations.membersOf(List.copyOf(context.hostNames()), swarm);
        } catch (RuntimeException noLonger) {
            return List.of();
        }
    }

    private void watch() {
        if (watcher != null) watcher.close();
        watcher = null;
        shown = null;
        report.forget();
        lost = null;
        hostsNow = context.hostsNow().get();
        members = membersOf(choice.getValue());
        if (members.isEmpty()) {
            picture.getChildren().setAll(new Label("No hosts: make a lab with a swarm: section (Lab ▸ New ▸ Swarm), or add hosts."));
            return;
        }
        picture.getChildren().setAll(new Label("Reading the Swarm of " + choice.getValue() + "…"));
        LocalEngine local = context.local().get(); // read here, on the FX thread; it asks its engine when used
        operations = new SwarmOperations(name -> hostsNow.operations(name), members, local::labAddressOf);
        String name = choice.getValue();
        watcher = operations.watch(name, new SwarmWatcher.Listener() {
            @Override
            public void swarmChanged(SwarmSnapshot swarm) {
                news.offer(swarm);
            }

            @Override
            public void swarmLost(String why) {
                news.offer(why);
            }
        });
    }

    /** On the adding thread: a member's event that can change the Swarm nudges the watcher. */
    private void eventAdded() {
        SwarmWatcher current = watcher;
        List<String> now = members;
        List<EngineEvent> concerning = new ArrayList<>();
        synchronized (eventListener) {
            EventLog.Batch batch = context.events().since(eventsSeen);
            eventsSeen = batch.upTo();
            for (EngineEvent event : batch.events()) {
                if (now.contains(event.host()) && SwarmWatcher.concerns(event)) concerning.add(event);
            }
        }
        if (current != null) concerning.forEach(current::nudge);
    }

    // --- showing it

    private void show(Object news) {
        SwarmSnapshot before = shown;
        if (news instanceof SwarmSnapshot swarm) {
            shown = swarm;
            lost = null;
            draw();
        } else if (news instanceof String why) {
            lost = why;
            if (shown == null) picture.getChildren().setAll(neverInASwarm() ? noSwarmLabel() : lostLabel(why));
            else draw();
        }
        start.setDisable(shown != null && lost == null);
        exportPng.setDisable(shown == null);
        report.show(before, shown, lost != null);
        showSide();
    }

    /** Whether no member has been seen in a Swarm: nothing is lost, there is none yet. */
    private boolean neverInASwarm() {
        return members.stream().noneMatch(context.inSwarm());
    }

    /** For hosts that are in no Swarm: a word on what Start a Swarm does, not an alarm. */
    private Label noSwarmLabel() {
        Label label = new Label(members.size() == 1
                ? members.getFirst() + " is in no Swarm. Start a Swarm (top right) makes it a Swarm's manager."
                : "The hosts of " + choice.getValue() + " are in no Swarm. Start a Swarm (top right) makes the first host "
                        + "its manager and joins the others as workers; a lab file's swarm: section does the same on apply.");
        label.setId("swarm-none");
        label.setWrapText(true);
        label.getStyleClass().add("swarm-none");
        return label;
    }

    private Label lostLabel(String why) {
        Label label = new Label(why);
        label.setId("swarm-lost");
        label.setWrapText(true);
        label.getStyleClass().add("lost-banner");
        return label;
    }

    private void draw() {
        javafx.scene.Node drawn = SwarmPicture.of(shown, selectedService, Instant.now(), new SwarmPicture.Actions() {
            @Override
            public ContextMenu nodeMenu(SwarmSnapshot.Node node) {
                return SwarmWindow.this.nodeMenu(node);
            }

            @Override
            public ContextMenu serviceMenu(SwarmSnapshot.Service service) {
                return SwarmWindow.this.serviceMenu(service);
            }

            @Override
            public void selectService(SwarmSnapshot.Service service) {
                selectedService = service.name().equals(selectedService) ? null : service.name();
                selectedNode = null;
                draw();
                showSide();
            }

            @Override
            public void selectNode(SwarmSnapshot.Node node) {
                selectedNode = node.hostname();
                selectedService = null;
                draw();
                showSide();
            }
        });
        if (lost != null) {
            VBox both = new VBox(6, lostLabel(lost), drawn);
            VBox.setVgrow(drawn, Priority.ALWAYS);
            drawn.setOpacity(0.5);
            picture.getChildren().setAll(both);
        } else {
            picture.getChildren().setAll(drawn);
        }
    }

    /** The picture shown (the last one read, when its Swarm is lost meanwhile) into a PNG file the user chooses. */
    private void exportPicture() {
        javafx.scene.Node drawn = picture.lookup(".swarm-picture");
        if (drawn == null) return; // nothing drawn yet: the button is off
        var fills = ((Region) stage.getScene().getRoot()).getBackground();
        javafx.scene.paint.Paint background = fills == null || fills.getFills().isEmpty() ? javafx.scene.paint.Color.WHITE
                : fills.getFills().getFirst().getFill(); // the window's own, so light text stays readable in the dark theme
        PictureExport.ask(context.dialogs(), stage, "the Swarm picture", "portolan-swarm-" + choice.getValue(), "png",
                (format, file) -> PictureFile.writePng(drawn, background, file)).ifPresent(said -> report.say(said.text(), said.error()));
    }

    /** When a member's host was stopped, killed or paused by a fault in force, by its node's hostname. */
    private Optional<Instant> stoppedAt(String hostname) {
        String member = operations == null ? null : operations.hostNamed(hostname).orElse(null);
        if (member == null) return Optional.empty();
        for (Fault fault : context.faults().model().inForce()) {
            if (fault.spec() instanceof FaultSpec.HostFault host && host.action() != FaultSpec.HostAction.RESTART_ENGINE
                    && host.host().equals(member)) {
                return Optional.of(fault.started());
            }
        }
        return Optional.empty();
    }

    private void showSide() {
        controls.show(shown, selectedNode, selectedService);
    }

    private ContextMenu nodeMenu(SwarmSnapshot.Node node) {
        ContextMenu menu = new ContextMenu();
        menu.getItems().addAll(item(node.isActive() ? "Drain" : "Activate", () -> controls.drainOrActivate(node)),
                item(node.isManager() ? "Demote" : "Promote", () -> controls.promoteOrDemote(node)));
        operations.hostOfNode(node).filter(h -> h.contains("/")).ifPresent(host -> menu.getItems().addAll(new SeparatorMenuItem(),
                context.faults().forHost(host, stage)));
        return menu;
    }

    private ContextMenu serviceMenu(SwarmSnapshot.Service service) {
        ContextMenu menu = new ContextMenu();
        menu.getItems().addAll(
                item("Scale, update…", () -> {
                    selectedService = service.name();
                    selectedNode = null;
                    draw();
                    showSide();
                }),
                item("Roll back", () -> controls.rollback(service)),
                item("Remove", () -> controls.remove(service)));
        return menu;
    }

    /** One probe across the overlay, off the FX thread; what it found shows under the picture. */
    private void checkOverlay() {
        if (shown == null || operations == null) return;
        SwarmSnapshot swarm = shown;
        SwarmOperations ops = operations;
        LocalEngine local = context.local().get();
        HostsByName hosts = hostsNow;
        report.overlayChecking();
        context.runner().run("Checking the overlay…", null, "Check the overlay",
                () -> dev.portolan.operations.OverlayCheck.run(local, hosts, ops, swarm), report::overlayFound, report::overlayFailed);
    }

    /** Starts a Swarm over the chosen lab's hosts: the first (by name) manages, the others join as workers. */
    private void startSwarm() {
        List<String> hosts = members;
        if (hosts.isEmpty()) {
            report.say("There are no hosts to start a Swarm on.", true);
            return;
        }
        act("Starting a Swarm over " + String.join(", ", hosts), () -> {
            List<String> said = new ArrayList<>();
            said.add(operations.init(hosts.getFirst()));
            for (String host : hosts.subList(1, hosts.size())) said.add(operations.join(host, false));
            return String.join(" ", said);
        });
    }

    /** Runs an operation off the FX thread; its sentence (or why it could not) shows here and in the status bar. */
    private void act(String progress, Callable<String> work) {
        report.say(progress + "…", false);
        context.runner().run(progress + "…", null, progress, work, done -> {
            report.say(done, false);
            if (watcher != null) watcher.nudge();
        }, failed -> report.say(failed, true));
    }


    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void close() {
        ticker.stop();
        context.events().removeListener(eventListener);
        if (watcher != null) watcher.close();
        open = null;
    }
}
