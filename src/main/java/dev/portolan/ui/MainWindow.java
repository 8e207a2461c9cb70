package dev.portolan.ui;

import dev.portolan.app.UserDirectories;
import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EndpointException;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.inventory.HostStatus;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.actions.ContainerActions;
import dev.portolan.ui.hosts.HostsController;
import dev.portolan.ui.images.ImageActions;
import dev.portolan.ui.hosts.HostsMenus;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;

import java.util.HashMap;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The main window: hosts on the left, the selected host's workspace in the middle, the
 * selected resource's details on the right, and a status bar.
 */
public final class MainWindow {

    private final EndpointResolver resolver;
    private final HostsController controller;
    private final ObservableList<HostModel> hosts;
    private final Map<HostModel, HostView> views = new HashMap<>();
    private final ObjectProperty<Object> selection = new SimpleObjectProperty<>();
    private final ActionRunner runner = new ActionRunner();
    private final ContainerActions actions = new ContainerActions(runner);
    private final ImageActions images;
    private final HostsSidebar sidebar;
    private final HostsMenus menus;
    /** The window as a projector's screen while a tour is presented. */
    private dev.portolan.ui.tours.ProjectorScreen projector;
    private final StackPane center = new StackPane();
    private final DetailsPane details;
    private final StatusBar statusBar;
    private final BorderPane root = new BorderPane();
    private final Timeline ticker;
    private final ConfigProblemPane configProblem;
    private final dev.portolan.ui.diagram.DiagramView diagram;
    private final DialogService dialogs;
    private final MainToolbar toolbar;
    private final dev.portolan.ui.labs.RecentLabs recentLabs;
    private final Troubleshooting troubleshooting;
    /** Which containers' live stats are streamed (what shows), and the once-a-second tick that shows them. */
    private final dev.portolan.ui.stats.StatsDemand stats;
    private boolean diagramShown = true;
    private ObservableList<String> hostNames;
    /** Set while the diagram moves the sidebar to the host of what was clicked: no zoom then. */
    private boolean followingDiagram;

    MainWindow(EndpointResolver resolver, DialogService dialogs) {
        this.resolver = resolver;
        this.dialogs = dialogs;
        controller = new HostsController(runner, UserDirectories.forThisUser().config(),
                new DockerContexts(resolver.dockerConfigDir()));
        hosts = controller.hosts();
        images = new ImageActions(runner, hosts, controller::session, dialogs);
        menus = new HostsMenus(controller, () -> root.getScene() == null ? null : root.getScene().getWindow(), dialogs);
        sidebar = new HostsSidebar(hosts, menus);
        details = new DetailsPane(this::selectedSession, this::probeFrom);
        statusBar = new StatusBar(runner);
        configProblem = new ConfigProblemPane(this::connectLocal);
        diagram = new dev.portolan.ui.diagram.DiagramView(hosts, controller::session, actions, selection, this::followDiagram,
                UserDirectories.forThisUser().config(), dialogs);
        stats = new dev.portolan.ui.stats.StatsDemand(hosts, controller::session);
        diagram.showStats(stats);
        details.showStats(stats);
        troubleshooting = new Troubleshooting(hosts, controller, runner, UserDirectories.forThisUser().config(), dialogs, stats);
        troubleshooting.addTo(diagram, actions);
        // one host, one set of actions, whether it is right-clicked in the sidebar or on the diagram
        menus.addToMenus((host, owner) -> troubleshooting.hostMenuItems(host.name(), owner));
        diagram.addToHostMenus((name, owner) -> host(name).map(menus::lifecycleItems).orElse(java.util.List.of()));
        diagram.addToVolumeMenus((volume, owner) -> menus.keptDataItems(volume.host(), volume.volume(), owner));
        troubleshooting.openSwarmWith(this::showSwarm);
        selection.addListener((obs, old, item) -> details.show(item));
        sidebar.list().getSelectionModel().selectedItemProperty().addListener((obs, old, host) -> showHost(host));
        hosts.addListener((javafx.collections.ListChangeListener<HostModel>) c -> {
            statusBar.show(selectedHost());
            views.keySet().retainAll(hosts);
        });

        SplitPane split = new SplitPane(sidebar.root(), center, details.root());
        split.setDividerPositions(0.17, 0.78);
        SplitPane.setResizableWithParent(sidebar.root(), false);
        SplitPane.setResizableWithParent(details.root(), false);
        recentLabs = new dev.portolan.ui.labs.RecentLabs(UserDirectories.forThisUser().config());
        toolbar = new MainToolbar(root, runner, this::chooseLab, this::openLab, this::newLab, this::importCompose, recentLabs.paths(),
                () -> showDiagram(true), () -> showDiagram(false), () -> showWelcome(), troubleshooting.faults().inForce(),
                this::showFaults);
        toolbar.addTool("open-events", "Events", "Every host's engine events, live, filtered, exported",
                javafx.scene.input.KeyCode.E, this::showEvents);
        toolbar.addTool("open-layer-graph", "Layers",
                "Every host's images as a tree of their layers: what they share, where each lives",
                javafx.scene.input.KeyCode.L, () -> images.graph(null, window()));
        actions.addToMenus((session, container, owner) -> {
            javafx.scene.control.MenuItem stack = new javafx.scene.control.MenuItem("Its layers and own changes…");
            stack.setId("container-stack");
            stack.setOnAction(e -> openStack(session.model(), container, owner));
            return java.util.List.of(stack);
        });
        toolbar.addMenu(toursMenu(), javafx.scene.input.KeyCode.T);
        toolbar.addTool("open-swarm", "Swarm", "A lab's Swarm live: nodes, services, tasks; drain, scale, update, roll back",
                javafx.scene.input.KeyCode.W, () -> showSwarm(null));
        toolbar.addTool("open-findings", "Findings", "Port clashes, restart loops, expiring certificates, leftovers: each with its fix",
                javafx.scene.input.KeyCode.I, this::showFindings);
        root.setTop(toolbar.root());
        root.setCenter(split);
        root.setBottom(statusBar.root());
        root.getStyleClass().add("main-window");
        projector = new dev.portolan.ui.tours.ProjectorScreen(root, () -> showDiagram(true));

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        connectLocal();
    }

    public BorderPane root() {
        return root;
    }

    public ObservableList<HostModel> hosts() {
        return hosts;
    }

    public HostSession session(HostModel host) {
        return controller.session(host).orElse(null);
    }

    /** Opens a lab file in its own window: its problems or its plan, Apply, Destroy. */
    public dev.portolan.ui.labs.LabWindow openLab(java.nio.file.Path file) {
        return dev.portolan.ui.labs.LabWindow.open(window(), file, labContext());
    }

    /** A new lab from one of the templates, in an editor; Save asks where it goes. */
    public dev.portolan.ui.labs.LabWindow newLab(String template) {
        return dev.portolan.ui.labs.LabWindow.fromTemplate(window(), template, labContext());
    }

    private dev.portolan.ui.labs.LabWindow.Context labContext() {
        return new dev.portolan.ui.labs.LabWindow.Context(controller, runner, diagram::showPlan, recentLabs, dialogs,
                troubleshooting.faultActions());
    }

    /** A container's image as stacked sheets, its own writable layer on top, live. */
    private void openStack(HostModel host, dev.portolan.inventory.ContainerInfo container, javafx.stage.Window owner) {
        var image = host.inventory() == null ? null : host.inventory().images().get(container.imageId());
        if (image == null) {
            runner.say(new dev.portolan.ui.actions.ActionRunner.Message("The image of " + container.name() + " ("
                    + container.image() + ") is no longer on " + host.name() + ": its layers cannot be read.", true));
            return;
        }
        images.stack(host, image, container.name(), owner);
    }

    /** The Swarm window, on a lab's (or a host's) Swarm, or the one it showed last. */
    public dev.portolan.ui.swarm.SwarmWindow showSwarm(String swarm) {
        return dev.portolan.ui.swarm.SwarmWindow.show(new dev.portolan.ui.swarm.SwarmWindow.Context(window(), hostNames(),
                name -> host(name).filter(h -> h.inventory() != null && "active".equals(h.inventory().facts().swarmState())).isPresent(),
                troubleshooting::hostsByNameNow, controller::localEngine, controller.events(), runner,
                troubleshooting.faultActions(), dialogs, name -> host(name)
                        .map(h -> h.images().stream().flatMap(i -> i.tags().stream()).collect(java.util.stream.Collectors.toSet()))
                        .orElse(java.util.Set.of())), swarm);
    }

    /** The host the sidebar names {@code name} ("local", "web-db/web"), if there is one. */
    private java.util.Optional<HostModel> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** The hosts' names, kept in step with the host list (FX thread). */
    private ObservableList<String> hostNames() {
        if (hostNames == null) {
            hostNames = javafx.collections.FXCollections.observableArrayList(hosts.stream().map(HostModel::name).toList());
            hosts.addListener((javafx.collections.ListChangeListener<HostModel>) c -> {
                var now = hosts.stream().map(HostModel::name).toList();
                if (!now.equals(hostNames)) hostNames.setAll(now);
            });
        }
        return hostNames;
    }

    /** Tours: the shipped ones, and a tour file. */
    private javafx.scene.control.MenuButton toursMenu() {
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton("Tours");
        menu.setId("tours-menu");
        for (String name : dev.portolan.tour.ShippedTours.names()) {
            javafx.scene.control.MenuItem item = TourMenuItem.of(dev.portolan.tour.ShippedTours.about(name));
            item.setId("tour-" + name);
            item.setOnAction(e -> openTour(name));
            menu.getItems().add(item);
        }
        javafx.scene.control.MenuItem file = new javafx.scene.control.MenuItem("Open a tour file…");
        file.setId("open-tour-file");
        file.setOnAction(e -> dialogs.openFile(window(), "Open a tour file", "Tour files", "*.yaml", "*.yml")
                .ifPresent(path -> openTour(path.toString())));
        menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), file);
        return menu;
    }

    /**
     * Opens a tour (a shipped one by name, or a file) beside the diagram and starts its lab; a
     * tour with mistakes is said with each one's place, and nothing is started.
     */
    public dev.portolan.ui.tours.TourWindow openTour(String nameOrFile) {
        dev.portolan.tour.Tour tour;
        try {
            tour = dev.portolan.tour.TourFile.load(nameOrFile);
        } catch (dev.portolan.lab.LabFileException | dev.portolan.engine.InvalidInputException e) {
            runner.say(new dev.portolan.ui.actions.ActionRunner.Message("This tour cannot start: " + e.getMessage(), true));
            return null;
        }
        showDiagram(true);
        return dev.portolan.ui.tours.TourWindow.open(tour, new dev.portolan.ui.tours.TourWindow.Context(window(),
                controller::localEngine, troubleshooting.hostsByName(), () -> troubleshooting.faults().faults(), diagram::spotlight,
                projector, this::openLayers, dialogs, path -> openTour(path.toString())));
    }

    /** An image's layers window, from a tour's step: the host as `portolan hosts` names it. */
    private void openLayers(String host, String image) {
        HostModel model = host(host).orElse(null);
        var info = model == null || model.inventory() == null ? null : model.inventory().images().values().stream()
                .filter(i -> i.tags().contains(image) || i.tags().contains(image + ":latest")).findFirst().orElse(null);
        if (info == null) {
            runner.say(new dev.portolan.ui.actions.ActionRunner.Message(image + " is not in " + host
                    + "'s images yet: open it from the host's Images tab once the window shows it.", false));
            return;
        }
        images.layers(model, info, window());
    }

    /** Asks for a lab file and opens it. */
    private void chooseLab() {
        dialogs.openFile(window(), "Open a lab file", "Lab files", "*.yaml", "*.yml", "*.portolan").ifPresent(this::openLab);
    }

    /** The first-run screen: the engines this computer has, which one is used, the sample lab one click away. */
    public FirstRunWindow showWelcome() {
        return FirstRunWindow.open(window(), dev.portolan.engine.EngineDiscovery.forThisUser(resolver),
                dev.portolan.app.Settings.current(), this::startSampleLab);
    }

    /** Writes the sample lab where Portolan keeps its files (unless it is there already), opens it and applies it. */
    public dev.portolan.ui.labs.LabWindow startSampleLab() {
        java.nio.file.Path file = FirstRunWindow.sampleLabFile(dev.portolan.app.Settings.current());
        try {
            if (!java.nio.file.Files.exists(file)) {
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.writeString(file, dev.portolan.lab.LabTemplates.text(dev.portolan.lab.LabTemplates.SAMPLE));
            }
        } catch (java.io.IOException e) {
            runner.say(new dev.portolan.ui.actions.ActionRunner.Message("Cannot write the sample lab to " + file + ": "
                    + e.getMessage() + ". Check that the folder is writable, or start it from Labs, New lab.", true));
            return null;
        }
        var lab = openLab(file);
        if (lab != null) lab.applyNow();
        return lab;
    }

    /** Asks for a compose file and how many hosts to spread it over, then opens the lab it makes. */
    private void importCompose() {
        dialogs.openFile(window(), "Import a docker-compose file", "Compose files", "*.yaml", "*.yml")
                .ifPresent(chosen -> importCompose(chosen, read -> dev.portolan.ui.labs.ComposeHostsChoice.ask(window(),
                        chosen.getFileName().toString(), read)));
    }

    /** Opens the lab a compose file makes on {@code hostCount} hosts, unsaved, its unmapped parts listed at its top. */
    public dev.portolan.ui.labs.LabWindow importCompose(java.nio.file.Path compose, int hostCount) {
        return importCompose(compose, read -> java.util.Optional.of(hostCount));
    }

    private dev.portolan.ui.labs.LabWindow importCompose(java.nio.file.Path compose,
            java.util.function.Function<dev.portolan.lab.ComposeReader.Read, java.util.Optional<Integer>> hostCount) {
        try {
            java.nio.file.Path folder = compose.toAbsolutePath().getParent();
            // read as compose reads it: the .env beside it and this process's environment, no profiles
            var read = dev.portolan.lab.ComposeReader.read(java.util.List.of(compose), dev.portolan.lab.ComposeReader.Options.defaults());
            var hosts = hostCount.apply(read);
            if (hosts.isEmpty()) return null;
            String name = dev.portolan.lab.ComposeImport.labName(read, folder == null || folder.getFileName() == null
                    ? compose.getFileName().toString() : folder.getFileName().toString());
            var result = dev.portolan.lab.ComposeImport.convert(read, name, hosts.get());
            // said in the lab's window, above its plan: the status bar's line gives way to the plan's own at once
            return dev.portolan.ui.labs.LabWindow.fromText(window(), result.labYaml(), labContext())
                    .say("Imported " + compose.getFileName() + ". " + result.mappedSentence());
        } catch (dev.portolan.engine.InvalidInputException e) {
            runner.say(new dev.portolan.ui.actions.ActionRunner.Message("Cannot import " + compose + ": " + e.getMessage(), true));
            return null;
        }
    }

    public dev.portolan.ui.labs.RecentLabs recentLabs() {
        return recentLabs;
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public HostsController controller() {
        return controller;
    }

    public ImageActions images() {
        return images;
    }

    /** The main window's keyboard shortcuts, as they were put on its scene (F1 lists them). */
    Shortcuts shortcuts() {
        return toolbar.shortcuts();
    }

    public HostsMenus menus() {
        return menus;
    }

    public ActionRunner runner() {
        return runner;
    }

    /** Finds the local engine the way the docker CLI does and starts watching it. */
    private void connectLocal() {
        try {
            HostModel local = controller.watchLocal(resolver.resolve());
            sidebar.list().getSelectionModel().select(local);
            center.getChildren().remove(configProblem.root());
        } catch (EndpointException e) {
            configProblem.show(e.getMessage());
            if (!center.getChildren().contains(configProblem.root())) center.getChildren().add(configProblem.root());
            statusBar.showProblem(e.getMessage());
        }
    }

    private void showHost(HostModel host) {
        statusBar.show(host);
        if (diagramShown) {
            if (host != null && !followingDiagram) diagram.reveal(host);
            ensureCenter(diagram.root());
            return;
        }
        selection.set(null);
        if (host == null) {
            center.getChildren().removeIf(n -> n != configProblem.root());
            return;
        }
        HostView view = views.computeIfAbsent(host, h -> new HostView(h, () -> session(h), selection, actions,
                new dev.portolan.ui.actions.VolumeActions(runner, dialogs), images, controller));
        ensureCenter(view.root());
    }

    private void ensureCenter(javafx.scene.Node node) {
        boolean problem = center.getChildren().contains(configProblem.root());
        if (center.getChildren().size() == (problem ? 2 : 1) && center.getChildren().getFirst() == node) return;
        center.getChildren().setAll(node);
        if (problem) center.getChildren().add(configProblem.root());
    }

    /** The diagram (the whole cluster) or the tables of the host selected in the sidebar. */
    public void showDiagram(boolean yes) {
        if (diagramShown != yes) {
            diagramShown = yes;
            toolbar.showDiagram(yes);
        }
        showHost(selectedHost());
    }

    public dev.portolan.ui.diagram.DiagramView diagram() {
        return diagram;
    }

    /** A click on the diagram selects its host in the sidebar, so details and actions use that host. */
    private void followDiagram(HostModel host) {
        if (selectedHost() == host) return;
        followingDiagram = true;
        try {
            sidebar.list().getSelectionModel().select(host);
        } finally {
            followingDiagram = false;
        }
    }

    /** Selects a host in the sidebar, as a click on it does. */
    public void select(HostModel host) {
        sidebar.list().getSelectionModel().select(host);
    }

    private HostModel selectedHost() {
        return sidebar.list().getSelectionModel().getSelectedItem();
    }

    private HostSession selectedSession() {
        HostModel host = selectedHost();
        return host == null ? null : session(host);
    }

    /** Once a second: the countdowns of lost hosts. */
    private void tick() {
        boolean anyLost = hosts.stream().anyMatch(h -> h.status() instanceof HostStatus.Lost);
        if (!anyLost) return;
        sidebar.tick();
        views.values().forEach(HostView::refresh);
        statusBar.show(selectedHost());
    }

    /** The probe window from a container of a host (the details pane's "Can it reach…?"). */
    private void probeFrom(HostSession session, dev.portolan.inventory.ContainerInfo container) {
        troubleshooting.openProbe(window(), session.model().name() + "/" + container.name(), null);
    }

    /** The events timeline: every host's events, filters, a click selects the container on the diagram. */
    public javafx.stage.Stage showEvents() {
        return troubleshooting.showEvents(window(), () -> showDiagram(true));
    }

    /** Findings: what is worth knowing about the cluster, with fixes applied only when asked. */
    public javafx.stage.Stage showFindings() {
        return dev.portolan.ui.findings.FindingsWindow.open(window(), hosts, controller);
    }

    /** The Faults panel: what is in force, timers, Heal, Heal all. */
    public javafx.stage.Stage showFaults() {
        return troubleshooting.showFaults(window());
    }

    /** Stops every watcher; called when the window closes. */
    public void close() {
        ticker.stop();
        stats.close();
        troubleshooting.close();
        controller.close();
    }

}
