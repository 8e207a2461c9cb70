package dev.portolan.ui.draw;

import javafx.scene.paint.Color;

/**
 * What the painter draws with: the screen's canvas or an SVG file, so the exported
 * picture is the one on the screen.
 */
public interface Pen {

    void fill(Rect r, double arc, Color color);

    void stroke(Rect r, double arc, Color color, double width, boolean dashed);

    void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed);

    /** A curve from (x1, y1) to (x2, y2) that leaves and arrives vertically. */
    void curve(double x1, double y1, double x2, double y2, Color color, double width);

    /** Text with its baseline at y, cut with "…" to fit {@code maxWidth}. */
    void text(String text, double x, double y, double size, boolean bold, Color color, double maxWidth);

    /** A volume's shape: a cylinder filling r. */
    void cylinder(Rect r, Color fill, Color stroke, double width);

    /** How opaque what follows is (fading cards). */
    void alpha(double alpha);

    /**
     * How wide {@code text} is drawn, where something must follow it (a host's facts after its
     * name): the screen's pen measures its font; an SVG's reader picks its own, so the estimate.
     */
    default double measure(String text, double size, boolean bold) {
        return width(text, size, bold);
    }

    /** Cuts {@code text} to about {@code maxWidth} at {@code size}: a cheap estimate, the same on screen and in SVG. */
    static String fit(String text, double size, boolean bold, double maxWidth) {
        int max = maxChars(size, bold, maxWidth);
        if (text.length() <= max) return text;
        return max <= 1 ? "" : text.substring(0, max - 1) + "…";
    }

    /**
     * Cuts a name in its middle, "shop-w…ker-12": names of replicas differ at their end,
     * which must stay visible.
     */
    static String fitName(String name, double size, boolean bold, double maxWidth) {
        int max = maxChars(size, bold, maxWidth);
        if (name.length() <= max) return name;
        if (max <= 3) return fit(name, size, bold, maxWidth);
        int tail = (max - 1) / 2;
        return name.substring(0, max - 1 - tail) + "…" + name.substring(name.length() - tail);
    }

    private static int maxChars(double size, boolean bold, double maxWidth) {
        return (int) (maxWidth / charWidth(size, bold));
    }

    /** About how wide {@code text} is drawn: the same estimate that cuts it. */
    static double width(String text, double size, boolean bold) {
        return text.length() * charWidth(size, bold);
    }

    private static double charWidth(double size, boolean bold) {
        return size * (bold ? 0.62 : 0.56);
    }
}
