package dev.portolan.ui.stats;

/**
 * Where a sparkline's points go in a box: the last minute's values, newest at the right edge
 * (a slot per sample, so a young line starts part-way across), 100 (one core) or the highest
 * value at the top. The details pane's canvas and the diagram's cards draw the same line.
 *
 * @param oneCore where 100 % lies, for a guide line
 */
public record SparkPoints(double[] x, double[] y, double oneCore) {

    public static SparkPoints of(double[] values, int slots, double left, double top, double width, double height) {
        double max = 100;
        for (double v : values) max = Math.max(max, v);
        double step = width / (slots - 1);
        double x0 = left + width - step * (values.length - 1);
        double[] x = new double[values.length];
        double[] y = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            x[i] = x0 + step * i;
            y[i] = top + height - values[i] / max * height;
        }
        return new SparkPoints(x, y, top + height - 100 / max * height);
    }
}
