package dev.portolan.ui.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.image.ImageLayer;
import dev.portolan.image.LayerGraph;
import dev.portolan.image.LayerGraph.Image;
import dev.portolan.ui.layers.LayerGraphLayout.Block;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The icicle: a shared step spans the images above it, heights by the log of bytes, leftovers set apart. */
class LayerGraphLayoutTest {

    private static ImageLayer layer(int i, String diffId, long size) {
        return new ImageLayer(i, diffId, "/bin/sh -c step " + diffId, null, size, null);
    }

    @Test
    void aSharedBaseSpansItsImagesWhichStandSideBySideAboveIt() {
        Image a = new Image("sha256:a", List.of("a:1"), Set.of("h"), List.of(layer(0, "base", 5), layer(1, "a", 500_000_000)));
        Image b = new Image("sha256:b", List.of("b:1"), Set.of("h"), List.of(layer(0, "base", 5), layer(1, "b", 1000)));
        Image base = new Image("sha256:c", List.of("base:1"), Set.of("h"), List.of(layer(0, "base", 5)));
        LayerGraphLayout layout = LayerGraphLayout.of(LayerGraph.of(List.of(a, b, base)));

        Block root = layout.block(layout.graph().roots().getFirst());
        assertEquals(3 * LayerGraphLayout.COLUMN - LayerGraphLayout.GAP, root.bounds().w(), 0.01,
                "base:1 ends on it and two images go on: three columns");
        Block big = layout.blocks().stream().filter(x -> "a".equals(x.node().step().diffId())).findFirst().orElseThrow();
        Block small = layout.blocks().stream().filter(x -> "b".equals(x.node().step().diffId())).findFirst().orElseThrow();
        assertTrue(big.bounds().h() > 2.5 * root.bounds().h(), "500 MB is much taller than 5 B: " + big + " " + root);
        assertTrue(root.bounds().h() >= 16, "5 B is still visible");
        assertTrue(big.bounds().y() + big.bounds().h() <= root.bounds().y(), "a step sits above the one below it");
        assertFalse(big.bounds().intersects(small.bounds()));
        assertEquals(3, layout.tips().size());
        assertEquals(layout.tip("sha256:c").bounds().x(), root.bounds().x(), 0.01, "base:1's name over its own column");
        assertTrue(Double.isNaN(layout.apartX()));
        assertEquals(big, layout.hit(big.bounds().centerX(), big.bounds().centerY()));
    }

    @Test
    void whatOnlyUntaggedImagesUseIsDrawnApartOnTheRight() {
        Image tagged = new Image("sha256:a", List.of("a:1"), Set.of("h"), List.of(layer(0, "base", 5)));
        Image leftover = new Image("sha256:l", List.of(), Set.of("h"), List.of(layer(0, "other", 5)));
        LayerGraphLayout layout = LayerGraphLayout.of(LayerGraph.of(List.of(leftover, tagged)));
        Block apart = layout.blocks().stream().filter(x -> "other".equals(x.node().step().diffId())).findFirst().orElseThrow();
        assertTrue(apart.bounds().x() > layout.apartX(), "the leftover lies right of the line");
        assertTrue(layout.apartX() > layout.block(layout.graph().roots().stream().filter(n -> !n.unused()).findFirst()
                .orElseThrow()).bounds().x());
    }
}
