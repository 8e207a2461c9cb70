package dev.portolan.ui.draw;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Draws on a JavaFX canvas; fonts are made once per size. */
public final class CanvasPen implements Pen {

    private final GraphicsContext g;
    private final java.util.Map<Long, Font> fonts = new java.util.HashMap<>();
    /** Measures text in the pen's fonts (a node never shown). */
    private final javafx.scene.text.Text measured = new javafx.scene.text.Text();

    public CanvasPen(GraphicsContext g) {
        this.g = g;
    }

    @Override
    public void fill(Rect r, double arc, Color color) {
        g.setFill(color);
        g.fillRoundRect(r.x(), r.y(), r.w(), r.h(), arc, arc);
    }

    @Override
    public void stroke(Rect r, double arc, Color color, double width, boolean dashed) {
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineDashes(dashed ? new double[] {6, 4} : null);
        g.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), arc, arc);
        g.setLineDashes(null);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) {
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineDashes(dashed ? new double[] {8, 5} : null);
        g.strokeLine(x1, y1, x2, y2);
        g.setLineDashes(null);
    }

    @Override
    public void curve(double x1, double y1, double x2, double y2, Color color, double width) {
        double my = (y1 + y2) / 2;
        g.setStroke(color);
        g.setLineWidth(width);
        g.beginPath();
        g.moveTo(x1, y1);
        g.bezierCurveTo(x1, my, x2, my, x2, y2);
        g.stroke();
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Color color, double maxWidth) {
        String shown = Pen.fit(text, size, bold, maxWidth);
        if (shown.isEmpty()) return;
        g.setFont(font(size, bold));
        g.setFill(color);
        g.fillText(shown, x, y);
    }

    @Override
    public double measure(String text, double size, boolean bold) {
        measured.setFont(font(size, bold));
        measured.setText(text);
        return measured.getLayoutBounds().getWidth();
    }

    private Font font(double size, boolean bold) {
        return fonts.computeIfAbsent(Double.doubleToLongBits(size) ^ (bold ? 1 : 0),
                k -> Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
    }

    @Override
    public void cylinder(Rect r, Color fill, Color stroke, double width) {
        double lid = Math.min(14, r.h() / 4);
        g.setFill(fill);
        g.fillRect(r.x(), r.y() + lid / 2, r.w(), r.h() - lid);
        g.fillOval(r.x(), r.y() + r.h() - lid, r.w(), lid);
        g.fillOval(r.x(), r.y(), r.w(), lid);
        g.setStroke(stroke);
        g.setLineWidth(width);
        g.strokeOval(r.x(), r.y(), r.w(), lid);
        g.strokeArc(r.x(), r.y() + r.h() - lid, r.w(), lid, 180, 180, ArcType.OPEN);
        g.strokeLine(r.x(), r.y() + lid / 2, r.x(), r.y() + r.h() - lid / 2);
        g.strokeLine(r.x() + r.w(), r.y() + lid / 2, r.x() + r.w(), r.y() + r.h() - lid / 2);
    }

    @Override
    public void alpha(double alpha) {
        g.setGlobalAlpha(alpha);
    }
}
