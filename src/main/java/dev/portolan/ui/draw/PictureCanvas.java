package dev.portolan.ui.draw;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.stage.Window;

/**
 * A picture painted on a canvas at the next pulse after it changed (never while hidden),
 * with the diagram's colours read from the theme, and the diagram's ways to move about:
 * the wheel zooms about the pointer, a drag pans, F or 0 fits, + and − zoom.
 */
public final class PictureCanvas {

    /** What to paint: the pen (already transformed), the style, the area in view and the zoom. */
    public interface Painter {
        void paint(Pen pen, DiagramStyle style, Rect visible, double scale);
    }

    private final Canvas canvas = new Canvas();
    private final Group palette = DiagramStyle.palette();
    private final Pane surface = new Pane(canvas, palette);
    private final Viewport view = new Viewport();
    private final Painter painter;
    private Supplier<Rect> home;
    private double readable;
    private DiagramStyle style;
    private boolean repaint = true;
    private boolean fitPending = true;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private Consumer<double[]> clicked = at -> {};
    private Consumer<double[]> doubleClicked = at -> {};

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame();
        }
    };

    /**
     * @param bounds what the picture covers, in diagram units (fit shows it all)
     */
    public PictureCanvas(String id, Painter painter, Supplier<Rect> bounds) {
        this.painter = painter;
        this.home = bounds;
        canvas.setId(id);
        paintWhileShown(canvas, surface, timer, () -> repaint = true, () -> style = null);
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0) zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        });
        canvas.setOnMousePressed(e -> {
            canvas.requestFocus();
            pressX = e.getX() - view.tx();
            pressY = e.getY() - view.ty();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            dragged = true;
            view.panTo(e.getX() - pressX, e.getY() - pressY);
            repaint = true;
        });
        canvas.setOnMouseClicked(e -> {
            if (dragged || e.getButton() != MouseButton.PRIMARY) return;
            double[] at = {view.toDiagramX(e.getX()), view.toDiagramY(e.getY())};
            if (e.getClickCount() == 2) doubleClicked.accept(at);
            else clicked.accept(at);
        });
        canvas.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            KeyCode code = e.getCode();
            if (e.isShortcutDown()) return;
            if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) zoom(1.25);
            else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) zoom(0.8);
            else if (code == KeyCode.DIGIT0 || code == KeyCode.F) fit();
            else return;
            e.consume();
        });
    }

    /**
     * A canvas that fills its surface and is painted by {@code timer} only while the
     * surface is in a window that shows; {@code resized} is told when the canvas changes size
     * (and when it is shown again), {@code restyled} when the theme changes (the colours are
     * read again). The timer stops when the window closes, not only when the surface leaves
     * its scene: a running timer is held by the toolkit, and with it the picture and all it
     * draws (a closed Layers window's graph), and it keeps a pulse running for nothing.
     */
    public static void paintWhileShown(Canvas canvas, Pane surface, AnimationTimer timer, Runnable resized, Runnable restyled) {
        canvas.setFocusTraversable(true);
        canvas.widthProperty().bind(surface.widthProperty());
        canvas.heightProperty().bind(surface.heightProperty());
        canvas.widthProperty().addListener((obs, old, now) -> resized.run());
        canvas.heightProperty().addListener((obs, old, now) -> resized.run());
        surface.setMinSize(0, 0);
        surface.getStyleClass().add("diagram-surface");
        surface.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) scene.getRoot().getStyleClass().addListener((ListChangeListener<String>) c -> restyled.run());
        });
        ObservableValue<Boolean> showing = surface.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        showing.addListener((obs, was, now) -> {
            if (now) {
                timer.start();
                resized.run();
            } else {
                timer.stop();
            }
        });
        if (showing.getValue()) timer.start();
    }

    public Pane surface() {
        return surface;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Where a click lands, in diagram units. */
    public void onClick(Consumer<double[]> clicked) {
        this.clicked = clicked;
    }

    public void onDoubleClick(Consumer<double[]> doubleClicked) {
        this.doubleClicked = doubleClicked;
    }

    /** A tooltip that says what is under the pointer ({@code textAt} gives null where nothing is). */
    public void tooltips(java.util.function.Function<double[], String> textAt) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.setShowDelay(javafx.util.Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        boolean[] installed = {false};
        canvas.setOnMouseMoved(e -> {
            String text = textAt.apply(new double[] {view.toDiagramX(e.getX()), view.toDiagramY(e.getY())});
            if (text == null && installed[0]) {
                javafx.scene.control.Tooltip.uninstall(canvas, tip);
                installed[0] = false;
            } else if (text != null) {
                tip.setText(text);
                if (!installed[0]) javafx.scene.control.Tooltip.install(canvas, tip);
                installed[0] = true;
            }
        });
    }

    public DiagramStyle style() {
        return style == null ? DiagramStyle.defaults() : style;
    }

    public void repaint() {
        repaint = true;
    }

    /** Shows everything at the next frame (after a new picture). */
    public void fitNextFrame() {
        fitPending = true;
        repaint = true;
    }

    /**
     * What Fit shows, and the least zoom it may use: a picture too wide to read whole (a
     * hundred images side by side) is shown from its bottom left at that zoom instead.
     */
    public void fitTo(Supplier<Rect> home, double readable) {
        this.home = home;
        this.readable = readable;
    }

    public void fit() {
        Rect r = home.get();
        view.fit(r, canvas.getWidth(), canvas.getHeight());
        if (view.scale() < readable) view.place(readable, r.x(), r.y() + r.h(), 24, canvas.getHeight() - 24);
        repaint = true;
    }

    /** Shows this part of the picture. */
    public void show(Rect r) {
        view.fit(r, canvas.getWidth(), canvas.getHeight());
        repaint = true;
    }

    public void keepInView(Rect r) {
        view.keepInView(r, canvas.getWidth(), canvas.getHeight());
        repaint = true;
    }

    public void zoom(double factor) {
        zoomAt(factor, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    private void zoomAt(double factor, double x, double y) {
        view.zoomAt(factor, x, y);
        repaint = true;
    }

    /** Where a diagram point is on the screen (tests click with it). */
    public javafx.geometry.Point2D toScreen(double x, double y) {
        return canvas.localToScreen(view.toCanvasX(x), view.toCanvasY(y));
    }

    public double scale() {
        return view.scale();
    }

    /** Paints now if anything changed (the pulse calls it; tests and benchmarks may too). */
    public void frame() {
        var scene = surface.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) return;
        if (style == null) {
            style = DiagramStyle.read(palette);
            repaint = true;
        }
        if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) return;
        if (fitPending && home.get().w() > 0) {
            fitPending = false;
            fit();
        }
        if (!repaint) return;
        repaint = false;
        var g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setTransform(view.scale(), 0, 0, view.scale(), view.tx(), view.ty());
        painter.paint(new CanvasPen(g), style, view.visible(canvas.getWidth(), canvas.getHeight()), view.scale());
        g.setTransform(1, 0, 0, 1, 0, 0);
    }
}
