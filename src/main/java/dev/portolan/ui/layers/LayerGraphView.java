package dev.portolan.ui.layers;

import dev.portolan.image.LayerGraph;
import dev.portolan.image.LayerGraph.Node;
import dev.portolan.ui.draw.PictureCanvas;
import dev.portolan.ui.draw.PictureFile;
import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.layers.LayerGraphLayout.Block;
import dev.portolan.ui.layers.LayerGraphLayout.Tip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;

/**
 * The layer graph on a canvas: select a step or an image by click or with the arrows (up
 * toward the tips, down toward the base, left and right among siblings), search, fade
 * what a host lacks, export. The selection is a {@link Block} or a {@link Tip}.
 */
public final class LayerGraphView {

    private static final double MARGIN = 20;

    private final PictureCanvas picture;
    private final ObjectProperty<Object> selected = new SimpleObjectProperty<>();
    private LayerGraphLayout layout = LayerGraphLayout.of(LayerGraph.of(List.of()));
    private Set<Node> found = Set.of();
    private String query = "";
    private String fadeLacking;
    private Runnable opened = () -> {};

    public LayerGraphView() {
        picture = new PictureCanvas("layer-graph-canvas", (pen, style, visible, scale) -> new LayerGraphPainter(style)
                .paint(frame(visible, scale), pen), () -> layout.bounds());
        picture.fitTo(() -> layout.tagged(), 0.6);
        picture.tooltips(at -> describe(layout.hit(at[0], at[1])));
        picture.canvas().getProperties().put(LayerGraphView.class, this);
        picture.onClick(at -> selected.set(layout.hit(at[0], at[1])));
        picture.onDoubleClick(at -> {
            selected.set(layout.hit(at[0], at[1]));
            if (selected.get() != null) opened.run();
        });
        selected.addListener((obs, old, now) -> {
            if (now != null) picture.keepInView(boundsOf(now));
            picture.repaint();
        });
        picture.canvas().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown()) return;
            switch (e.getCode()) {
                case UP, DOWN, LEFT, RIGHT -> move(e.getCode());
                case ENTER -> {
                    if (selected.get() != null) opened.run();
                }
                case ESCAPE -> selected.set(null);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** The view a canvas of it belongs to (tests and tours reach the picture's model from the scene). */
    public static LayerGraphView of(javafx.scene.Node canvas) {
        return (LayerGraphView) canvas.getProperties().get(LayerGraphView.class);
    }

    public Pane node() {
        return picture.surface();
    }

    public PictureCanvas picture() {
        return picture;
    }

    /** The selected {@link Block} or {@link Tip}, or null. */
    public ObjectProperty<Object> selectedProperty() {
        return selected;
    }

    /** Enter or a double click on the selection. */
    public void onOpen(Runnable opened) {
        this.opened = opened;
    }

    public LayerGraphLayout layout() {
        return layout;
    }

    /** Shows a new graph; the selection is kept when its step or image is still there. */
    public void show(LayerGraph graph) {
        boolean first = layout.blocks().isEmpty();
        Object was = selected.get();
        layout = LayerGraphLayout.of(graph);
        search(query);
        selected.set(sameIn(layout, was));
        if (first) picture.fitNextFrame();
        picture.repaint();
    }

    /** Marks the steps whose line or layer id, and the images whose tag or id, contain the words. */
    public void search(String text) {
        query = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Set<Node> matches = new HashSet<>();
        if (!query.isEmpty()) {
            for (Block b : layout.blocks()) {
                Node n = b.node();
                if (LayerGraphPainter.lineOf(n).toLowerCase(Locale.ROOT).contains(query)
                        || (n.step().diffId() != null && n.step().diffId().contains(query))) matches.add(n);
            }
            for (Tip t : layout.tips()) {
                if (t.image().id().contains(query) || t.image().tags().stream().anyMatch(tag -> tag.toLowerCase(Locale.ROOT).contains(query))) {
                    matches.add(t.node());
                }
            }
        }
        found = Set.copyOf(matches);
        picture.repaint();
    }

    public Set<Node> found() {
        return found;
    }

    /** Zooms to what the search found. */
    public void zoomToFound() {
        found.stream().map(n -> layout.block(n).bounds()).reduce(Rect::union).ifPresent(picture::show);
    }

    /** Fades what {@code host} does not hold (null: nothing faded). */
    public void fadeLacking(String host) {
        fadeLacking = host;
        picture.repaint();
    }

    public void export(String format, Path file) throws IOException {
        Rect b = layout.bounds();
        Rect area = new Rect(b.x() - MARGIN, b.y() - MARGIN, Math.max(1, b.w() + 2 * MARGIN), Math.max(1, b.h() + 2 * MARGIN));
        PictureFile.write(area, pen -> new LayerGraphPainter(picture.style()).paint(frame(area, 1), pen), format, file);
    }

    private LayerGraphPainter.Frame frame(Rect visible, double scale) {
        return new LayerGraphPainter.Frame(layout, selected.get(), pathOf(selected.get()), found, fadeLacking, scale, visible);
    }

    /** What the pointer is over, in a line or two: a step's line, size and hosts; an image's tags and hosts. */
    private String describe(Object hit) {
        return switch (hit) {
            case Block b -> LayerGraphPainter.lineOf(b.node()) + "\n" + (b.node().step().isEmpty() ? "metadata only, no files"
                    : b.node().step().sizeBytes() < 0 ? "" : dev.portolan.ui.StatusText.bytes(b.node().step().sizeBytes()))
                    + " · " + b.node().images().size() + (b.node().images().size() == 1 ? " image" : " images")
                    + " · on " + String.join(", ", b.node().hosts());
            case Tip t -> String.join(", ", t.image().tags().isEmpty() ? List.of(t.image().name()) : t.image().tags())
                    + "\non " + String.join(", ", t.image().hosts());
            case null, default -> null;
        };
    }

    /** The selected step and those below it; for an image, all its steps. */
    static Set<Node> pathOf(Object selection) {
        Node node = switch (selection) {
            case Block b -> b.node();
            case Tip t -> t.node();
            case null, default -> null;
        };
        Set<Node> path = new HashSet<>();
        for (Node n = node; n != null; n = n.parent()) path.add(n);
        return path;
    }

    private Rect boundsOf(Object selection) {
        return selection instanceof Tip t ? t.bounds() : ((Block) selection).bounds();
    }

    /** The same step (by its image and depth) or image in a new layout. */
    private static Object sameIn(LayerGraphLayout next, Object was) {
        return switch (was) {
            case Tip t -> next.tip(t.image().id());
            case Block b -> {
                String image = b.node().images().getFirst().id();
                yield next.blocks().stream().filter(n -> n.node().depth() == b.node().depth()
                        && n.node().images().stream().anyMatch(i -> i.id().equals(image))).findFirst().orElse(null);
            }
            case null, default -> null;
        };
    }

    private void move(KeyCode arrow) {
        Object at = selected.get();
        if (at == null) {
            layout.blocks().stream().findFirst().ifPresent(selected::set);
            return;
        }
        Node node = at instanceof Tip t ? t.node() : ((Block) at).node();
        Object next = switch (arrow) {
            case UP -> at instanceof Tip ? null : !node.children().isEmpty() ? layout.block(node.children().getFirst())
                    : node.tips().isEmpty() ? null : layout.tip(node.tips().getFirst().id());
            case DOWN -> at instanceof Tip ? layout.block(node) : node.parent() == null ? null : layout.block(node.parent());
            case LEFT, RIGHT -> {
                if (at instanceof Tip) yield null;
                List<Node> siblings = node.parent() == null ? layout.graph().roots() : node.parent().children();
                int i = siblings.indexOf(node) + (arrow == KeyCode.LEFT ? -1 : 1);
                yield i < 0 || i >= siblings.size() ? null : layout.block(siblings.get(i));
            }
            default -> null;
        };
        if (next != null) selected.set(next);
    }
}
