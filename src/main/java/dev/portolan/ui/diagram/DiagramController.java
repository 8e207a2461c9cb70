package dev.portolan.ui.diagram;

import dev.portolan.host.Ownership;
import dev.portolan.lab.LabStep;
import dev.portolan.ui.diagram.Layout.Band;
import dev.portolan.ui.diagram.Layout.Card;
import dev.portolan.ui.diagram.Layout.HostBox;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the diagram shows and what the user chose, without JavaFX: the layout of the live
 * hosts (with a lab's plan over them), the filter and what it finds, the selection, what
 * is collapsed or pinned, and the way back of the last drag (undo). The view feeds it
 * snapshots and input; unit tests drive it directly.
 */
public final class DiagramController {

    /** The one thing selected, for the details pane and the sidebar: its host and its resource. */
    public record Chosen(String host, Object resource) {}

    private final DiagramLayout layouter = new DiagramLayout();
    private Layout layout;
    private DiagramFilter filter = DiagramFilter.NONE;
    private DiagramFilter laidOutWith;
    private PlannedLab plan;
    private final Set<String> selected = new LinkedHashSet<>();
    private Set<String> found = Set.of();
    /** Whether what is not found is dimmed (a tour's step, a presenter's focus), not only what is found outlined. */
    private boolean spotlight;
    /** The faults in force, as tags: by host name (demo/node1) or HOST/CONTAINER (demo/node1/web). */
    private Marks marks = Marks.NONE;
    private Runnable undo;
    private boolean dirty = true;
    private boolean nothingRuns;

    public DiagramController(Map<String, double[]> pinned) {
        layouter.restorePinned(pinned);
    }

    public Layout layout() {
        return layout;
    }

    /** Something changed that needs a new layout: hosts, a filter, a plan, a collapse. */
    public void changed() {
        dirty = true;
    }

    /** The view's size: the hosts' rows are shaped to fill it. True when that makes a new layout due. */
    public boolean viewSize(double width, double height) {
        boolean changed = layouter.setView(width, height);
        if (changed) dirty = true;
        return changed;
    }

    /** Whether a new layout is due; asking clears it. */
    public boolean takeChanged() {
        boolean was = dirty;
        dirty = false;
        return was;
    }

    /** Lays the hosts out again; returns the layout it replaces (null at first). */
    public Layout relayout(List<HostSnapshot> live) {
        Layout old = layout;
        laidOutWith = old == null ? null : filter;
        layout = layouter.layout(plan == null ? live : plan.over(live), filter);
        nothingRuns = plan == null && runsNothing(live);
        Set<String> finds = new LinkedHashSet<>();
        for (Card card : layout.cards()) if (filter.finds(card.container())) finds.add(card.key());
        found = finds;
        selected.removeIf(key -> layout.card(key) == null && layout.volume(key) == null && layout.band(key) == null);
        return old;
    }

    /** Some host is read, and every container of the hosts read is a simulated host's own. */
    private static boolean runsNothing(List<HostSnapshot> live) {
        return live.stream().anyMatch(h -> h.inventory() != null) && live.stream().allMatch(h -> h.inventory() == null
                || h.inventory().containers().values().stream().allMatch(c -> Ownership.isSimulatedHost(c.labels())));
    }

    /**
     * Whether the hosts read so far run no container (a simulated host's own is its host, not
     * one) and no plan is shown: a first picture that needs a word on where to start.
     */
    public boolean nothingRuns() {
        return nothingRuns;
    }

    /** Whether the last layout used the same filter as the one before it (then cards glide; else they jump). */
    public boolean sameFilterAsBefore() {
        return filter.equals(laidOutWith);
    }

    /** The search box's text: words to find, and host: state: net: label: lab: to narrow the picture. */
    public void search(String text) {
        filter = DiagramFilter.parse(text);
        dirty = true;
    }

    /** A tour's focus: the search's text, with everything it does not find dimmed; null ends it. */
    public void spotlight(String text) {
        spotlight = text != null;
        search(text == null ? "" : text);
    }

    /** The cards to dim: while a spotlight is on and finds something, every card it does not find. */
    public boolean dims(String cardKey) {
        return spotlight && !found.isEmpty() && !found.contains(cardKey);
    }

    public DiagramFilter filter() {
        return filter;
    }

    /** What the diagram marks as broken on purpose, and how (a fault's tag text), by host or HOST/CONTAINER. */
    public Map<String, String> faultMarks() {
        return marks.faults();
    }

    public void setFaultMarks(Map<String, String> next) {
        marks = marks.withFaults(next);
    }

    /** What went wrong by itself, as tags ("restart loop ×4 · exit 1"), by card key (HOST/ID). */
    public Map<String, String> troubleMarks() {
        return marks.allTroubles();
    }

    /**
     * Shows a host's trouble tags (by card key) from now on: {@code tags} is read as it is at each
     * frame, and whoever hands it over changes it only on the FX thread.
     */
    public void showTroubleMarks(String host, Map<String, String> tags) {
        marks = marks.withTroubles(host, tags);
    }

    /** Live stats on the cards (by card key) and each host's totals (by host name). */
    public void setStats(Map<String, Marks.CardStats> cards, Map<String, String> hosts) {
        marks = marks.withStats(cards, hosts);
    }

    /** The last probe's path from A's card to B's; null takes it off. */
    public void setProbe(Marks.ProbePath path) {
        marks = marks.withProbe(path);
    }

    /** Everything written over the cluster, for the painter. */
    public Marks marks() {
        return marks;
    }

    public Set<String> found() {
        return found;
    }

    /** "12 containers on 3 hosts · 2 found" */
    public String counts() {
        if (layout == null) return "";
        int containers = layout.cards().size();
        int hosts = layout.hosts().size();
        return containers + (containers == 1 ? " container" : " containers") + " on " + hosts + (hosts == 1 ? " host" : " hosts")
                + (filter.searches() ? " · " + found.size() + " found" : "");
    }

    /** Draws a lab's plan over the live picture; an empty one takes it away. */
    public void showPlan(String lab, List<LabStep> steps) {
        plan = steps == null || steps.isEmpty() ? null : new PlannedLab(lab, steps);
        dirty = true;
    }

    // ---- selection

    public Set<String> selected() {
        return selected;
    }

    /** A click on {@code hit}: it alone is selected, or with {@code add} it joins or leaves the selection. */
    public void click(Layout.Item hit, boolean add) {
        String key = hit instanceof HostBox || hit == null ? null : hit.key();
        if (!add) selected.clear();
        if (key != null && !selected.remove(key)) selected.add(key);
        if (key != null && !add) selected.add(key);
    }

    /** Selects what is drawn under this key alone; null clears the selection. */
    public void select(String key) {
        selected.clear();
        if (key != null) selected.add(key);
    }

    public List<Card> selectedCards() {
        return layout == null ? List.of() : selected.stream().map(layout::card).filter(c -> c != null).toList();
    }

    /** The one real thing selected (a ghost is not one), with its host; empty for none or several. */
    public Optional<Chosen> chosen() {
        if (layout == null || selected.size() != 1) return Optional.empty();
        String key = selected.iterator().next();
        Card card = layout.card(key);
        if (card != null) return card.isGhost() ? Optional.empty() : Optional.of(new Chosen(card.host(), card.container()));
        var volume = layout.volume(key);
        if (volume != null) return Optional.of(new Chosen(volume.host(), volume.volume()));
        Band band = layout.band(key);
        if (band != null && band.network() != null) return Optional.of(new Chosen(band.host(), band.network()));
        return Optional.empty();
    }

    /** Moves the selection to the nearest card in the arrow's direction; returns it, or null at the edge. */
    public Card move(LayoutChanges.Direction direction) {
        if (layout == null || layout.cards().isEmpty()) return null;
        List<Card> current = selectedCards();
        Card next = current.isEmpty() ? layout.cards().getFirst()
                : LayoutChanges.nearest(layout.cards(), current.getFirst(), direction);
        if (next != null) select(next.key());
        return next;
    }

    // ---- collapse, pins, undo

    public boolean isCollapsed(String key) {
        return layouter.isCollapsed(key);
    }

    /** Collapses or opens a host (by name) or a band (by key). */
    public void toggleCollapsed(String key) {
        layouter.toggleCollapsed(key);
        dirty = true;
    }

    public void pinCard(Card card, double x, double y) {
        layouter.pinCard(card, x, y);
        dirty = true;
    }

    public void pinHost(String host, double x, double y) {
        layouter.pinHost(host, x, y);
        dirty = true;
    }

    /** What the user moved, by key ("host:NAME" or "HOST/CONTAINER"), to keep per lab. */
    public Map<String, double[]> pinned() {
        return layouter.pinned();
    }

    /** The way back of the last change made by a drag (connect or disconnect). */
    public void setUndo(Runnable back) {
        undo = back;
    }

    /** Runs the way back once; false when there is nothing to undo. */
    public boolean undo() {
        Runnable back = undo;
        undo = null;
        if (back == null) return false;
        back.run();
        return true;
    }
}
