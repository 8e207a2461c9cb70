package dev.portolan.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.image.LayerGraph.Image;
import dev.portolan.image.LayerGraph.Kind;
import dev.portolan.image.LayerGraph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Images as git draws commits: shared steps once, each image a tip, hosts per step, what a host lacks. */
class LayerGraphTest {

    static ImageLayer layer(int index, String diffId, String line, long size) {
        return new ImageLayer(index, diffId, line, null, size, null);
    }

    static List<ImageLayer> base() {
        return List.of(layer(0, "sha256:base", "/bin/sh -c #(nop) ADD file:abc in / ", 2_000_000),
                layer(1, null, "/bin/sh -c #(nop)  CMD [\"sh\"]", 0));
    }

    static List<ImageLayer> on(List<ImageLayer> below, String... lines) {
        List<ImageLayer> steps = new ArrayList<>(below);
        for (String line : lines) {
            boolean meta = line.startsWith("ENV");
            steps.add(layer(steps.size(), meta ? null : "sha256:" + line.hashCode(), meta ? "/bin/sh -c #(nop)  " + line
                    : "/bin/sh -c " + line.substring(4), meta ? 0 : 1000));
        }
        return steps;
    }

    @Test
    void twoImagesFromOneBaseShareItsStepsOnceAndEachEndsInItsOwnTip() {
        Image base = new Image("sha256:b", List.of("busybox:1"), Set.of("node1"), base());
        Image web = new Image("sha256:w", List.of("web:1"), Set.of("node1"), on(base(), "RUN echo web", "ENV A=1"));
        Image api = new Image("sha256:a", List.of("api:1"), Set.of("node1", "node2"), on(base(), "RUN echo api"));
        LayerGraph graph = LayerGraph.of(List.of(web, api, base));

        assertEquals(1, graph.roots().size(), "one base");
        Node root = graph.roots().getFirst();
        assertEquals(3, root.images().size());
        Node cmd = root.children().getFirst();
        assertEquals(Kind.METADATA, cmd.kind());
        assertEquals(List.of(base), cmd.tips(), "busybox ends where the others go on");
        assertEquals(2, cmd.children().size(), "web and api part after the base");
        assertEquals(Set.of("node1", "node2"), root.hosts());
        assertEquals(2, graph.layerCount() - 1, "the base's layer, web's and api's");
        assertEquals(1, graph.sharedLayerCount());
        Node webRun = cmd.children().stream().filter(n -> n.images().contains(web)).findFirst().orElseThrow();
        assertEquals(Kind.RUN, webRun.kind());
        assertEquals(Set.of("node1"), webRun.hosts());
        assertEquals(List.of(web), webRun.children().getFirst().tips());
    }

    @Test
    void whatAHostLacksIsTheLayersOfTheImageNoImageThereHas() {
        Image base = new Image("sha256:b", List.of("busybox:1"), Set.of("node1", "node2"), base());
        Image web = new Image("sha256:w", List.of("web:1"), Set.of("node1"), on(base(), "RUN echo web", "RUN echo two"));
        LayerGraph graph = LayerGraph.of(List.of(base, web));

        List<Node> missing = graph.missingOn(web, "node2");
        assertEquals(2, missing.size(), "node2 has the base already: " + missing);
        assertTrue(missing.stream().allMatch(n -> n.kind() == Kind.RUN));
        assertEquals(List.of(), graph.missingOn(web, "node1"));
    }

    @Test
    void whatOnlyUntaggedImagesUseIsUnusedAndAnUnreadHistoryStillDrawsByLayerIds() {
        Image tagged = new Image("sha256:b", List.of("busybox:1"), Set.of("h"), base());
        Image leftover = new Image("sha256:l", List.of(), Set.of("h"), on(base(), "RUN echo old"));
        Image unread = Image.ofDiffIds("sha256:u", List.of("other:1"), Set.of("h"), List.of("sha256:x", "sha256:y"));
        LayerGraph graph = LayerGraph.of(List.of(leftover, tagged, unread));

        Node baseNode = graph.roots().stream().filter(n -> "sha256:base".equals(n.step().diffId())).findFirst().orElseThrow();
        assertFalse(baseNode.unused(), "a tagged image uses the base");
        Node old = baseNode.children().getFirst().children().getFirst();
        assertTrue(old.unused(), "only the leftover uses its own step");
        assertTrue(leftover.dangling());
        Node x = graph.roots().stream().filter(n -> "sha256:x".equals(n.step().diffId())).findFirst().orElseThrow();
        assertFalse(x.known());
        assertEquals(Kind.OTHER, x.kind());
        assertEquals("other:1", x.children().getFirst().tips().getFirst().name());
    }

    @Test
    void theSameLayerOnAnotherBaseIsAnotherStep() {
        Image a = new Image("sha256:1", List.of("a"), Set.of("h"), List.of(layer(0, "sha256:p", "x", 1), layer(1, "sha256:q", "y", 1)));
        Image b = new Image("sha256:2", List.of("b"), Set.of("h"), List.of(layer(0, "sha256:r", "x", 1), layer(1, "sha256:q", "y", 1)));
        LayerGraph graph = LayerGraph.of(List.of(a, b));
        assertEquals(4, graph.nodes().size(), "q over p and q over r are two chains");
    }
}
