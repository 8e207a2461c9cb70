package dev.portolan.ui.layers;

import dev.portolan.image.LayerGraph;
import dev.portolan.image.LayerGraph.Image;
import dev.portolan.image.LayerGraph.Node;
import dev.portolan.ui.draw.Rect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each step of a layer graph is drawn: bases at the bottom, each image a column
 * growing up, and a step as wide as the columns of the images above it, so a shared
 * layer spans everything built on it (an icicle). A block's height grows with the log of
 * its bytes: 5 B and 500 MB both stay visible. What only untagged images use is set apart
 * on the right.
 */
public final class LayerGraphLayout {

    public static final double COLUMN = 160;
    public static final double GAP = 3;
    public static final double TIP_HEIGHT = 20;
    static final double METADATA_HEIGHT = 9;
    static final double UNKNOWN_HEIGHT = 24;
    static final double APART = 80;

    public record Block(Node node, Rect bounds) {}

    /** An image's name above its top step. */
    public record Tip(Image image, Node node, Rect bounds) {}

    private final LayerGraph graph;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Tip> tips = new ArrayList<>();
    private final Map<Node, Block> blockOf = new IdentityHashMap<>();
    private final Map<String, Tip> tipOf = new HashMap<>();
    private Rect bounds = new Rect(0, 0, 0, 0);
    /** Where the part only untagged images use begins, or NaN when there is none. */
    private double apartX = Double.NaN;

    private LayerGraphLayout(LayerGraph graph) {
        this.graph = graph;
    }

    public static LayerGraphLayout of(LayerGraph graph) {
        LayerGraphLayout layout = new LayerGraphLayout(graph);
        layout.place();
        return layout;
    }

    /** The height of a step of this many bytes: a metadata-only step a sliver, an unread one a middle size. */
    public static double heightOf(Node node) {
        if (node.step().isEmpty()) return METADATA_HEIGHT;
        long bytes = node.step().sizeBytes();
        if (bytes < 0) return UNKNOWN_HEIGHT;
        return 16 + 9 * Math.log10(1 + bytes / 100.0);
    }

    private void place() {
        Map<Node, Integer> columns = new IdentityHashMap<>();
        for (Node node : graph.nodes().reversed()) columns.put(node, columnsOf(node, columns));
        double column = 0;
        for (Node root : graph.roots()) {
            if (root.unused()) continue;
            column += placeTree(root, column, 0, columns);
        }
        boolean anyApart = graph.roots().stream().anyMatch(Node::unused);
        if (anyApart) {
            apartX = column * COLUMN + APART / 2;
            column += APART / COLUMN;
            for (Node root : graph.roots()) {
                if (root.unused()) column += placeTree(root, column, 0, columns);
            }
        }
        for (Block b : blocks) bounds = bounds.w() == 0 ? b.bounds() : bounds.union(b.bounds());
        for (Tip t : tips) bounds = bounds.union(t.bounds());
    }

    /** Columns a node spans: its children's, and one of its own when an image ends here but others grow on. */
    private static int columnsOf(Node node, Map<Node, Integer> known) {
        int sum = 0;
        for (Node child : node.children()) sum += known.get(child);
        return sum + (sum == 0 || !node.tips().isEmpty() ? 1 : 0);
    }

    /** Places a node at {@code column} with its bottom at {@code bottom} (y grows down; the picture grows up from 0). */
    private int placeTree(Node node, double column, double bottom, Map<Node, Integer> columns) {
        int span = columns.get(node);
        double h = heightOf(node);
        Rect r = new Rect(column * COLUMN, bottom - h, span * COLUMN - GAP, h);
        Block block = new Block(node, r);
        blocks.add(block);
        blockOf.put(node, block);
        // an image ending here while others grow on takes the first column, its name above its own step
        double next = column + (node.tips().isEmpty() || node.children().isEmpty() ? 0 : 1);
        double tipY = r.y() - GAP;
        for (Image image : node.tips()) {
            Rect at = new Rect(column * COLUMN, tipY - TIP_HEIGHT, COLUMN - GAP, TIP_HEIGHT);
            Tip tip = new Tip(image, node, at);
            tips.add(tip);
            tipOf.put(image.id(), tip);
            tipY -= TIP_HEIGHT + GAP;
        }
        for (Node child : node.children()) next += placeTree(child, next, r.y() - GAP, columns);
        return span;
    }

    public LayerGraph graph() {
        return graph;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<Tip> tips() {
        return tips;
    }

    public Block block(Node node) {
        return blockOf.get(node);
    }

    /** Where an image's name is drawn, or null when the graph does not hold it. */
    public Tip tip(String imageId) {
        return tipOf.get(imageId);
    }

    public Rect bounds() {
        return bounds;
    }

    /** What tagged images use (the part a user came to see), or everything when nothing is set apart. */
    public Rect tagged() {
        if (Double.isNaN(apartX)) return bounds;
        Rect r = null;
        for (Block b : blocks) if (b.bounds().x() < apartX) r = r == null ? b.bounds() : r.union(b.bounds());
        for (Tip t : tips) if (t.bounds().x() < apartX) r = r == null ? t.bounds() : r.union(t.bounds());
        return r == null ? bounds : r;
    }

    /** The x where what only untagged images use begins; NaN when nothing is set apart. */
    public double apartX() {
        return apartX;
    }

    /** The step or the image name drawn at a diagram point, or null. */
    public Object hit(double x, double y) {
        for (Tip t : tips) if (t.bounds().contains(x, y)) return t;
        for (Block b : blocks) if (b.bounds().contains(x, y)) return b;
        return null;
    }
}
