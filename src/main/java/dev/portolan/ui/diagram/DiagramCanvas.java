package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.DiagramStyle;
import dev.portolan.ui.draw.Viewport;
import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.draw.CanvasPen;
import dev.portolan.ui.draw.PictureCanvas;
import dev.portolan.ui.diagram.Layout.Card;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/**
 * The picture: a canvas painted once per frame while it shows (nothing while hidden), its
 * viewport (pan, zoom, fit, and following the cluster until the user moves the view), the
 * glide of cards to new places, and repainting only what changed in place.
 */
final class DiagramCanvas {

    /** A card or host being dragged: where it is drawn meanwhile, and the band it would drop on. */
    record Preview(Object target, Rect at, String dropBand) {}

    private final DiagramController controller;
    private final Supplier<List<HostSnapshot>> snapshots;
    private final Runnable laidOut;
    private final DiagramAnimator animator = new DiagramAnimator();
    private final Canvas canvas = new Canvas();
    private final Group palette = DiagramStyle.palette();
    private final Pane surface = new Pane(canvas, palette);
    private final Viewport view = new Viewport();
    private DiagramStyle style;
    private boolean repaint = true;
    /** Cards and host titles whose look changed in place (a state, a count): only they are painted again. */
    private List<Object> repaintOnly = List.of();
    /** Cards (by key) whose marks changed, zoomed out to tiles: painted again with what changed in place. */
    private final Set<String> repaintCards = new LinkedHashSet<>();
    private boolean fitPending = true;
    /** Set once the user pans or zooms: from then on the view stays where they put it. */
    private boolean viewTouched;
    private Preview preview;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    /**
     * @param snapshots the hosts as they are now, read when a new layout is due
     * @param laidOut   told after each new layout
     */
    DiagramCanvas(DiagramController controller, Supplier<List<HostSnapshot>> snapshots, Runnable laidOut) {
        this.controller = controller;
        this.snapshots = snapshots;
        this.laidOut = laidOut;
        canvas.setId("diagram-canvas");
        // painted only while in a window that shows: the tables view or a closed window costs nothing
        PictureCanvas.paintWhileShown(canvas, surface, timer, () -> {
            repaint = true;
            // a view of another shape gets rows of hosts of another length, and is fitted again
            if (controller.viewSize(canvas.getWidth(), canvas.getHeight())) fitPending = true;
        }, () -> style = null);
    }

    Pane surface() {
        return surface;
    }

    Canvas canvas() {
        return canvas;
    }

    Viewport view() {
        return view;
    }

    /** The colours read from CSS (the theme), or the defaults before the first frame. */
    DiagramStyle style() {
        return style == null ? DiagramStyle.defaults() : style;
    }

    void repaint() {
        repaint = true;
    }

    /**
     * Paints these cards (by key) again at the next frame: their marks changed. Zoomed out to tiles
     * a mark is an outline on the card, and the cards alone are painted again; closer in, a trouble's
     * tag sits above a card's top edge, over what is there, and the picture in view is painted again.
     */
    void repaintCards(Collection<String> keys) {
        if (view.scale() >= DiagramPainter.TILE_SCALE) repaint = true;
        else repaintCards.addAll(keys);
    }

    /** Whether the picture is in a window that shows (it is not painted otherwise). */
    boolean isShowing() {
        var scene = surface.getScene();
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }

    /** The part of the diagram in view, in diagram coordinates. */
    Rect visibleArea() {
        return view.visible(canvas.getWidth(), canvas.getHeight());
    }

    /** Shows a drag in progress (null when it ends). */
    void preview(Preview next) {
        preview = next;
        repaint = true;
    }

    Preview preview() {
        return preview;
    }

    /** Shows everything at the next layout (a plan's ghosts may lie outside the view). */
    void fitNextLayout() {
        fitPending = true;
    }

    void frame(long now) {
        var scene = surface.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) return;
        if (style == null) {
            style = DiagramStyle.read(palette);
            repaint = true;
        }
        if (controller.takeChanged()) relayout(now);
        boolean moving = animator.tick(now);
        if (moving || repaint) {
            repaint = false;
            repaintOnly = List.of();
            repaintCards.clear();
            paint(null);
        } else if (!repaintOnly.isEmpty() || !repaintCards.isEmpty()) {
            paint(itemsToRepaint());
        }
    }

    /** What changed in place, and the cards whose marks changed, each once. */
    private List<Object> itemsToRepaint() {
        LinkedHashSet<Object> items = new LinkedHashSet<>(repaintOnly);
        Layout layout = controller.layout();
        if (layout != null) {
            for (String key : repaintCards) {
                Card card = layout.card(key);
                if (card != null) items.add(card);
            }
        }
        repaintOnly = List.of();
        repaintCards.clear();
        return List.copyOf(items);
    }

    private void relayout(long now) {
        Layout old = controller.relayout(snapshots.get());
        Layout layout = controller.layout();
        animator.changed(old, layout, controller.sameFilterAsBefore() && layout.cards().size() < 400, now);
        laidOut.run();
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

    /** Paints the whole picture ({@code items} null), or only those items over their old selves. */
    private void paint(List<Object> items) {
        Layout layout = controller.layout();
        if (layout == null || style == null) return;
        var g = canvas.getGraphicsContext2D();
        if (items == null) {
            g.setTransform(1, 0, 0, 1, 0, 0);
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        }
        g.setTransform(view.scale(), 0, 0, view.scale(), view.tx(), view.ty());
        DiagramPainter painter = new DiagramPainter(style);
        DiagramPainter.Frame frame = frameOf(layout, view.visible(canvas.getWidth(), canvas.getHeight()));
        CanvasPen pen = new CanvasPen(g);
        if (items == null) painter.paint(frame, pen);
        else for (Object item : items) painter.repaint(item, frame, pen);
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private DiagramPainter.Frame frameOf(Layout layout, Rect visible) {
        Preview p = preview;
        Function<Card, Rect> position = card -> p != null && p.target() == card && p.at() != null ? p.at()
                : animator.position(card);
        return new DiagramPainter.Frame(layout, position, animator.alpha(), animator.fading(), controller.selected(),
                controller.found(), controller.marks(), p == null ? null : p.dropBand(), view.scale(), visible, controller::dims);
    }

    // ---- the view: fit, zoom, pan

    /** Zooms so that everything drawn fits, and follows the cluster again as it grows. */
    void fit() {
        if (controller.layout() == null) return;
        viewTouched = false;
        fitTo(controller.layout().bounds());
    }

    /** Shows this part of the picture; the user chose it, so the view stops following the cluster. */
    void show(Rect r) {
        viewTouched = true;
        fitTo(r);
    }

    private void fitTo(Rect r) {
        view.fit(r, canvas.getWidth(), canvas.getHeight());
        repaint = true;
    }

    void zoomAt(double factor, double x, double y) {
        viewTouched = true;
        view.zoomAt(factor, x, y);
        repaint = true;
    }

    /** Zooms about the middle of the view (the toolbar's + and −, the keys). */
    void zoom(double factor) {
        zoomAt(factor, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    void panTo(double tx, double ty) {
        viewTouched = true;
        view.panTo(tx, ty);
        repaint = true;
    }

    void keepInView(Rect r) {
        view.keepInView(r, canvas.getWidth(), canvas.getHeight());
        repaint = true;
    }

    double toDiagramX(double canvasX) {
        return view.toDiagramX(canvasX);
    }

    double toDiagramY(double canvasY) {
        return view.toDiagramY(canvasY);
    }

    /** What is drawn at a point of the canvas. */
    Layout.Item hitAt(double x, double y) {
        Layout layout = controller.layout();
        return layout == null ? null : layout.hit(toDiagramX(x), toDiagramY(y));
    }

    /** Where a diagram point is on the screen, for tests that click and drag. */
    Point2D toScreen(double x, double y) {
        return canvas.localToScreen(view.toCanvasX(x), view.toCanvasY(y));
    }
}
