package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.Rect;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashed lines that join a Swarm network's bands on several hosts. Each band is joined to
 * the nearest band already joined (not to the one before it in host order, whose line ran
 * diagonally across a third host once the hosts wrapped to a second row), by the sides that
 * face each other: side by side, the facing edges at the bands' titles; one above the other,
 * a bracket in the hosts' padding left of both, where no card or band is drawn.
 */
final class SpanLines {

    /** One straight piece of a line, in diagram units. */
    record Segment(double x1, double y1, double x2, double y2) {}

    /** Where a band's title row is, below its top edge. */
    static final double TITLE_MIDDLE = 13;
    /**
     * The brackets' distances left of the bands, inside the host's padding: two networks' brackets
     * on the same hosts (an app's overlay and ingress) would otherwise run on one line, as one.
     */
    static final double[] GUTTERS = {DiagramLayout.PAD * 0.3, DiagramLayout.PAD * 0.7};

    private SpanLines() {}

    /** The lines of one network's bands; {@code lane} (the network's place among those drawn) keeps brackets apart. */
    static List<Segment> of(List<Rect> bands, int lane) {
        List<Segment> lines = new ArrayList<>();
        for (int i = 1; i < bands.size(); i++) {
            Rect band = bands.get(i);
            lines.addAll(join(nearest(bands.subList(0, i), band), band, lane));
        }
        return lines;
    }

    static List<Segment> join(Rect a, Rect b, int lane) {
        double ya = a.y() + TITLE_MIDDLE;
        double yb = b.y() + TITLE_MIDDLE;
        if (b.x() >= a.x() + a.w()) return List.of(new Segment(a.x() + a.w(), ya, b.x(), yb));
        if (a.x() >= b.x() + b.w()) return List.of(new Segment(a.x(), ya, b.x() + b.w(), yb));
        double x = Math.min(a.x(), b.x()) - GUTTERS[lane % GUTTERS.length];
        return List.of(new Segment(a.x(), ya, x, ya), new Segment(x, ya, x, yb), new Segment(x, yb, b.x(), yb));
    }

    /** The band closest to {@code to} by the gap between their edges; the first of equals. */
    private static Rect nearest(List<Rect> joined, Rect to) {
        Rect best = joined.getFirst();
        double bestGap = gap(best, to);
        for (Rect r : joined) {
            double gap = gap(r, to);
            if (gap < bestGap) {
                best = r;
                bestGap = gap;
            }
        }
        return best;
    }

    private static double gap(Rect a, Rect b) {
        double dx = Math.max(0, Math.max(a.x() - (b.x() + b.w()), b.x() - (a.x() + a.w())));
        double dy = Math.max(0, Math.max(a.y() - (b.y() + b.h()), b.y() - (a.y() + a.h())));
        return Math.hypot(dx, dy);
    }
}
