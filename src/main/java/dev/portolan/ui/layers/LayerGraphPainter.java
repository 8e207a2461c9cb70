package dev.portolan.ui.layers;

import dev.portolan.image.LayerGraph.Kind;
import dev.portolan.image.LayerGraph.Node;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.draw.DiagramStyle;
import dev.portolan.ui.draw.Pen;
import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.layers.LayerGraphLayout.Block;
import dev.portolan.ui.layers.LayerGraphLayout.Tip;
import java.util.Set;
import javafx.scene.paint.Color;

/**
 * Paints a layer graph: each step a block filled by what it did, its line and size
 * inside, how many hosts hold it when the graph spans hosts; image names on top; what
 * only untagged images use dashed and set apart; the steps a chosen host lacks faded.
 */
final class LayerGraphPainter {

    /**
     * @param selectedPath the steps of the selected image (or the selected step and those below it)
     * @param fadeLacking  a host whose missing steps are faded, or null
     */
    record Frame(LayerGraphLayout layout, Object selected, Set<Node> selectedPath, Set<Node> found, String fadeLacking,
            double scale, Rect visible) {}

    private static final double TEXT = 11;
    private static final double MARK = 6;
    private final DiagramStyle style;

    LayerGraphPainter(DiagramStyle style) {
        this.style = style;
    }

    void paint(Frame f, Pen pen) {
        pen.fill(f.visible(), 0, style.color("background"));
        LayerGraphLayout layout = f.layout();
        boolean words = f.scale() * TEXT >= 5;
        boolean manyHosts = layout.graph().hosts().size() > 1;
        if (!Double.isNaN(layout.apartX())) {
            double x = layout.apartX();
            pen.line(x, layout.bounds().y(), x, 0, style.color("muted"), 1, true);
            if (words) pen.text("only untagged images use these", x + 8, 16, TEXT, false, style.color("muted"), 400);
        }
        for (Block block : layout.blocks()) {
            if (block.bounds().intersects(f.visible())) paintBlock(block, f, words, manyHosts, pen);
        }
        for (Tip tip : layout.tips()) {
            if (tip.bounds().intersects(f.visible())) paintTip(tip, f, words, pen);
        }
        pen.alpha(1);
    }

    private void paintBlock(Block block, Frame f, boolean words, boolean manyHosts, Pen pen) {
        Node node = block.node();
        Rect r = block.bounds();
        boolean lacking = f.fadeLacking() != null && !node.hosts().contains(f.fadeLacking());
        pen.alpha(lacking ? 0.18 : node.unused() ? 0.55 : 1);
        pen.fill(r, 4, style.color(tokenOf(node.kind())));
        boolean selected = f.selectedPath().contains(node);
        boolean found = f.found().contains(node);
        Color border = selected ? style.color("selection") : found ? style.color("found") : style.color("card-border");
        pen.stroke(r, 4, border, selected || found ? 2.5 : 1, node.unused() || node.kind() == Kind.METADATA);
        if (!words || r.h() < TEXT + 2) {
            pen.alpha(1);
            return;
        }
        String size = node.step().isEmpty() ? "" : node.step().sizeBytes() < 0 ? "…" : StatusText.bytes(node.step().sizeBytes());
        double sizeWidth = Pen.width(size, TEXT, false) + 8;
        double baseline = r.y() + Math.min(r.h() / 2 + TEXT / 2 - 1, TEXT + 5);
        double marks = manyHosts ? hostMarks(node, r.x() + r.w() - sizeWidth, baseline, f, pen) : 0;
        pen.text(lineOf(node), r.x() + 6, baseline, TEXT, false, style.color("text"), r.w() - 12 - sizeWidth - marks);
        pen.text(size, r.x() + r.w() - sizeWidth, baseline, TEXT, false, style.color("muted"), sizeWidth);
        if (manyHosts && r.h() >= 2 * TEXT + 8) {
            int of = f.layout().graph().hosts().size();
            String hosts = node.hosts().size() == of ? "on every host" : "on " + String.join(", ", node.hosts());
            pen.text(hosts, r.x() + 6, baseline + TEXT + 4, TEXT - 1, false, style.color("muted"), r.w() - 12);
        }
        pen.alpha(1);
    }

    /**
     * A small square per host of the graph, in the hosts' order, left of {@code right}:
     * filled where the host holds the step, hollow where it does not. Returns their width.
     */
    private double hostMarks(Node node, double right, double baseline, Frame f, Pen pen) {
        var hosts = f.layout().graph().hosts();
        double width = hosts.size() * (MARK + 2) + 4;
        double x = right - width;
        double y = baseline - MARK - 1;
        for (String host : hosts) {
            Rect mark = new Rect(x, y, MARK, MARK);
            if (node.hosts().contains(host)) pen.fill(mark, 2, style.color(host.equals(f.fadeLacking()) ? "selection" : "muted"));
            else pen.stroke(mark, 2, style.color("muted"), 1, false);
            x += MARK + 2;
        }
        return width;
    }

    private void paintTip(Tip tip, Frame f, boolean words, Pen pen) {
        Rect r = tip.bounds();
        boolean lacking = f.fadeLacking() != null && !tip.image().hosts().contains(f.fadeLacking());
        pen.alpha(lacking ? 0.25 : 1);
        boolean selected = f.selected() == tip;
        pen.fill(r, 10, tip.image().dangling() ? style.color("band") : style.color("badge"));
        if (selected) pen.stroke(r, 10, style.color("selection"), 2.5, false);
        else if (tip.image().dangling()) pen.stroke(r, 10, style.color("muted"), 1, true);
        if (words) {
            String more = tip.image().tags().size() > 1 ? " +" + (tip.image().tags().size() - 1) : "";
            boolean bold = !tip.image().dangling();
            double room = r.w() - 14 - Pen.width(more, TEXT, bold);
            pen.text(Pen.fitName(shortName(tip.image().name(), room, bold), TEXT, bold, room) + more, r.x() + 8,
                    r.y() + r.h() / 2 + TEXT / 2 - 1, TEXT, bold, style.color(bold ? "badge-text" : "muted"), r.w() - 14);
        }
        pen.alpha(1);
    }

    /** A tag too long for its column without its registry and namespace: "shop/web:1.2" reads as "web:1.2". */
    static String shortName(String name, double room, boolean bold) {
        int slash = name.lastIndexOf('/');
        return slash < 0 || Pen.width(name, TEXT, bold) <= room ? name : name.substring(slash + 1);
    }

    /** The step's Dockerfile line; a step whose history is unread shows its layer's id. */
    static String lineOf(Node node) {
        if (!node.known()) return "layer " + node.step().shortDiffId();
        String line = node.step().instruction();
        return line.isBlank() ? "(no line recorded) " + node.step().shortDiffId() : line;
    }

    /** The colour token of what a step did; the stack's sheets use the same. */
    static String tokenOf(Kind kind) {
        return switch (kind) {
            case RUN -> "layer-run";
            case COPY -> "layer-copy";
            case METADATA -> "layer-meta";
            case OTHER -> "layer-other";
        };
    }
}
