package dev.portolan.ui.draw;

/**
 * Which part of the diagram the canvas shows: a zoom and an offset. Diagram units times
 * the scale, plus the offset, are canvas pixels.
 */
public final class Viewport {

    private static final double MIN_SCALE = 0.05;
    private static final double MAX_SCALE = 3;
    /** Fitting never enlarges past this: a small lab should not fill the screen with giant cards. */
    private static final double MAX_FIT_SCALE = 1.2;
    private static final double FIT_MARGIN = 24;

    private double scale = 1;
    private double tx = 20;
    private double ty = 20;

    public double scale() {
        return scale;
    }

    public double tx() {
        return tx;
    }

    public double ty() {
        return ty;
    }

    public double toDiagramX(double canvasX) {
        return (canvasX - tx) / scale;
    }

    public double toDiagramY(double canvasY) {
        return (canvasY - ty) / scale;
    }

    public double toCanvasX(double x) {
        return x * scale + tx;
    }

    public double toCanvasY(double y) {
        return y * scale + ty;
    }

    /** The diagram area a canvas of this size shows. */
    public Rect visible(double width, double height) {
        return new Rect(-tx / scale, -ty / scale, width / scale, height / scale);
    }

    public void fit(Rect r, double width, double height) {
        if (r.w() <= 0 || width <= 0) return;
        scale = Math.min(MAX_FIT_SCALE, clamp(Math.min((width - 2 * FIT_MARGIN) / r.w(), (height - 2 * FIT_MARGIN) / r.h())));
        tx = (width - r.w() * scale) / 2 - r.x() * scale;
        ty = (height - r.h() * scale) / 2 - r.y() * scale;
    }

    /** Zooms by {@code factor} keeping the canvas point (x, y) where it is. */
    public void zoomAt(double factor, double x, double y) {
        double next = clamp(scale * factor);
        tx = x - (x - tx) * next / scale;
        ty = y - (y - ty) * next / scale;
        scale = next;
    }

    /** Shows the diagram at {@code scale} with its point (x, y) at the canvas point (canvasX, canvasY). */
    public void place(double scale, double x, double y, double canvasX, double canvasY) {
        this.scale = clamp(scale);
        tx = canvasX - x * this.scale;
        ty = canvasY - y * this.scale;
    }

    public void panTo(double newTx, double newTy) {
        tx = newTx;
        ty = newTy;
    }

    /** Centres {@code r} when any of it lies outside a canvas of this size. */
    public void keepInView(Rect r, double width, double height) {
        if (toCanvasX(r.x()) < 0 || toCanvasX(r.x() + r.w()) > width || toCanvasY(r.y()) < 0 || toCanvasY(r.y() + r.h()) > height) {
            tx = width / 2 - r.centerX() * scale;
            ty = height / 2 - r.centerY() * scale;
        }
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
