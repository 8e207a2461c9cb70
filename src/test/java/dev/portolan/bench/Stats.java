package dev.portolan.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a list of measurements, in milliseconds. */
record Stats(int count, double p50, double p95, double max) {

    static Stats of(List<Double> millis) {
        if (millis.isEmpty()) return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Stats(sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.getLast());
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    String row(String name) {
        return String.format("%-34s %6d %9.1f %9.1f %9.1f", name, count, p50, p95, max);
    }

    static String header() {
        return String.format("%-34s %6s %9s %9s %9s", "", "n", "p50 ms", "p95 ms", "max ms");
    }
}
