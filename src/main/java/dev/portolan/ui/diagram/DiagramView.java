package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.PictureExport;
import dev.portolan.ui.draw.PictureToolbar;
import dev.portolan.ui.draw.Rect;
import dev.portolan.engine.EngineErrors;
import dev.portolan.inventory.ContainerTroubles;
import dev.portolan.inventory.HostStatus;
import dev.portolan.inventory.Trouble;
import dev.portolan.lab.LabStep;
import dev.portolan.ui.DialogService;
import dev.portolan.ui.actions.VolumeActions;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.actions.ContainerActions;
import dev.portolan.ui.diagram.Layout.Card;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;

/**
 * The whole cluster as one live picture: every host a region, its networks bands, its
 * containers cards, its volumes cylinders joined to the cards that mount them. Made of
 * rooms: the {@link DiagramController} (what is shown and chosen, no JavaFX), the
 * {@link DiagramCanvas} (painting, frame loop, viewport), the {@link DiagramInput}
 * (pointer, keys, menus) and the {@link PictureToolbar}. This class joins them to the
 * hosts' models, the details pane's selection, and the kept positions.
 */
public final class DiagramView {

    /** The diagram's keys, as {@link DiagramInput} handles them (the list F1 shows). */
    public static final List<dev.portolan.ui.Shortcuts.Key> KEYS = DiagramInput.KEYS;

    private final ObservableList<HostModel> hosts;
    private final Function<HostModel, Optional<HostSession>> sessions;
    private final ContainerActions actions;
    private final ObjectProperty<Object> selection;
    private final Consumer<HostModel> hostChosen;
    private final DiagramPositions positions;
    private final DiagramController controller;
    /** Each host's trouble tags by card key, changed here in place (FX thread); the diagram's marks read them. */
    private final Map<String, Map<String, String>> troubleTags = new HashMap<>();
    private final DiagramCanvas picture;
    private final PictureToolbar toolbar;
    private final DiagramInput input;
    private final BorderPane root = new BorderPane();
    /** Said over an empty picture: where to start. */
    private final javafx.scene.control.Label emptyHint = new javafx.scene.control.Label(
            "Nothing runs yet. Start a lab (Labs ▸ New lab from a template), follow a tour (Tours),"
            + " or right-click a host to run a container.");
    private final DialogService dialogs;

    public DiagramView(ObservableList<HostModel> hosts, Function<HostModel, Optional<HostSession>> sessions,
            ContainerActions actions, ObjectProperty<Object> selection, Consumer<HostModel> hostChosen, Path configDir,
            DialogService dialogs) {
        this.dialogs = dialogs;
        this.hosts = hosts;
        this.sessions = sessions;
        this.actions = actions;
        this.selection = selection;
        this.hostChosen = hostChosen;
        this.positions = new DiagramPositions(configDir);
        this.controller = new DiagramController(positions.all());
        this.toolbar = new PictureToolbar("diagram", "Search, or host: state: net: label: lab:",
                "Words are searched for and highlighted (Enter zooms to them); host:node1 state:running net:backend"
                + " label:app=web lab:demo narrow the picture. Ctrl+F comes here.", controller::search, this::zoomToFound,
                this::fit, this::zoom, this::export);
        this.picture = new DiagramCanvas(controller, this::snapshots, this::laidOut);
        this.input = new DiagramInput(picture, controller, actions, new VolumeActions(actions.runner(), dialogs), this::session,
                this::model, this::followSelection, this::savePositions, toolbar::focusSearch, this::window);
        root.setTop(toolbar.bar());
        emptyHint.setId("diagram-empty-hint");
        emptyHint.getStyleClass().add("diagram-hint");
        emptyHint.setWrapText(true);
        emptyHint.setMouseTransparent(true);
        emptyHint.setVisible(false);
        javafx.scene.layout.StackPane center = new javafx.scene.layout.StackPane(picture.surface(), emptyHint);
        javafx.scene.layout.StackPane.setAlignment(emptyHint, javafx.geometry.Pos.BOTTOM_CENTER);
        root.setCenter(center);
        root.getStyleClass().add("diagram");
        hosts.forEach(this::watch);
        hosts.addListener((ListChangeListener<HostModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(gone -> markTroubles(gone, gone.troublesProperty().get(), Map.of()));
                change.getAddedSubList().forEach(this::watch);
            }
            controller.changed();
        });
    }

    /**
     * More items for a host's menu, by host name, a group each call: the window's faults and
     * who-talks-to-whom, the host's start and stop.
     */
    public void addToHostMenus(java.util.function.BiFunction<String, Window, java.util.List<javafx.scene.control.MenuItem>> more) {
        input.addToHostMenus(more);
    }

    /** More items for a volume's menu: the kept data of a removed simulated host can be removed. */
    public void addToVolumeMenus(java.util.function.BiFunction<Layout.VolumeBox, Window, java.util.List<javafx.scene.control.MenuItem>> more) {
        input.addToVolumeMenus(more);
    }

    /** Draws a probe's path from A's card to B's, each check ✓ or ✗; null takes it off. */
    public void showProbe(Marks.ProbePath path) {
        controller.setProbe(path);
        picture.repaint();
    }

    /** Marks on the diagram what each fault in force affects, its timer moving with the model's clock. */
    public void showFaults(dev.portolan.ui.faults.FaultsModel model) {
        Runnable mark = () -> {
            controller.setFaultMarks(dev.portolan.ui.faults.FaultMarks.of(model.inForce(), model.nowProperty().get()));
            picture.repaint();
        };
        model.inForce().addListener((ListChangeListener<dev.portolan.host.faults.Fault>) c -> mark.run());
        model.nowProperty().addListener((obs, old, now) -> {
            if (!model.inForce().isEmpty() || !controller.faultMarks().isEmpty()) mark.run();
        });
    }

    /** Live stats on the cards while the diagram shows, and each host's totals in its title. */
    public void showStats(dev.portolan.ui.stats.StatsDemand demand) {
        new DiagramStats(controller, picture, hosts, sessions).attachTo(demand);
    }

    public Node root() {
        return root;
    }

    /** What the diagram shows and what is chosen, for tests and tours. */
    public DiagramController controller() {
        return controller;
    }

    /** The current picture's layout (FX thread). */
    public Layout layout() {
        return controller.layout();
    }

    /** Lays out and paints now rather than at the next pulse (tests, export). */
    public void refreshNow() {
        picture.frame(System.nanoTime());
    }

    /** Where a diagram point is on the canvas, for tests that click and drag. */
    public Point2D toScreen(double x, double y) {
        return picture.toScreen(x, y);
    }

    public Set<String> selectedKeys() {
        return Set.copyOf(controller.selected());
    }

    /**
     * Shows what applying a lab would do, over the live picture: hosts, networks, volumes
     * and containers to be made drawn as dashed ghosts, containers to be replaced or
     * removed marked so. An empty list takes the ghosts away.
     */
    public void showPlan(String lab, List<LabStep> steps) {
        controller.showPlan(lab, steps);
        picture.fitNextLayout();
    }

    /**
     * A tour step's focus: the search box says {@code text} and what it does not find is
     * dimmed; then everything shown is fitted. Null ends the focus and clears the search.
     */
    public void spotlight(String text) {
        controller.spotlight(text);
        toolbar.setSearch(text == null ? "" : text);
        if (text == null) controller.spotlight(null);
        picture.fitNextLayout();
    }

    /** Zooms so that everything drawn fits the view. */
    public void fit() {
        picture.fit();
    }

    private void zoom(double factor) {
        picture.zoom(factor);
    }

    /** Brings a host into view (the sidebar's choice). */
    public void reveal(HostModel host) {
        Layout layout = controller.layout();
        if (layout == null) return;
        Layout.HostBox box = layout.host(host.name());
        if (box != null) picture.show(box.bounds());
    }

    /** Connects or disconnects on the engine; the card moves when the engine's event says it did. */
    public void attach(Card card, String network, boolean connect) {
        input.attach(card, network, connect);
    }

    /** Selects what is drawn under this key (tests and keyboard), as a click would. */
    public void select(String key) {
        controller.select(key);
        followSelection();
        picture.repaint();
    }

    /** The menu for what is under the pointer: container actions, collapse, fit. */
    public ContextMenu menuFor(Layout.Item hit) {
        return input.menuFor(hit);
    }

    /** Collapses or opens a host (by name) or a band (by key), as a double-click does. */
    public void toggleCollapsed(String key) {
        controller.toggleCollapsed(key);
    }

    private void watch(HostModel host) {
        host.inventoryProperty().addListener((obs, old, now) -> controller.changed());
        host.statusProperty().addListener((obs, old, now) -> controller.changed());
        // set before the snapshot that caused them (HostModel.apply), so the card repainted for a death carries its tag
        host.troublesProperty().addListener((obs, old, now) -> markTroubles(host, old, now));
        markTroubles(host, Map.of(), host.troublesProperty().get());
    }

    /**
     * One host's troubles changed: the tags of the containers whose troubles changed are written
     * over their cards, and those cards are painted again (zoomed in, with what their tags cover:
     * {@link DiagramCanvas#repaintCards}). A container whose troubles did not
     * change keeps the same list (ContainerTroubles), and the host's tags are changed in place, so a
     * host of thousands of containers costs what changed.
     */
    private void markTroubles(HostModel host, Map<String, List<Trouble>> old, Map<String, List<Trouble>> now) {
        Map<String, String> tags = troubleTags.computeIfAbsent(host.name(), name -> {
            Map<String, String> kept = new HashMap<>();
            controller.showTroubleMarks(name, kept);
            return kept;
        });
        List<String> changed = new ArrayList<>();
        now.forEach((id, troubles) -> {
            if (old.get(id) != troubles) retag(tags, host.name() + "/" + id, ContainerTroubles.tag(troubles), changed);
        });
        old.keySet().forEach(id -> {
            if (!now.containsKey(id)) retag(tags, host.name() + "/" + id, null, changed);
        });
        if (!changed.isEmpty()) picture.repaintCards(changed);
    }

    /** Puts a card's tag (null: takes it off), noting the card when that changed what it shows. */
    private static void retag(Map<String, String> tags, String key, String tag, List<String> changed) {
        String was = tag == null ? tags.remove(key) : tags.put(key, tag);
        if (!Objects.equals(was, tag)) changed.add(key);
    }

    private List<HostSnapshot> snapshots() {
        List<HostSnapshot> list = new ArrayList<>(hosts.size());
        for (HostModel h : hosts) list.add(new HostSnapshot(h.name(), h.key().labName().orElse("hosts"), statusWord(h), h.inventory()));
        return list;
    }

    /**
     * "live", "lost — connection refused (last known state below)", "stopped · right-click it
     * to start it": no countdown, which would redraw every second.
     */
    private static String statusWord(HostModel h) {
        if (h.status() instanceof HostStatus.Lost lost) {
            return "lost — " + EngineErrors.firstLine(lost.reason()) + " (last known state below)";
        }
        if (h.status() instanceof HostStatus.Offline off) {
            // a stopped host's cards are what ran when it stopped, not what runs: its engine is not there to ask
            boolean lastKnown = h.inventory() != null && !h.inventory().containers().isEmpty();
            return off.reason() + (lastKnown ? " (last known state below)" : "")
                    + (off.reason().equals("stopped") ? " · right-click it to start it" : "");
        }
        return StatusText.status(h.status(), Instant.now());
    }

    /** After each layout: its counts, and the selection (what left the picture is no longer selected). */
    private void laidOut() {
        toolbar.showCounts(controller.counts());
        emptyHint.setVisible(controller.nothingRuns());
        followSelection();
    }

    /** The details pane shows the one selected thing; the sidebar follows to its host. */
    private void followSelection() {
        if (controller.selected().isEmpty()) {
            selection.set(null);
            return;
        }
        controller.chosen().ifPresent(chosen -> {
            hosts.stream().filter(h -> h.name().equals(chosen.host())).findFirst().ifPresent(hostChosen);
            if (selection.get() != chosen.resource()) selection.set(chosen.resource());
        });
    }

    private void zoomToFound() {
        Layout layout = controller.layout();
        if (layout == null || controller.found().isEmpty()) return;
        picture.show(controller.found().stream().map(layout::card).map(Card::bounds).reduce(Rect::union).orElseThrow());
    }

    private void export(String format) {
        PictureExport.ask(dialogs, window(), "the diagram", "portolan-diagram", format, (f, file) ->
                DiagramExport.write(controller.layout(), controller.marks(), picture.style(), f, file))
                .ifPresent(said -> actions.runner().say(new ActionRunner.Message(said.text(), said.error())));
    }

    /** Keeps what the user moved, per lab: a simulated host's lab is the part of its name before the slash. */
    private void savePositions() {
        positions.save(controller.pinned(), key -> {
            String host = key.startsWith("host:") ? key.substring(5) : key.substring(0, key.lastIndexOf('/'));
            int slash = host.indexOf('/');
            return slash < 0 ? "hosts" : host.substring(0, slash);
        });
    }

    private HostSession session(String hostName) {
        return java.util.Optional.ofNullable(model(hostName)).flatMap(sessions).orElse(null);
    }

    private HostModel model(String hostName) {
        return hosts.stream().filter(h -> h.name().equals(hostName)).findFirst().orElse(null);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
