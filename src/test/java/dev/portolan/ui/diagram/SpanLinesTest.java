package dev.portolan.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.ui.draw.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanLinesTest {

    // a Swarm's overlay network on three hosts, as the diagram lays them out in a narrow window:
    // manager and worker1 side by side, worker2 wrapped to the next row under manager
    private static final Rect MANAGER = new Rect(308, 360, 320, 90);
    private static final Rect WORKER1 = new Rect(680, 360, 320, 90);
    private static final Rect WORKER2 = new Rect(308, 595, 320, 90);

    @Test
    void bandsSideBySideAreJoinedByTheirFacingEdgesAtTheirTitles() {
        assertEquals(List.of(new SpanLines.Segment(628, 373, 680, 373)), SpanLines.join(MANAGER, WORKER1, 0));
        assertEquals(List.of(new SpanLines.Segment(680, 373, 628, 373)), SpanLines.join(WORKER1, MANAGER, 0));
    }

    @Test
    void aBandOnTheNextRowJoinsTheNearestBandByABracketInTheHostsPadding() {
        List<SpanLines.Segment> lines = SpanLines.of(List.of(MANAGER, WORKER1, WORKER2), 0);

        assertEquals(4, lines.size(), "manager–worker1 straight, manager–worker2 in three pieces: " + lines);
        double bracket = 308 - SpanLines.GUTTERS[0];
        assertEquals(new SpanLines.Segment(bracket, 373, bracket, 608), lines.get(2), "down the left padding: " + lines);
        for (SpanLines.Segment s : lines) {
            for (Rect band : List.of(MANAGER, WORKER1, WORKER2)) {
                assertFalse(crossesInside(s, band), s + " runs across the inside of " + band
                        + " (worker1 to worker2 ran diagonally over worker1's cards before)");
            }
        }
    }

    @Test
    void twoNetworksOnTheSameHostsHaveTheirBracketsApart() {
        SpanLines.Segment first = SpanLines.of(List.of(MANAGER, WORKER2), 0).get(1);
        SpanLines.Segment second = SpanLines.of(List.of(MANAGER, WORKER2), 1).get(1);
        assertTrue(Math.abs(first.x1() - second.x1()) >= 4, first + " and " + second + " run on one line");
        assertTrue(second.x1() > 308 - DiagramLayout.PAD, "inside the host's edge: " + second);
    }

    @Test
    void oneBandHasNothingToJoin() {
        assertTrue(SpanLines.of(List.of(MANAGER), 0).isEmpty());
    }

    /** Whether the segment passes through the rectangle's inside (touching its edges is how lines end). */
    private static boolean crossesInside(SpanLines.Segment s, Rect r) {
        Rect inside = new Rect(r.x() + 1, r.y() + 1, r.w() - 2, r.h() - 2);
        for (int i = 0; i <= 100; i++) {
            double t = i / 100.0;
            if (inside.contains(s.x1() + (s.x2() - s.x1()) * t, s.y1() + (s.y2() - s.y1()) * t)) return true;
        }
        return false;
    }
}
