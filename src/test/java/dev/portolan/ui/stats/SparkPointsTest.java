package dev.portolan.ui.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparkPointsTest {

    @Test
    void theNewestIsAtTheRightEdgeAndOneCoreAtTheTopUnlessMoreIsUsed() {
        SparkPoints young = SparkPoints.of(new double[] {0, 50, 100}, 5, 10, 0, 40, 20);
        assertArrayEquals(new double[] {30, 40, 50}, young.x(), 1e-9, "three samples of five slots: the last two tenths");
        assertArrayEquals(new double[] {20, 10, 0}, young.y(), 1e-9);
        assertEquals(0, young.oneCore(), 1e-9);
        SparkPoints busy = SparkPoints.of(new double[] {100, 200}, 2, 0, 0, 10, 20);
        assertArrayEquals(new double[] {10, 0}, busy.y(), 1e-9, "two cores busy fill the box");
        assertEquals(10, busy.oneCore(), 1e-9);
    }
}
