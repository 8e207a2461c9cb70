package dev.portolan.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A small line of the last minute's values on a canvas, newest at the right; 100 (one core) or the highest value at the top. */
final class Sparkline {

    private Sparkline() {}

    static void draw(Canvas canvas, double[] values, int slots) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (values.length < 2) return;
        var points = dev.portolan.ui.stats.SparkPoints.of(values, slots, 0, 2, w, h - 4);
        g.setStroke(Color.web("#54aeff"));
        g.setLineWidth(1.5);
        g.strokePolyline(points.x(), points.y(), values.length);
        // one core's worth, dotted, so 50 % reads as half a core
        g.setStroke(Color.gray(0.6, 0.5));
        g.setLineWidth(0.5);
        g.strokeLine(0, points.oneCore(), w, points.oneCore());
    }
}
