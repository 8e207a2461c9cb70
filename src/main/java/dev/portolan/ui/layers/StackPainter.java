package dev.portolan.ui.layers;

import dev.portolan.ui.StatusText;
import dev.portolan.ui.draw.DiagramStyle;
import dev.portolan.ui.draw.Pen;
import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.layers.ImageStack.Entry;
import dev.portolan.ui.layers.ImageStack.Sheet;
import dev.portolan.ui.layers.StackLayout.Placed;
import javafx.scene.paint.Color;

/**
 * Paints a stack: each sheet filled by what its step did, its paths listed with a sign
 * and a colour (+ added, ~ changed, − deleted), a path a later sheet hides crossed
 * through; the container's sheet dashed on top; each sheet's Dockerfile line beside it.
 */
final class StackPainter {

    private static final double TEXT = 11;
    private final DiagramStyle style;

    StackPainter(DiagramStyle style) {
        this.style = style;
    }

    void paint(StackLayout layout, Placed selected, java.util.Set<Placed> found, Rect visible, Pen pen) {
        pen.fill(visible, 0, style.color("background"));
        for (Placed p : layout.sheets()) {
            if (!p.bounds().union(new Rect(p.lineX(), p.lineY() - TEXT, 600, TEXT + 4)).intersects(visible)) continue;
            paintSheet(p, p == selected, found.contains(p), pen);
        }
    }

    private void paintSheet(Placed p, boolean selected, boolean found, Pen pen) {
        Sheet sheet = p.sheet();
        Rect r = p.bounds();
        pen.fill(r, 6, sheet.container() ? style.color("card") : style.color(LayerGraphPainter.tokenOf(sheet.kind())));
        Color border = selected ? style.color("selection") : found ? style.color("found")
                : style.color(sheet.container() ? "state-running" : "card-border");
        pen.stroke(r, 6, border, selected || found ? 2.5 : sheet.container() ? 1.5 : 1,
                sheet.container() || sheet.kind() == dev.portolan.image.LayerGraph.Kind.METADATA);
        String head = sheet.container() ? "writable layer" : sheet.kind() == dev.portolan.image.LayerGraph.Kind.METADATA
                ? "#" + sheet.index() + " · metadata only, no files"
                : "#" + sheet.index() + (sheet.bytes() < 0 ? "" : " · " + StatusText.bytes(sheet.bytes()));
        pen.text(head, r.x() + 8, r.y() + Math.min(r.h() / 2 + 4, 16), TEXT, true, style.color("text"), r.w() - 16);
        double y = r.y() + StackLayout.HEADER + 10;
        for (Entry e : sheet.entries()) {
            Color color = switch (e.mark()) {
                case ADDED -> style.color("layer-added");
                case CHANGED -> style.color("layer-changed");
                case DELETED -> style.color("layer-deleted");
                case HIDDEN -> style.color("muted");
            };
            String text = (e.mark().sign.isEmpty() ? "  " : e.mark().sign + " ") + "/" + e.path();
            String size = e.bytes() > 0 && e.mark() != ImageStack.Mark.DELETED ? StatusText.bytes(e.bytes()) : "";
            double sizeWidth = size.isEmpty() ? 0 : Pen.width(size, TEXT - 1, false) + 6;
            pen.text(text, r.x() + 12, y, TEXT - 1, false, color, r.w() - 24 - sizeWidth);
            if (!size.isEmpty()) pen.text(size, r.x() + r.w() - 8 - sizeWidth, y, TEXT - 1, false, style.color("muted"), sizeWidth);
            if (e.mark() == ImageStack.Mark.HIDDEN) {
                double w = Math.min(Pen.width(text, TEXT - 1, false), r.w() - 24 - sizeWidth);
                pen.line(r.x() + 12, y - 3.5, r.x() + 12 + w, y - 3.5, color, 1, false);
            }
            y += StackLayout.ROW;
        }
        if (sheet.more() > 0) pen.text("… and " + sheet.more() + " more", r.x() + 12, y, TEXT - 1, false, style.color("muted"), r.w() - 24);
        pen.line(r.x() + r.w(), p.lineY() - 4, p.lineX() - 8, p.lineY() - 4, style.color("link"), 1, true);
        pen.text(sheet.line(), p.lineX(), p.lineY(), TEXT + 1, false, style.color(sheet.container() ? "state-running" : "text"), 620);
    }
}
