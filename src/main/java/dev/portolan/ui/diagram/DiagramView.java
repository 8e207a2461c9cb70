package dev.portolan.ui.diagram;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.actions.ContainerActions;
import dev.portolan.ui.diagram.Layout.Band;
import dev.portolan.ui.diagram.Layout.Card;
import dev.portolan.ui.diagram.Layout.HostBox;
import dev.portolan.ui.diagram.Layout.VolumeBox;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The whole cluster as one live picture: every host a region, its networks bands, its
 * containers cards, its volumes cylinders joined to the cards that mount them. Follows
 * the hosts' models (a change is laid out again for its host only, and glides into
 * place); pans, zooms, selects (the details pane follows), searches and filters,
 * collapses hosts and networks, and connects a container to a network when its card is
 * dropped on the band (dragged out of its band onto the host, it is disconnected).
 */
public final class DiagramView {

    private static final double DRAG_THRESHOLD = 5;

    private final ObservableList<HostModel> hosts;
    private final Function<HostModel, Optional<HostSession>> sessions;
    private final ContainerActions actions;
    private final ObjectProperty<Object> selection;
    private final Consumer<HostModel> hostChosen;
    private final DiagramLayout layouter = new DiagramLayout();
    private final DiagramAnimator animator = new DiagramAnimator();
    private final DiagramPositions positions;
    private final Canvas canvas = new Canvas();
    private final javafx.scene.Group palette = DiagramStyle.palette();
    private final Pane surface = new Pane(canvas, palette);
    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final Label counts = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final Set<String> selected = new LinkedHashSet<>();
    private Set<String> found = Set.of();
    private DiagramFilter filter = DiagramFilter.NONE;
    private DiagramStyle style;
    private Layout layout;
    private final Viewport view = new Viewport();
    private boolean dirty = true;
    private boolean repaint = true;
    /** Cards and host titles whose look changed in place (a state, a count): only they are painted again. */
    private List<Object> repaintOnly = List.of();
    private boolean fitPending = true;
    /** Set once the user pans or zooms: from then on the view stays where they put it. */
    private boolean viewTouched;
    private Drag drag;
    private Object hovered;
    private Runnable undo;
    private Function<String, File> saveChooser = this::chooseFile;

    /** A press that may become a pan, a card move or a host move. */
    private static final class Drag {
        final double startX;
        final double startY;
        final Object target;
        final double tx0;
        final double ty0;
        boolean moved;
        Rect at;
        String dropBand;

        Drag(double startX, double startY, Object target, double tx0, double ty0) {
            this.startX = startX;
            this.startY = startY;
            this.target = target;
            this.tx0 = tx0;
            this.ty0 = ty0;
        }
    }

    public DiagramView(ObservableList<HostModel> hosts, Function<HostModel, Optional<HostSession>> sessions,
            ContainerActions actions, ObjectProperty<Object> selection, Consumer<HostModel> hostChosen, Path configDir) {
        this.hosts = hosts;
        this.sessions = sessions;
        this.actions = actions;
        this.selection = selection;
        this.hostChosen = hostChosen;
        this.positions = new DiagramPositions(configDir);
        layouter.restorePinned(positions.all());

        canvas.setId("diagram-canvas");
        canvas.setFocusTraversable(true);
        canvas.widthProperty().bind(surface.widthProperty());
        canvas.heightProperty().bind(surface.heightProperty());
        canvas.widthProperty().addListener((obs, old, now) -> repaint = true);
        canvas.heightProperty().addListener((obs, old, now) -> repaint = true);
        surface.setMinSize(0, 0);
        surface.getStyleClass().add("diagram-surface");

        search.setId("diagram-search");
        search.setPromptText("Search, or host: state: net: label: lab:");
        search.setTooltip(new Tooltip("Words are searched for and highlighted (Enter zooms to them); host:node1"
                + " state:running net:backend label:app=web lab:demo narrow the picture. Ctrl+F comes here."));
        search.setPrefColumnCount(20);
        search.textProperty().addListener((obs, old, text) -> {
            filter = DiagramFilter.parse(text);
            dirty = true;
        });
        search.setOnAction(e -> zoomToFound());
        Button fit = button("Fit", "diagram-fit", this::fit);
        fit.setTooltip(new Tooltip("Fit everything in view (F or 0)"));
        Button zoomIn = button("+", "diagram-zoom-in", () -> zoomAt(1.25, canvas.getWidth() / 2, canvas.getHeight() / 2));
        Button zoomOut = button("−", "diagram-zoom-out", () -> zoomAt(0.8, canvas.getWidth() / 2, canvas.getHeight() / 2));
        MenuItem png = new MenuItem("PNG image…");
        png.setId("diagram-export-png");
        png.setOnAction(e -> export("png"));
        MenuItem svg = new MenuItem("SVG drawing…");
        svg.setId("diagram-export-svg");
        svg.setOnAction(e -> export("svg"));
        MenuButton exportMenu = new MenuButton("Export", null, png, svg);
        exportMenu.setId("diagram-export");
        counts.getStyleClass().add("muted");
        counts.setId("diagram-counts");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.setTop(new ToolBar(search, fit, zoomOut, zoomIn, spacer, counts, exportMenu));
        root.setCenter(surface);
        root.getStyleClass().add("diagram");

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
            e.consume();
        });
        canvas.setOnContextMenuRequested(e -> {
            Object hit = hitAt(e.getX(), e.getY());
            ContextMenu menu = menuFor(hit);
            if (menu != null) menu.show(canvas, e.getScreenX(), e.getScreenY());
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::key);

        hosts.forEach(this::watch);
        hosts.addListener((ListChangeListener<HostModel>) change -> {
            while (change.next()) change.getAddedSubList().forEach(this::watch);
            dirty = true;
        });
        // painted only while in a window that shows: the tables view or a closed window costs nothing
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getRoot().getStyleClass().addListener((ListChangeListener<String>) c -> style = null);
                timer.start();
                repaint = true;
            } else {
                timer.stop();
            }
        });
    }

    public Node root() {
        return root;
    }

    /** The current picture's layout (FX thread). */
    public Layout layout() {
        return layout;
    }

    /** Lays out and paints now rather than at the next pulse (tests, export). */
    public void refreshNow() {
        frame(System.nanoTime());
    }

    /** Where a diagram point is on the canvas, for tests that click and drag. */
    public Point2D toScreen(double x, double y) {
        return canvas.localToScreen(view.toCanvasX(x), view.toCanvasY(y));
    }

    /** For tests: the file an export writes to, instead of asking with a file dialog. */
    public void setSaveChooser(Function<String, File> chooser) {
        this.saveChooser = chooser;
    }

    public Set<String> selectedKeys() {
        return Set.copyOf(selected);
    }

    private void watch(HostModel host) {
        host.inventoryProperty().addListener((obs, old, now) -> dirty = true);
        host.statusProperty().addListener((obs, old, now) -> dirty = true);
    }

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    private void frame(long now) {
        if (root.getScene() == null || root.getScene().getWindow() == null || !root.getScene().getWindow().isShowing()) {
            return;
        }
        if (style == null) {
            style = DiagramStyle.read(palette);
            repaint = true;
        }
        if (dirty) {
            dirty = false;
            relayout(now);
        }
        boolean moving = animator.tick(now);
        if (moving || repaint) {
            repaint = false;
            repaintOnly = List.of();
            paint();
        } else if (!repaintOnly.isEmpty()) {
            List<Object> items = repaintOnly;
            repaintOnly = List.of();
            paintItems(items);
        }
    }

    private void relayout(long now) {
        Layout old = layout;
        DiagramFilter before = old == null ? null : lastFilter;
        layout = layouter.layout(snapshots(), filter);
        animator.changed(old, layout, filter.equals(before) && layout.cards().size() < 400, now);
        lastFilter = filter;
        found = new LinkedHashSet<>();
        for (Card card : layout.cards()) if (filter.finds(card.container())) found.add(card.key());
        selected.removeIf(key -> layout.card(key) == null && layout.volume(key) == null && layout.band(key) == null);
        followSelection();
        int containers = layout.cards().size();
        counts.setText(containers + (containers == 1 ? " container" : " containers") + " on " + layout.hosts().size()
                + (layout.hosts().size() == 1 ? " host" : " hosts") + (filter.searches() ? " · " + found.size() + " found" : ""));
        // until the user moves the view, it keeps showing everything as hosts come and go
        boolean grew = old == null || !old.bounds().equals(layout.bounds());
        if ((fitPending || (!viewTouched && grew)) && canvas.getWidth() > 0 && !layout.hosts().isEmpty()) {
            fitPending = false;
            fitTo(layout.bounds());
        }
        List<Object> changedInPlace = animator.running() ? null : LayoutChanges.inPlace(old, layout);
        if (changedInPlace == null) repaint = true;
        else repaintOnly = changedInPlace;
    }

    private DiagramFilter lastFilter;
    private PlannedLab plan;

    private List<HostSnapshot> snapshots() {
        List<HostSnapshot> list = new ArrayList<>(hosts.size());
        for (HostModel h : hosts) list.add(new HostSnapshot(h.name(), h.key().labName().orElse("hosts"), statusWord(h), h.inventory()));
        return plan == null ? list : plan.over(list);
    }

    /**
     * Shows what applying a lab would do, over the live picture: hosts, networks, volumes
     * and containers to be made drawn as dashed ghosts, containers to be replaced or
     * removed marked so. An empty list takes the ghosts away.
     */
    public void showPlan(String lab, List<dev.portolan.lab.LabStep> steps) {
        plan = steps == null || steps.isEmpty() ? null : new PlannedLab(lab, steps);
        dirty = true;
        fitPending = true; // the ghosts may lie outside the view: show everything
    }

    /** "live", "lost — connection refused", "stopped": no countdown, which would redraw every second. */
    private static String statusWord(HostModel h) {
        if (h.status() instanceof dev.portolan.inventory.HostStatus.Lost lost) {
            return "lost — " + dev.portolan.engine.EngineErrors.firstLine(lost.reason()) + " (last known state below)";
        }
        return dev.portolan.ui.StatusText.status(h.status(), java.time.Instant.now());
    }

    /** A simulated host's lab is the part of its name before the slash; other hosts keep their places under "hosts". */
    static String labOf(String hostName) {
        int slash = hostName.indexOf('/');
        return slash < 0 ? "hosts" : hostName.substring(0, slash);
    }

    private void paint() {
        if (layout == null || style == null) return;
        var g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setTransform(view.scale(), 0, 0, view.scale(), view.tx(), view.ty());
        Rect visible = view.visible(canvas.getWidth(), canvas.getHeight());
        new DiagramPainter(style).paint(frameOf(visible), new CanvasPen(g));
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private void paintItems(List<Object> items) {
        if (layout == null || style == null) return;
        var g = canvas.getGraphicsContext2D();
        g.setTransform(view.scale(), 0, 0, view.scale(), view.tx(), view.ty());
        DiagramPainter painter = new DiagramPainter(style);
        DiagramPainter.Frame frame = frameOf(view.visible(canvas.getWidth(), canvas.getHeight()));
        CanvasPen pen = new CanvasPen(g);
        for (Object item : items) painter.repaint(item, frame, pen);
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private DiagramPainter.Frame frameOf(Rect visible) {
        Drag d = drag;
        Function<Card, Rect> position = card -> d != null && d.moved && d.target == card && d.at != null ? d.at
                : animator.position(card);
        return new DiagramPainter.Frame(layout, position, animator.alpha(), animator.fading(), selected, found,
                d == null ? null : d.dropBand, view.scale(), visible);
    }

    // ---- view: pan, zoom, fit

    /** Zooms so that everything drawn fits the view. */
    public void fit() {
        if (layout == null) return;
        viewTouched = false; // showing everything again, and following the cluster as it grows
        fitTo(layout.bounds());
    }

    private void fitTo(Rect r) {
        view.fit(r, canvas.getWidth(), canvas.getHeight());
        repaint = true;
    }

    /** Brings a host into view (the sidebar's choice). */
    public void reveal(HostModel host) {
        if (layout == null) return;
        layout.hosts().stream().filter(h -> h.host().equals(host.name())).findFirst().ifPresent(h -> {
            viewTouched = true;
            fitTo(h.bounds());
        });
    }

    private void zoomAt(double factor, double x, double y) {
        viewTouched = true;
        view.zoomAt(factor, x, y);
        repaint = true;
    }

    private void zoomToFound() {
        if (layout == null || found.isEmpty()) return;
        viewTouched = true;
        fitTo(found.stream().map(layout::card).map(Card::bounds).reduce(Rect::union).orElseThrow());
    }

    private double dx(double canvasX) {
        return view.toDiagramX(canvasX);
    }

    private double dy(double canvasY) {
        return view.toDiagramY(canvasY);
    }

    private Object hitAt(double x, double y) {
        return layout == null ? null : layout.hit(dx(x), dy(y));
    }

    // ---- mouse

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) return;
        Object hit = hitAt(e.getX(), e.getY());
        // a host is dragged by its title bar; inside it, the background pans
        if (hit instanceof HostBox h && dy(e.getY()) > h.bounds().y() + DiagramLayout.HOST_HEADER) hit = null;
        if (hit instanceof Band) hit = null;
        drag = new Drag(e.getX(), e.getY(), hit, view.tx(), view.ty());
        if (e.getClickCount() == 2) toggleCollapse(hitAt(e.getX(), e.getY()));
    }

    private void dragged(MouseEvent e) {
        Drag d = drag;
        if (d == null) return;
        double mx = e.getX() - d.startX;
        double my = e.getY() - d.startY;
        if (!d.moved && Math.hypot(mx, my) < DRAG_THRESHOLD) return;
        d.moved = true;
        switch (d.target) {
            case Card card -> {
                d.at = card.bounds().moved(mx / view.scale(), my / view.scale());
                Band band = layout.bandAt(dx(e.getX()), dy(e.getY()));
                d.dropBand = band != null && band.host().equals(card.host()) && band.network() != null
                        && !card.container().isOn(band.name()) ? band.key() : null;
            }
            case HostBox host -> d.at = host.bounds().moved(mx / view.scale(), my / view.scale());
            case null, default -> {
                viewTouched = true;
                view.panTo(d.tx0 + mx, d.ty0 + my);
            }
        }
        repaint = true;
    }

    private void released(MouseEvent e) {
        Drag d = drag;
        drag = null;
        if (d == null) return;
        if (!d.moved) {
            click(d.target == null ? hitAt(e.getX(), e.getY()) : d.target, e.isShiftDown() || e.isShortcutDown());
            return;
        }
        switch (d.target) {
            case Card card -> dropCard(card, d, dx(e.getX()), dy(e.getY()));
            case HostBox host -> {
                layouter.pinHost(host.host(), d.at.x(), d.at.y());
                savePositions();
                dirty = true;
            }
            case null, default -> repaint = true;
        }
    }

    /** Dropped on another network's band: connect. Out of its own band onto the host: disconnect. Else: moved. */
    private void dropCard(Card card, Drag d, double x, double y) {
        if (PlannedLab.isGhost(card.container())) {
            repaint = true;
            return;
        }
        Band from = layout.bandAt(card.bounds().centerX(), card.bounds().centerY());
        Band onto = layout.bandAt(x, y);
        HostBox host = layout.hosts().stream().filter(h -> h.host().equals(card.host())).findFirst().orElse(null);
        if (onto != null && d.dropBand != null && d.dropBand.equals(onto.key())) {
            attach(card, onto.name(), true);
        } else if (onto == null && from != null && from.network() != null && host != null && host.bounds().contains(x, y)
                && card.container().isOn(from.name())) {
            attach(card, from.name(), false);
        } else if (host != null) {
            layouter.pinCard(card, d.at.x() - host.bounds().x(), d.at.y() - host.bounds().y());
            savePositions();
        }
        dirty = true;
    }

    /** Connects or disconnects on the engine; the card moves when the engine's event says it did. */
    public void attach(Card card, String network, boolean connect) {
        HostSession session = session(card.host());
        actions.attach(session, card.container(), network, connect, back -> undo = back);
    }

    private void click(Object hit, boolean add) {
        String key = keyOf(hit);
        if (!add) selected.clear();
        if (key != null && !selected.remove(key)) selected.add(key);
        if (key != null && !add) selected.add(key);
        followSelection();
        repaint = true;
    }

    /** Selects what is drawn under this key (tests and keyboard), as a click would. */
    public void select(String key) {
        selected.clear();
        if (key != null) selected.add(key);
        followSelection();
        repaint = true;
    }

    /** The details pane shows the one selected thing; the sidebar follows to its host. */
    private void followSelection() {
        if (layout == null || selected.size() != 1) {
            if (selected.isEmpty()) selection.set(null);
            return;
        }
        String key = selected.iterator().next();
        Object item = null;
        String host = null;
        if (layout.card(key) != null && PlannedLab.isGhost(layout.card(key).container())) {
            return;
        } else if (layout.card(key) != null) {
            item = layout.card(key).container();
            host = layout.card(key).host();
        } else if (layout.volume(key) != null) {
            item = layout.volume(key).volume();
            host = layout.volume(key).host();
        } else if (layout.band(key) != null && layout.band(key).network() != null) {
            item = layout.band(key).network();
            host = layout.band(key).host();
        }
        String hostName = host;
        hosts.stream().filter(h -> h.name().equals(hostName)).findFirst().ifPresent(hostChosen);
        if (item != null && selection.get() != item) selection.set(item);
    }

    private static String keyOf(Object hit) {
        return switch (hit) {
            case Card c -> c.key();
            case VolumeBox v -> v.key();
            case Band b -> b.key();
            case null, default -> null;
        };
    }

    private void hover(MouseEvent e) {
        Object hit = hitAt(e.getX(), e.getY());
        if (hit == hovered) return;
        hovered = hit;
        String text = DiagramTooltips.of(hit);
        if (text == null) {
            Tooltip.uninstall(canvas, tooltip);
        } else {
            tooltip.setText(text);
            Tooltip.install(canvas, tooltip);
        }
    }

    // ---- menus, keys, collapse

    /** The menu for what is under the pointer: container actions, collapse, fit. */
    public ContextMenu menuFor(Object hit) {
        ContextMenu menu;
        switch (hit) {
            case Card card when PlannedLab.isGhost(card.container()) -> {
                return null;
            }
            case Card card -> {
                if (!selected.contains(card.key())) select(card.key());
                List<ContainerInfo> chosen = selected.stream().map(layout::card).filter(c -> c != null && c.host().equals(card.host()))
                        .map(Card::container).toList();
                menu = actions.menu(session(card.host()), chosen, window());
                Band band = layout.bandAt(card.bounds().centerX(), card.bounds().centerY());
                if (band != null) menu.getItems().addAll(new SeparatorMenuItem(), collapseItem(band.key(), "network " + band.name()));
            }
            case Band band -> menu = new ContextMenu(collapseItem(band.key(), "network " + band.name()));
            case HostBox host -> {
                MenuItem fitHost = new MenuItem("Fit " + host.host() + " in view");
                fitHost.setOnAction(e -> fitTo(host.bounds()));
                menu = new ContextMenu(fitHost, collapseItem(host.host(), "host " + host.host()));
            }
            case null, default -> {
                return null;
            }
        }
        return menu;
    }

    private MenuItem collapseItem(String key, String what) {
        MenuItem item = new MenuItem((layouter.isCollapsed(key) ? "Open " : "Collapse ") + what);
        item.setOnAction(e -> {
            layouter.toggleCollapsed(key);
            dirty = true;
        });
        return item;
    }

    private void toggleCollapse(Object hit) {
        String key = switch (hit) {
            case Band b -> b.key();
            case HostBox h -> h.host();
            case null, default -> null;
        };
        if (key == null) return;
        layouter.toggleCollapsed(key);
        dirty = true;
    }

    /** Collapses or opens a host (by name) or a band (by key), as a double-click does. */
    public void toggleCollapsed(String key) {
        layouter.toggleCollapsed(key);
        dirty = true;
    }

    private void key(KeyEvent e) {
        KeyCode code = e.getCode();
        if (e.isShortcutDown() && code == KeyCode.F) {
            search.requestFocus();
        } else if (e.isShortcutDown() && code == KeyCode.Z) {
            Runnable back = undo;
            undo = null;
            if (back != null) back.run();
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            zoomAt(1.25, canvas.getWidth() / 2, canvas.getHeight() / 2);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            zoomAt(0.8, canvas.getWidth() / 2, canvas.getHeight() / 2);
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.F) {
            fit();
        } else if (code.isArrowKey()) {
            moveSelection(code);
        } else if (code == KeyCode.ESCAPE) {
            select(null);
        } else if (code == KeyCode.ENTER) {
            selectedCards().stream().findFirst().ifPresent(c -> actions.logs(session(c.host()), c.container()));
        } else if (code == KeyCode.DELETE) {
            List<Card> cards = selectedCards();
            if (!cards.isEmpty()) {
                actions.remove(session(cards.getFirst().host()), cards.stream()
                        .filter(c -> c.host().equals(cards.getFirst().host())).map(Card::container).toList(), window());
            }
        } else {
            return;
        }
        e.consume();
    }

    private List<Card> selectedCards() {
        return layout == null ? List.of() : selected.stream().map(layout::card).filter(c -> c != null).toList();
    }

    /** The arrow keys go to the nearest card in their direction; the view follows. */
    private void moveSelection(KeyCode code) {
        if (layout == null || layout.cards().isEmpty()) return;
        List<Card> current = selectedCards();
        if (current.isEmpty()) {
            select(layout.cards().getFirst().key());
            return;
        }
        Card best = LayoutChanges.nearest(layout.cards(), current.getFirst(), code);
        if (best == null) return;
        select(best.key());
        view.keepInView(best.bounds(), canvas.getWidth(), canvas.getHeight());
    }

    // ---- export

    private void export(String format) {
        File file = saveChooser.apply(format);
        if (file == null) return;
        ActionRunner runner = actions.runner();
        try {
            DiagramExport.write(layout, style == null ? DiagramStyle.defaults() : style, format, file.toPath());
            runner.say(new ActionRunner.Message("Exported the diagram to " + file, false));
        } catch (java.io.IOException | RuntimeException e) {
            runner.say(new ActionRunner.Message("Exporting the diagram to " + file + " failed: " + e.getMessage()
                    + ". Choose a folder you can write to.", true));
        }
    }

    private File chooseFile(String format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the diagram as " + format.toUpperCase(java.util.Locale.ROOT));
        chooser.setInitialFileName("portolan-diagram." + format);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toUpperCase(java.util.Locale.ROOT), "*." + format));
        return chooser.showSaveDialog(window());
    }

    // ---- helpers

    private void savePositions() {
        positions.save(layouter.pinned(), key -> labOf(key.startsWith("host:") ? key.substring(5) : key.substring(0, key.lastIndexOf('/'))));
    }

    private HostSession session(String hostName) {
        return hosts.stream().filter(h -> h.name().equals(hostName)).findFirst().flatMap(sessions).orElse(null);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
