package dev.portolan.ui.draw;

import java.util.Locale;
import javafx.scene.paint.Color;

/** Writes what is drawn as SVG elements. */
public final class SvgPen implements Pen {

    private final StringBuilder svg = new StringBuilder();
    private double alpha = 1;

    public SvgPen(Rect bounds) {
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"%.1f %.1f %.1f %.1f\""
                        + " font-family=\"sans-serif\">\n",
                bounds.w(), bounds.h(), bounds.x(), bounds.y(), bounds.w(), bounds.h()));
    }

    public String finish() {
        return svg + "</svg>\n";
    }

    @Override
    public void fill(Rect r, double arc, Color color) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"%s\"%s/>\n",
                r.x(), r.y(), r.w(), r.h(), arc / 2, hex(color), opacity(color, "fill-opacity")));
    }

    @Override
    public void stroke(Rect r, double arc, Color color, double width, boolean dashed) {
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s%s/>\n",
                r.x(), r.y(), r.w(), r.h(), arc / 2, hex(color), width, dashed ? " stroke-dasharray=\"6 4\"" : "",
                opacity(color, "stroke-opacity")));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s%s/>\n",
                x1, y1, x2, y2, hex(color), width, dashed ? " stroke-dasharray=\"8 5\"" : "", opacity(color, "stroke-opacity")));
    }

    @Override
    public void curve(double x1, double y1, double x2, double y2, Color color, double width) {
        double my = (y1 + y2) / 2;
        svg.append(String.format(Locale.ROOT,
                "<path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>\n",
                x1, y1, x1, my, x2, my, x2, y2, hex(color), width, opacity(color, "stroke-opacity")));
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Color color, double maxWidth) {
        String shown = Pen.fit(text, size, bold, maxWidth);
        if (shown.isEmpty()) return;
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\"%s fill=\"%s\"%s>%s</text>\n",
                x, y, size, bold ? " font-weight=\"bold\"" : "", hex(color), opacity(color, "fill-opacity"), escape(shown)));
    }

    @Override
    public void cylinder(Rect r, Color fill, Color stroke, double width) {
        double lid = Math.min(14, r.h() / 4);
        double rx = r.w() / 2;
        double ry = lid / 2;
        svg.append(String.format(Locale.ROOT,
                "<path d=\"M%.1f %.1f L%.1f %.1f A%.1f %.1f 0 0 0 %.1f %.1f L%.1f %.1f A%.1f %.1f 0 0 0 %.1f %.1f Z\""
                        + " fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
                r.x(), r.y() + ry, r.x(), r.y() + r.h() - ry, rx, ry, r.x() + r.w(), r.y() + r.h() - ry,
                r.x() + r.w(), r.y() + ry, rx, ry, r.x(), r.y() + ry, hex(fill), hex(stroke), width));
        svg.append(String.format(Locale.ROOT,
                "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
                r.centerX(), r.y() + ry, rx, ry, hex(fill), hex(stroke), width));
    }

    @Override
    public void alpha(double alpha) {
        this.alpha = alpha;
    }

    private String opacity(Color color, String attribute) {
        double a = color.getOpacity() * alpha;
        return a >= 0.999 ? "" : String.format(Locale.ROOT, " %s=\"%.2f\"", attribute, a);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
