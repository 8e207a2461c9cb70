package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.DiagramStyle;
import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.draw.Pen;
import dev.portolan.ui.diagram.Layout.Card;
import dev.portolan.ui.diagram.Layout.HostBox;
import dev.portolan.ui.inventory.StateText;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * Paints what is written over the cluster: a fault's red outline and tag, a trouble's amber
 * tag, a card's live stats, the last probe's path. The {@link DiagramPainter} calls it for each
 * host and card it paints.
 */
final class MarksPainter {

    private final DiagramStyle style;

    MarksPainter(DiagramStyle style) {
        this.style = style;
    }

    /** A host a fault affects: outlined in the fault colour, its tag at the top right. */
    void hostFault(HostBox host, DiagramPainter.Frame f, Pen pen) {
        String fault = f.marks().faults().get(host.host());
        if (fault == null) return;
        Rect r = host.bounds();
        pen.stroke(new Rect(r.x() - 4, r.y() - 4, r.w() + 8, r.h() + 8), 18, style.color("fault"), 3, true);
        faultTag(fault, r.x() + r.w() - 12, r.y() - 12, Math.max(11, 10 / f.scale()), r.w() * 0.6, pen);
    }

    /** Over one card: its stats, then what went wrong, then a fault on top. */
    void card(Card card, Rect r, DiagramPainter.Frame f, Pen pen) {
        cardStats(card, r, f, pen);
        cardTrouble(card, r, f, pen);
        cardFault(card, r, f, pen);
    }


    /** A fault's tag, its right edge at {@code right}: red, white text, "⚡ paused · 0:23". */
    private void faultTag(String text, double right, double top, double size, double maxWidth, Pen pen) {
        String shown = Pen.fit("⚡ " + text, size, true, maxWidth - 12);
        double w = Math.min(maxWidth, Pen.width(shown, size, true) + 14);
        pen.fill(new Rect(right - w, top, w, size + 9), 8, style.color("fault"));
        pen.text(shown, right - w + 7, top + size + 2, size, true, style.color("fault-text"), w - 10);
    }

    /**
     * The last probe: a line from A's card to B's (or a stub, for an address), green when A reached
     * B, red and dashed when not, with its checks in a tag at its middle: "✓ where ✓ name ✗ connect".
     */
    void probe(Marks.ProbePath path, DiagramPainter.Frame f, Pen pen) {
        Card from = cardNamed(f.layout(), path.from());
        if (from == null) return;
        Card to = cardNamed(f.layout(), path.to());
        Rect a = f.position().apply(from);
        Color color = path.reaches() ? style.color("state-running") : style.color("fault");
        double x1 = a.x() + a.w();
        double y1 = a.centerY();
        double x2 = x1 + 80;
        double y2 = y1 - 40;
        if (to != null) {
            Rect b = f.position().apply(to);
            boolean right = b.centerX() >= a.centerX();
            x1 = right ? a.x() + a.w() : a.x();
            x2 = right ? b.x() : b.x() + b.w();
            y2 = b.centerY();
        }
        pen.line(x1, y1, x2, y2, color, 3, !path.reaches());
        pen.fill(new Rect(x2 - 4, y2 - 4, 8, 8), 4, color);
        String text = String.join("  ", path.steps());
        double size = Math.max(10.5, 10 / f.scale());
        double w = Pen.width(text, size, true) + 14;
        double mx = (x1 + x2) / 2 - w / 2;
        double my = (y1 + y2) / 2 - size - 6;
        pen.fill(new Rect(mx, my, w, size + 9), 8, color);
        pen.text(text, mx + 7, my + size + 2, size, true, style.color("fault-text"), w - 10);
    }

    /** The card of HOST/NAME (the probe's way of naming a container), or null. */
    private static Card cardNamed(Layout layout, String name) {
        int slash = name.lastIndexOf('/');
        if (slash < 0) return null;
        String host = name.substring(0, slash);
        String container = name.substring(slash + 1);
        for (Card card : layout.cards()) {
            if (card.host().equals(host) && card.container().name().equals(container) && !card.isGhost()) return card;
        }
        return null;
    }

    /**
     * Live stats, where the zoom allows: "12% · 34 MB" on the state's line, the last minute's CPU
     * along the bottom edge. The state comes first: where both do not fit ("▶ running · healthy"),
     * the memory goes, then the numbers.
     */
    private void cardStats(Card card, Rect r, DiagramPainter.Frame f, Pen pen) {
        Marks.CardStats stats = f.marks().stats().get(card.key());
        if (stats == null || f.scale() < DiagramPainter.NAME_SCALE || card.plan() == Layout.Plan.CREATE) return;
        double stateEnds = r.x() + DiagramPainter.CARD_TEXT_LEFT + pen.measure(StateText.of(card.container()), 11, false) + 8;
        String cpuOnly = stats.text().split(" · ", 2)[0];
        for (String text : List.of(stats.text(), cpuOnly)) {
            double w = pen.measure(text, 10.5, false);
            double x = r.x() + r.w() - 8 - w;
            if (x < stateEnds) continue;
            // placed by its measure, so not cut again by the estimate
            pen.text(text, x, r.y() + 36, 10.5, false, style.color("muted"), Double.MAX_VALUE);
            break;
        }
        double[] cpu = stats.cpu();
        if (cpu.length < 2) return;
        // a 9-pixel strip along the bottom edge
        var points = dev.portolan.ui.stats.SparkPoints.of(cpu, dev.portolan.inventory.StatsWatcher.KEPT, r.x() + 14, r.y() + r.h() - 12,
                r.w() - 22, 9);
        for (int i = 1; i < cpu.length; i++) {
            pen.line(points.x()[i - 1], points.y()[i - 1], points.x()[i], points.y()[i], style.color("link"), 1.2, false);
        }
    }

    /** A card with something wrong by itself: outlined amber, its tag across the top edge ("restart loop ×4 · exit 1"). */
    private void cardTrouble(Card card, Rect r, DiagramPainter.Frame f, Pen pen) {
        String trouble = f.marks().trouble(card.host(), card.key());
        if (trouble == null) return;
        if (!f.selected().contains(card.key())) pen.stroke(r, 10, style.color("trouble"), 2.5, false);
        if (f.scale() < DiagramPainter.TILE_SCALE) return;
        double size = f.scale() < DiagramPainter.NAME_SCALE ? Math.min(r.h() / 3, 10 / f.scale()) : 10.5;
        String shown = Pen.fit("⚠ " + trouble, size, true, r.w() - 30);
        double w = Pen.width(shown, size, true) + 14;
        // above the top edge, so the name below stays readable
        double top = r.y() - size - 2;
        pen.fill(new Rect(r.x() + 10, top, w, size + 9), 8, style.color("trouble"));
        pen.text(shown, r.x() + 17, top + size + 2, size, true, style.color("trouble-text"), w - 10);
    }

    /** A card a fault affects: outlined in the fault colour, its tag along the bottom edge, readable at any zoom. */
    private void cardFault(Card card, Rect r, DiagramPainter.Frame f, Pen pen) {
        if (f.marks().faults().isEmpty()) return; // the usual case, and the key costs a string per card
        String fault = f.marks().faults().get(card.host() + "/" + card.container().name());
        if (fault == null) return;
        pen.stroke(new Rect(r.x() - 3, r.y() - 3, r.w() + 6, r.h() + 6), 12, style.color("fault"), 2.5, true);
        if (f.scale() < DiagramPainter.TILE_SCALE) return;
        double size = f.scale() < DiagramPainter.NAME_SCALE ? Math.min(r.h() / 3, 10 / f.scale()) : 10.5;
        faultTag(fault, r.x() + r.w() - 4, r.y() + r.h() - size * 0.8, size, r.w() - 8, pen);
    }
}
