package dev.portolan.ui.draw;

/** A rectangle in diagram units (one unit is one pixel at 100 % zoom). */
public record Rect(double x, double y, double w, double h) {

    public boolean contains(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }

    public boolean intersects(Rect o) {
        return o.x < x + w && o.x + o.w > x && o.y < y + h && o.y + o.h > y;
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }

    public Rect moved(double dx, double dy) {
        return new Rect(x + dx, y + dy, w, h);
    }

    public Rect union(Rect o) {
        double x0 = Math.min(x, o.x);
        double y0 = Math.min(y, o.y);
        return new Rect(x0, y0, Math.max(x + w, o.x + o.w) - x0, Math.max(y + h, o.y + o.h) - y0);
    }

    /** The rectangle {@code t} of the way from this one to {@code to} (0 = this, 1 = to). */
    public Rect toward(Rect to, double t) {
        return new Rect(x + (to.x - x) * t, y + (to.y - y) * t, w + (to.w - w) * t, h + (to.h - h) * t);
    }
}
