package dev.portolan.ui.layers;

import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.layers.ImageStack.Sheet;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the sheets of a stack are drawn: the base at the bottom, each sheet as tall as
 * the paths it lists, and its Dockerfile line to the right, joined to it.
 */
public final class StackLayout {

    public static final double WIDTH = 380;
    static final double HEADER = 24;
    static final double ROW = 15;
    static final double GAP = 8;
    static final double LINE_X = WIDTH + 60;

    /** A sheet, its rectangle and where its line's text starts. */
    public record Placed(Sheet sheet, Rect bounds, double lineX, double lineY) {}

    private final List<Placed> placed = new ArrayList<>();
    private Rect bounds = new Rect(0, 0, LINE_X + 400, 1);

    private StackLayout() {}

    public static StackLayout of(List<Sheet> sheets) {
        StackLayout layout = new StackLayout();
        double bottom = 0;
        for (Sheet sheet : sheets) {
            int rows = sheet.entries().size() + (sheet.more() > 0 ? 1 : 0);
            double h = sheet.kind() == dev.portolan.image.LayerGraph.Kind.METADATA ? 18 : HEADER + rows * ROW + 6;
            Rect r = new Rect(0, bottom - h, WIDTH, h);
            layout.placed.add(new Placed(sheet, r, LINE_X, r.y() + Math.min(h / 2, HEADER / 2) + 4));
            layout.bounds = layout.bounds.union(r);
            bottom = r.y() - GAP;
        }
        return layout;
    }

    public List<Placed> sheets() {
        return placed;
    }

    public Rect bounds() {
        return bounds;
    }

    /** The sheet at a diagram point, or null. */
    public Placed hit(double x, double y) {
        for (Placed p : placed) {
            if (p.bounds().contains(x, y) || (x >= p.lineX() && Math.abs(y - p.lineY()) < ROW / 2 + 2)) return p;
        }
        return null;
    }
}
