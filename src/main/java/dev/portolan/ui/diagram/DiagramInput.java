package dev.portolan.ui.diagram;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.ui.actions.ContainerActions;
import dev.portolan.ui.actions.VolumeActions;
import dev.portolan.ui.diagram.Layout.Band;
import dev.portolan.ui.diagram.Layout.Card;
import dev.portolan.ui.diagram.Layout.HostBox;
import dev.portolan.ui.diagram.Layout.VolumeBox;
import dev.portolan.ui.model.HostSession;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Window;

/**
 * What the pointer and the keys do on the diagram: select (Shift or Ctrl adds), pan, zoom,
 * drag a card onto another network's band (connect) or out of its band (disconnect), move
 * cards and hosts (kept), double-click to collapse, menus, tooltips, and the keyboard:
 * arrows, Enter (logs), Delete, Escape, Ctrl+Z, Ctrl+F, + − 0.
 */
final class DiagramInput {

    private static final double DRAG_THRESHOLD = 5;

    private final DiagramCanvas picture;
    private final DiagramController controller;
    private final ContainerActions actions;
    private final VolumeActions volumes;
    private final Function<String, HostSession> sessionOf;
    /** A host by its name, while it has no session too (its last known containers still have a menu). */
    private final Function<String, dev.portolan.ui.model.HostModel> modelOf;
    private final Runnable selectionChanged;
    private final Runnable positionsChanged;
    private final Runnable focusSearch;
    private final Supplier<Window> window;
    private final Tooltip tooltip = new Tooltip();
    private Drag drag;
    /** What the window adds to a host's menu (its faults, who talks to whom); none in a bare diagram (benchmarks). */
    /** What else a host's menu offers, each a group of its own: the troubleshooting tools, the host's start, stop, remove. */
    private final List<java.util.function.BiFunction<String, Window, List<MenuItem>>> hostItems = new java.util.ArrayList<>();
    private java.util.function.BiFunction<VolumeBox, Window, List<MenuItem>> volumeItems;
    private Object hovered;

    /** A press that may become a pan, a card move or a host move. */
    private static final class Drag {
        final double startX;
        final double startY;
        final Layout.Item target;
        final double tx0;
        final double ty0;
        boolean moved;

        Drag(double startX, double startY, Layout.Item target, double tx0, double ty0) {
            this.startX = startX;
            this.startY = startY;
            this.target = target;
            this.tx0 = tx0;
            this.ty0 = ty0;
        }
    }

    DiagramInput(DiagramCanvas picture, DiagramController controller, ContainerActions actions, VolumeActions volumes,
            Function<String, HostSession> sessionOf, Function<String, dev.portolan.ui.model.HostModel> modelOf,
            Runnable selectionChanged, Runnable positionsChanged,
            Runnable focusSearch, Supplier<Window> window) {
        this.picture = picture;
        this.controller = controller;
        this.actions = actions;
        this.volumes = volumes;
        this.sessionOf = sessionOf;
        this.modelOf = modelOf;
        this.selectionChanged = selectionChanged;
        this.positionsChanged = positionsChanged;
        this.focusSearch = focusSearch;
        this.window = window;
        var canvas = picture.canvas();
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            picture.zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
            e.consume();
        });
        canvas.setOnContextMenuRequested(e -> {
            ContextMenu menu = menuFor(picture.hitAt(e.getX(), e.getY()));
            if (menu != null) menu.show(canvas, e.getScreenX(), e.getScreenY());
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    // ---- mouse

    private void pressed(MouseEvent e) {
        picture.canvas().requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) return;
        Layout.Item hit = picture.hitAt(e.getX(), e.getY());
        // a host is dragged by its title bar; inside it, the background pans
        if (hit instanceof HostBox h && picture.toDiagramY(e.getY()) > h.bounds().y() + DiagramLayout.HOST_HEADER) hit = null;
        if (hit instanceof Band) hit = null;
        drag = new Drag(e.getX(), e.getY(), hit, picture.view().tx(), picture.view().ty());
        if (e.getClickCount() == 2) toggleCollapse(picture.hitAt(e.getX(), e.getY()));
    }

    private void dragged(MouseEvent e) {
        Drag d = drag;
        if (d == null) return;
        double mx = e.getX() - d.startX;
        double my = e.getY() - d.startY;
        if (!d.moved && Math.hypot(mx, my) < DRAG_THRESHOLD) return;
        d.moved = true;
        double scale = picture.view().scale();
        switch (d.target) {
            case Card card -> {
                Band band = controller.layout().bandAt(picture.toDiagramX(e.getX()), picture.toDiagramY(e.getY()));
                String dropBand = band != null && band.host().equals(card.host()) && band.network() != null
                        && !card.container().isOn(band.name()) ? band.key() : null;
                picture.preview(new DiagramCanvas.Preview(card, card.bounds().moved(mx / scale, my / scale), dropBand));
            }
            case HostBox host -> picture.preview(new DiagramCanvas.Preview(host, host.bounds().moved(mx / scale, my / scale), null));
            case null, default -> picture.panTo(d.tx0 + mx, d.ty0 + my);
        }
    }

    private void released(MouseEvent e) {
        Drag d = drag;
        drag = null;
        if (d == null) return;
        DiagramCanvas.Preview moved = picture.preview();
        picture.preview(null);
        if (!d.moved) {
            controller.click(d.target == null ? picture.hitAt(e.getX(), e.getY()) : d.target, e.isShiftDown() || e.isShortcutDown());
            selectionChanged.run();
            picture.repaint();
            return;
        }
        if (moved == null) return;
        switch (d.target) {
            case Card card -> dropCard(card, moved, picture.toDiagramX(e.getX()), picture.toDiagramY(e.getY()));
            case HostBox host -> {
                controller.pinHost(host.host(), moved.at().x(), moved.at().y());
                positionsChanged.run();
            }
            case null, default -> { }
        }
    }

    /** Dropped on another network's band: connect. Out of its own band onto the host: disconnect. Else: moved. */
    private void dropCard(Card card, DiagramCanvas.Preview moved, double x, double y) {
        if (card.isGhost()) return;
        Layout layout = controller.layout();
        Band from = layout.bandAt(card.bounds().centerX(), card.bounds().centerY());
        Band onto = layout.bandAt(x, y);
        HostBox host = layout.host(card.host());
        if (onto != null && moved.dropBand() != null && moved.dropBand().equals(onto.key())) {
            attach(card, onto.name(), true);
        } else if (onto == null && from != null && from.network() != null && host != null && host.bounds().contains(x, y)
                && card.container().isOn(from.name())) {
            attach(card, from.name(), false);
        } else if (host != null) {
            controller.pinCard(card, moved.at().x() - host.bounds().x(), moved.at().y() - host.bounds().y());
            positionsChanged.run();
        }
        controller.changed();
    }

    /** Connects or disconnects on the engine; the card moves when the engine's event says it did. */
    void attach(Card card, String network, boolean connect) {
        actions.attach(sessionOf.apply(card.host()), card.container(), network, connect, controller::setUndo);
    }

    private void hover(MouseEvent e) {
        Object hit = picture.hitAt(e.getX(), e.getY());
        if (hit == hovered) return;
        hovered = hit;
        String text = DiagramTooltips.of(hit);
        if (text == null) {
            Tooltip.uninstall(picture.canvas(), tooltip);
        } else {
            tooltip.setText(text);
            Tooltip.install(picture.canvas(), tooltip);
        }
    }

    // ---- menus and collapse

    void addToHostMenus(java.util.function.BiFunction<String, Window, List<MenuItem>> more) {
        hostItems.add(more);
    }

    void addToVolumeMenus(java.util.function.BiFunction<VolumeBox, Window, List<MenuItem>> more) {
        this.volumeItems = more;
    }

    /** The menu for what is under the pointer: container actions, a volume's backup and restore, collapse, fit. */
    ContextMenu menuFor(Layout.Item hit) {
        return switch (hit) {
            case Card card when card.isGhost() -> null;
            case Card card -> {
                if (!controller.selected().contains(card.key())) select(card.key());
                List<ContainerInfo> chosen = controller.selectedCards().stream().filter(c -> c.host().equals(card.host()))
                        .map(Card::container).toList();
                ContextMenu menu = actions.menu(modelOf.apply(card.host()), sessionOf.apply(card.host()), chosen, window.get());
                Band band = controller.layout().bandAt(card.bounds().centerX(), card.bounds().centerY());
                if (band != null) menu.getItems().addAll(new SeparatorMenuItem(), collapseItem(band.key(), "network " + band.name()));
                yield menu;
            }
            case Band band -> new ContextMenu(collapseItem(band.key(), "network " + band.name()));
            case VolumeBox box -> {
                ContextMenu menu = volumes.menu(modelOf.apply(box.host()), sessionOf.apply(box.host()), box.volume(), window.get());
                List<MenuItem> more = volumeItems == null ? List.of() : volumeItems.apply(box, window.get());
                if (!more.isEmpty()) {
                    menu.getItems().add(new SeparatorMenuItem());
                    menu.getItems().addAll(more);
                }
                yield menu;
            }
            case HostBox host -> {
                MenuItem run = new MenuItem("Run a container on " + host.host() + "…");
                run.setId("diagram-run-container");
                run.setOnAction(e -> actions.run(sessionOf.apply(host.host()), window.get()));
                MenuItem fitHost = new MenuItem("Fit " + host.host() + " in view");
                fitHost.setOnAction(e -> picture.show(host.bounds()));
                ContextMenu menu = new ContextMenu(run, new SeparatorMenuItem(), fitHost, collapseItem(host.host(), "host " + host.host()));
                for (var group : hostItems) {
                    List<MenuItem> more = group.apply(host.host(), window.get());
                    if (more.isEmpty()) continue;
                    menu.getItems().add(new SeparatorMenuItem());
                    menu.getItems().addAll(more);
                }
                yield menu;
            }
            case null, default -> null;
        };
    }

    private MenuItem collapseItem(String key, String what) {
        MenuItem item = new MenuItem((controller.isCollapsed(key) ? "Open " : "Collapse ") + what);
        item.setOnAction(e -> controller.toggleCollapsed(key));
        return item;
    }

    private void toggleCollapse(Layout.Item hit) {
        if (hit instanceof Band || hit instanceof HostBox) controller.toggleCollapsed(hit.key());
    }

    private void select(String key) {
        controller.select(key);
        selectionChanged.run();
        picture.repaint();
    }

    // ---- keys

    /** What {@link #key} does, for the list of shortcuts: keep the two together. */
    static final List<dev.portolan.ui.Shortcuts.Key> KEYS = List.of(
            new dev.portolan.ui.Shortcuts.Key("Ctrl+F (⌘F)", "Search the picture"),
            new dev.portolan.ui.Shortcuts.Key("Ctrl+Z (⌘Z)", "Undo the last drag onto or off a network"),
            new dev.portolan.ui.Shortcuts.Key("+  −", "Zoom in, out (or the wheel)"),
            new dev.portolan.ui.Shortcuts.Key("0  or  F", "Fit everything in view"),
            new dev.portolan.ui.Shortcuts.Key("Arrow keys", "Select the nearest card that way"),
            new dev.portolan.ui.Shortcuts.Key("Enter", "The selected container's logs"),
            new dev.portolan.ui.Shortcuts.Key("Delete", "Remove the selected containers (asked first)"),
            new dev.portolan.ui.Shortcuts.Key("Esc", "Select nothing"));

    private void key(KeyEvent e) {
        KeyCode code = e.getCode();
        if (e.isShortcutDown() && code == KeyCode.F) {
            focusSearch.run();
        } else if (e.isShortcutDown() && code == KeyCode.Z) {
            controller.undo();
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            picture.zoom(1.25);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            picture.zoom(0.8);
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.F) {
            picture.fit();
        } else if (code.isArrowKey()) {
            Card next = controller.move(direction(code));
            if (next != null) {
                selectionChanged.run();
                picture.keepInView(next.bounds());
            }
        } else if (code == KeyCode.ESCAPE) {
            select(null);
        } else if (code == KeyCode.ENTER) {
            controller.selectedCards().stream().findFirst().ifPresent(c -> actions.logs(sessionOf.apply(c.host()), c.container()));
        } else if (code == KeyCode.DELETE) {
            removeSelected();
        } else {
            return;
        }
        e.consume();
    }

    private static LayoutChanges.Direction direction(KeyCode arrow) {
        return switch (arrow) {
            case LEFT, KP_LEFT -> LayoutChanges.Direction.LEFT;
            case RIGHT, KP_RIGHT -> LayoutChanges.Direction.RIGHT;
            case UP, KP_UP -> LayoutChanges.Direction.UP;
            default -> LayoutChanges.Direction.DOWN;
        };
    }

    /** Delete: removes the selected containers of the first selected card's host, after asking. */
    private void removeSelected() {
        List<Card> cards = controller.selectedCards();
        if (cards.isEmpty()) return;
        String host = cards.getFirst().host();
        actions.remove(sessionOf.apply(host), cards.stream().filter(c -> c.host().equals(host)).map(Card::container).toList(),
                window.get());
    }
}
