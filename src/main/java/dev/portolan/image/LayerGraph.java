package dev.portolan.image;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Images drawn as git draws commits: each step of an image's history is a node whose
 * parent is the step below it, so the steps two images share (the same base, the same
 * first lines of a Dockerfile) are one node, and each image is a tip. A node is
 * identified by its whole chain from the base, as the engine identifies layers (a chain
 * id): the same layer on top of another base is another node.
 */
public final class LayerGraph {

    /**
     * One image as the graph needs it: its tags, the hosts that hold it and its history
     * bottom first (a step of an image whose history is not read yet has only its diff id).
     */
    public record Image(String id, List<String> tags, Set<String> hosts, List<ImageLayer> steps) {
        public Image {
            tags = List.copyOf(tags);
            hosts = Set.copyOf(hosts);
            steps = List.copyOf(steps);
        }

        /** Untagged: a leftover of a rebuild, or a build's intermediate step. */
        public boolean dangling() {
            return tags.isEmpty();
        }

        public String name() {
            return tags.isEmpty() ? "<none> " + shortId() : tags.getFirst();
        }

        public String shortId() {
            return LayerGraph.shortId(id);
        }

        /** An image whose history is not read yet: its layers by diff id, nothing else known. */
        public static Image ofDiffIds(String id, List<String> tags, Set<String> hosts, List<String> diffIds) {
            List<ImageLayer> steps = new ArrayList<>(diffIds.size());
            for (String diffId : diffIds) steps.add(new ImageLayer(steps.size(), diffId, null, null, -1, null));
            return new Image(id, tags, hosts, steps);
        }
    }

    /** What a step did, for its colour: ran a command, copied files in, changed only metadata, or other. */
    public enum Kind {
        RUN, COPY, METADATA, OTHER;

        public static Kind of(ImageLayer step) {
            return step.isEmpty() ? METADATA : ofLine(step.instruction());
        }

        /** What a Dockerfile line does, from its keyword: "RUN …", "COPY …", "ENV …". */
        public static Kind ofLine(String line) {
            if (Instructions.onlyMetadata(line)) return METADATA;
            String keyword = line.strip().split("\\s", 2)[0].toUpperCase(Locale.ROOT);
            return switch (keyword) {
                case "RUN" -> RUN;
                case "COPY", "ADD" -> COPY;
                default -> OTHER;
            };
        }
    }

    /** One step, shared by every image whose history passes through it. */
    public static final class Node {
        private final Node parent;
        private final ImageLayer step;
        private final int depth;
        private final List<Node> children = new ArrayList<>();
        private final Map<String, Node> childByStep = new HashMap<>();
        private final Set<String> hosts = new TreeSet<>();
        private final List<Image> tips = new ArrayList<>();
        private final List<Image> images = new ArrayList<>();

        private Node(Node parent, ImageLayer step) {
            this.parent = parent;
            this.step = step;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }

        public Node parent() {
            return parent;
        }

        /** The step as the first image read through here has it (its size, line and diff id are the same for all). */
        public ImageLayer step() {
            return step;
        }

        /** Steps from the base: the base's first step is 0. */
        public int depth() {
            return depth;
        }

        public List<Node> children() {
            return children;
        }

        /** The hosts that hold this step: those with an image whose history passes through it. */
        public Set<String> hosts() {
            return hosts;
        }

        /** The images that end here (their top step). */
        public List<Image> tips() {
            return tips;
        }

        /** Every image whose history passes through here, tips included. */
        public List<Image> images() {
            return images;
        }

        public Kind kind() {
            return Kind.of(step);
        }

        /** Only untagged images use it: drawn apart, as something a prune would remove. */
        public boolean unused() {
            return images.stream().allMatch(Image::dangling);
        }

        /** Whether the history is read: without it only the diff id is known, not the line or the size. */
        public boolean known() {
            return step.createdBy() != null;
        }
    }

    private final List<Node> roots = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    /** Each image's top step, by image id: its steps are that node and those below it. */
    private final Map<String, Node> topOf = new HashMap<>();
    private final Set<String> hosts = new TreeSet<>();
    private final List<Image> images;

    private LayerGraph(List<Image> images) {
        this.images = images;
    }

    /** The graph of these images; they are read in name order, so the picture keeps its order as images come and go. */
    public static LayerGraph of(Collection<Image> images) {
        List<Image> sorted = images.stream()
                .sorted(Comparator.comparing(Image::dangling).thenComparing(Image::name)).toList();
        LayerGraph graph = new LayerGraph(sorted);
        Map<String, Node> rootByStep = new HashMap<>();
        for (Image image : sorted) {
            graph.hosts.addAll(image.hosts());
            Node at = null;
            for (ImageLayer step : image.steps()) {
                Map<String, Node> siblings = at == null ? rootByStep : at.childByStep;
                Node parent = at;
                at = siblings.computeIfAbsent(identity(step), k -> graph.add(parent, step));
                at.hosts.addAll(image.hosts());
                at.images.add(image);
            }
            if (at != null) {
                at.tips.add(image);
                graph.topOf.put(image.id(), at);
            }
        }
        return graph;
    }

    private Node add(Node parent, ImageLayer step) {
        Node node = new Node(parent, step);
        (parent == null ? roots : parent.children).add(node);
        nodes.add(node);
        return node;
    }

    /** A layer by its diff id; a step with no layer (ENV, CMD…) by its line. */
    private static String identity(ImageLayer step) {
        return step.isEmpty() ? "meta:" + step.createdBy() : step.diffId();
    }

    public List<Node> roots() {
        return roots;
    }

    /** Every node, parents before their children. */
    public List<Node> nodes() {
        return nodes;
    }

    public List<Image> images() {
        return images;
    }

    /** Every host that holds some image of the graph. */
    public Set<String> hosts() {
        return hosts;
    }

    /** Nodes that made a layer (not metadata-only steps). */
    public long layerCount() {
        return nodes.stream().filter(n -> !n.step().isEmpty()).count();
    }

    /** Layers that more than one image uses. */
    public long sharedLayerCount() {
        return nodes.stream().filter(n -> !n.step().isEmpty() && n.images().size() > 1).count();
    }

    /** The layers of {@code image} that {@code host} does not hold yet, bottom first: what copying it there would add. */
    public List<Node> missingOn(Image image, String host) {
        List<Node> missing = new ArrayList<>();
        for (Node node = topOf.get(image.id()); node != null; node = node.parent()) {
            if (!node.step().isEmpty() && !node.hosts().contains(host)) missing.add(node);
        }
        return missing.reversed();
    }

    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
