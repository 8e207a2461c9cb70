package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.diagram.Layout.Card;
import dev.portolan.ui.diagram.Layout.HostBox;
import java.util.ArrayList;
import java.util.List;

/** How two layouts differ, for painting only what changed; and where the arrow keys lead from a card. */
final class LayoutChanges {

    private LayoutChanges() {}

    /**
     * When nothing moved and only some cards look different (an event changed a state),
     * those cards (and host titles whose counts changed); null when anything else changed
     * and the whole picture must be painted.
     */
    static List<Object> inPlace(Layout old, Layout now) {
        if (old == null || old.cards().size() != now.cards().size() || !old.bounds().equals(now.bounds())
                || old.hosts().size() != now.hosts().size() || old.links().size() != now.links().size()) {
            return null;
        }
        List<Object> changed = new ArrayList<>();
        for (int i = 0; i < now.hosts().size(); i++) {
            HostBox a = old.hosts().get(i);
            HostBox b = now.hosts().get(i);
            if (!a.host().equals(b.host()) || !a.bounds().equals(b.bounds()) || a.collapsed() != b.collapsed()) return null;
            // a new count of running containers: the host's title line only
            if (!a.equals(b)) changed.add(b);
        }
        // side by side, card by card: the lists are each host's cards joined (no lookups by index)
        var olds = old.cards().iterator();
        for (Card b : now.cards()) {
            Card a = olds.next();
            if (a == b) continue;
            if (!a.container().id().equals(b.container().id()) || !a.host().equals(b.host()) || !a.bounds().equals(b.bounds())) {
                return null;
            }
            if (!a.equals(b)) changed.add(b);
        }
        return changed.size() > 300 ? null : changed;
    }

    /** Where an arrow key points. */
    enum Direction {
        LEFT, RIGHT, UP, DOWN
    }

    /** The nearest card from {@code from} in the arrow's direction, or null at the edge. */
    static Card nearest(List<Card> cards, Card from, Direction arrow) {
        Rect at = from.bounds();
        Card best = null;
        double bestScore = Double.MAX_VALUE;
        for (Card c : cards) {
            double ddx = c.bounds().centerX() - at.centerX();
            double ddy = c.bounds().centerY() - at.centerY();
            boolean ahead = switch (arrow) {
                case LEFT -> ddx < -1 && Math.abs(ddy) <= Math.abs(ddx);
                case RIGHT -> ddx > 1 && Math.abs(ddy) <= Math.abs(ddx);
                case UP -> ddy < -1 && Math.abs(ddx) <= Math.abs(ddy);
                case DOWN -> ddy > 1 && Math.abs(ddx) <= Math.abs(ddy);
            };
            double score = Math.hypot(ddx, ddy);
            if (ahead && score < bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }
}
