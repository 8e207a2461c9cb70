package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.diagram.Layout.Card;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves cards to their new places over a short time instead of jumping, fades new cards
 * in and removed ones out. Only a change of the same picture animates; a new filter or
 * the first picture is shown at once.
 */
final class DiagramAnimator {

    static final long DURATION_NANOS = 200_000_000L;

    private final Map<String, Rect> from = new HashMap<>();
    private final Set<String> appearing = new HashSet<>();
    private final Map<String, Card> disappearing = new HashMap<>();
    private long start;
    private double t = 1;

    /** A new layout replaces {@code old}; cards that moved glide from where they are shown now. */
    void changed(Layout old, Layout now, boolean animate, long nowNanos) {
        Map<String, Rect> shownNow = new HashMap<>();
        if (animate && old != null) for (Card c : old.cards()) shownNow.put(c.key(), position(c));
        from.clear();
        appearing.clear();
        disappearing.clear();
        if (!animate || old == null) {
            t = 1;
            return;
        }
        for (Card c : now.cards()) {
            Rect was = shownNow.remove(c.key());
            if (was == null) appearing.add(c.key());
            else if (!was.equals(c.bounds())) from.put(c.key(), was);
        }
        for (Card c : old.cards()) if (shownNow.containsKey(c.key())) disappearing.put(c.key(), c);
        start = nowNanos;
        t = from.isEmpty() && appearing.isEmpty() && disappearing.isEmpty() ? 1 : 0;
    }

    /** Advances time; true while something still moves or fades. */
    boolean tick(long nowNanos) {
        if (t >= 1) return false;
        t = Math.min(1, (double) (nowNanos - start) / DURATION_NANOS);
        return true;
    }

    boolean running() {
        return t < 1;
    }

    /** Where a card is drawn now. */
    Rect position(Card card) {
        Rect was = from.get(card.key());
        return was == null || t >= 1 ? card.bounds() : was.toward(card.bounds(), eased());
    }

    Map<String, Double> alpha() {
        if (t >= 1) return Map.of();
        Map<String, Double> alpha = new HashMap<>();
        for (String key : appearing) alpha.put(key, eased());
        for (String key : disappearing.keySet()) alpha.put(key, 1 - eased());
        return alpha;
    }

    List<Card> fading() {
        return t >= 1 ? List.of() : new ArrayList<>(disappearing.values());
    }

    private double eased() {
        return 1 - Math.pow(1 - t, 3);
    }
}
