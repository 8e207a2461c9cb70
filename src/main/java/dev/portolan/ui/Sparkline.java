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
        double max = 100;
        for (double v : values) max = Math.max(max, v);
        double step = w / (slots - 1);
        double x0 = w - step * (values.length - 1);
        g.setStroke(Color.web("#54aeff"));
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < values.length; i++) {
            double x = x0 + step * i;
            double y = h - 2 - values[i] / max * (h - 4);
            if (i == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
        // one core's worth, dotted, so 50 % reads as half a core
        g.setStroke(Color.gray(0.6, 0.5));
        g.setLineWidth(0.5);
        double full = h - 2 - 100 / max * (h - 4);
        g.strokeLine(0, full, w, full);
    }
}
