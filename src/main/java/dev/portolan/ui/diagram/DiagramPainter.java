package dev.portolan.ui.diagram;

import dev.portolan.host.Ownership;
import dev.portolan.ui.draw.DiagramStyle;
import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.draw.Pen;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.diagram.Layout.Band;
import dev.portolan.ui.diagram.Layout.Card;
import dev.portolan.ui.diagram.Layout.HostBox;
import dev.portolan.ui.diagram.Layout.Link;
import dev.portolan.ui.diagram.Layout.Span;
import dev.portolan.ui.diagram.Layout.VolumeBox;
import dev.portolan.ui.inventory.StateText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.paint.Color;

/**
 * Paints a layout with a pen: host regions, network bands, links to volumes, container
 * cards (state as a colour stripe, an icon and a word), port badges, volume cylinders.
 * Zoomed out, cards lose their detail lines but keep a readable name; further out they
 * are coloured tiles and the links are left out; what lies outside the view is skipped.
 */
final class DiagramPainter {

    /**
     * What one picture shows: the layout, where animated cards are now, what is selected or found, and what is
     * written over it (faults, troubles, stats).
     */
    record Frame(Layout layout, Function<Card, Rect> position, Map<String, Double> alpha, List<Card> fading,
            Set<String> selected, Set<String> found, Marks marks, String dropBand, double scale, Rect visible,
            java.util.function.Predicate<String> dimmed) {}

    /** How much of a dimmed card shows: enough to see it is there, not enough to draw the eye. */
    static final double DIMMED = 0.25;

    /** Below this zoom a card is a coloured tile: its name would be too small to read, and costs to draw. */
    static final double TILE_SCALE = 0.22;
    /** Below this zoom a card shows its icon and name only, big enough to read. */
    static final double NAME_SCALE = 0.55;
    /** Where a card's name, state and image start, from its left edge (past its state stripe). */
    static final double CARD_TEXT_LEFT = 14;
    /** More users than this, and a volume's links are drawn only for what is selected. */
    static final int CROWDED = 8;

    private final DiagramStyle style;
    private final MarksPainter marks;

    DiagramPainter(DiagramStyle style) {
        this.style = style;
        this.marks = new MarksPainter(style);
    }

    void paint(Frame f, Pen pen) {
        pen.fill(f.visible(), 0, style.color("background"));
        for (HostBox host : f.layout().hosts()) if (host.bounds().intersects(f.visible())) host(host, f, pen);
        for (Band band : f.layout().bands()) if (band.bounds().intersects(f.visible())) band(band, f, pen);
        List<Span> spans = f.layout().spans();
        for (int i = 0; i < spans.size(); i++) span(spans.get(i), i, f.layout(), pen);
        for (Layout.HostLink link : f.layout().hostLinks()) hostLink(link, f, pen);
        boolean tiles = f.scale() < TILE_SCALE;
        if (!tiles) for (Link link : f.layout().links()) link(link, f, pen);
        for (VolumeBox volume : f.layout().volumes()) if (volume.bounds().intersects(f.visible())) volume(volume, f, pen);
        for (Card card : f.layout().cards()) {
            Rect at = f.position().apply(card);
            if (!at.intersects(f.visible())) continue;
            pen.alpha(f.alpha().getOrDefault(card.key(), 1.0) * (f.dimmed().test(card.key()) ? DIMMED : 1.0));
            card(card, at, f, pen);
        }
        for (Card card : f.fading()) {
            pen.alpha(f.alpha().getOrDefault(card.key(), 0.0));
            card(card, card.bounds(), f, pen);
        }
        pen.alpha(1);
        if (f.marks().probe() != null && !tiles) marks.probe(f.marks().probe(), f, pen);
    }

    /**
     * Paints one card or one host's title again over its old self, without clipping (a
     * clip costs the renderer more than the whole card): what changed in place.
     */
    void repaint(Object item, Frame f, Pen pen) {
        switch (item) {
            case Card card -> {
                Band band = f.layout().bandAt(card.bounds().centerX(), card.bounds().centerY());
                Rect r = card.bounds();
                pen.fill(new Rect(r.x() - 2, r.y() - 2, r.w() + 4, r.h() + 4), 0, style.color(band == null ? "host" : "band"));
                pen.alpha(f.dimmed().test(card.key()) ? DIMMED : 1.0);
                card(card, r, f, pen);
                pen.alpha(1);
            }
            case HostBox host -> {
                Rect r = host.bounds();
                pen.fill(new Rect(r.x() + 8, r.y() + 4, r.w() - 16, DiagramLayout.HOST_HEADER - 12), 0, style.color("host"));
                hostTitle(host, pen, f);
            }
            default -> { }
        }
    }

    private void host(HostBox host, Frame f, Pen pen) {
        Rect r = host.bounds();
        boolean live = host.status().equals("live");
        pen.fill(r, 16, style.color("host"));
        // a host that is not live is outlined dashed, in the colour of what it is instead
        pen.stroke(r, 16, live ? style.color("host-border") : statusColor(host), live ? 1.5 : 2.5, !live);
        hostTitle(host, pen, f);
        marks.hostFault(host, f, pen);
    }

    /**
     * Lost or failed: the "dead" colour (what it shows is its last known state); to be made
     * by a plan: the selection colour; connecting, being made, stopped: muted.
     */
    private Color statusColor(HostBox host) {
        String status = host.status();
        if (status.equals("live")) return style.color("muted");
        if (status.startsWith("lost") || status.startsWith("error")) return style.color("state-dead");
        if (status.startsWith("planned")) return style.color("selection");
        return style.color("muted");
    }

    private void hostTitle(HostBox host, Pen pen, Frame f) {
        double scale = f.scale();
        Rect r = host.bounds();
        double size = Math.max(15, 13 / scale);
        String title = Pen.fitName(host.host(), size, true, r.w() * 0.85);
        pen.text(title, r.x() + DiagramLayout.PAD, r.y() + 26, size, true, style.color("text"), r.w() * 0.85);
        // the facts follow the title, in what room is left: the usual (live, all running) goes unsaid, so the
        // host's cpu and memory fit beside two cards
        double factsX = r.x() + DiagramLayout.PAD + pen.measure(title, size, true) + 12;
        boolean live = host.status().equals("live");
        List<String> facts = new ArrayList<>();
        if (!live) facts.add(host.status());
        // a host never read since it stopped has no count to give, and "0 containers" would be a guess
        if (live || host.containers() > 0) {
            facts.add(StatusText.plural(host.containers(), "container")
                    + (host.running() < host.containers() ? " (" + host.running() + " running)" : ""));
        }
        if (host.collapsed()) facts.add(StatusText.plural(host.volumes(), "volume") + " · collapsed");
        if (f.marks().hostStats().containsKey(host.host())) facts.add(f.marks().hostStats().get(host.host()));
        pen.text(String.join(" · ", facts), factsX, r.y() + 26, Math.max(11, 10 / scale), false, statusColor(host),
                r.x() + r.w() - factsX - 10);
    }

    private void band(Band band, Frame f, Pen pen) {
        Rect r = band.bounds();
        boolean drop = band.key().equals(f.dropBand());
        pen.fill(r, 10, style.color("band"));
        pen.stroke(r, 10, drop ? style.color("drop") : style.color("band-border"), drop ? 3 : 1, band.spansHosts() > 1);
        String title = band.name() + (band.network() == null ? "" : " · " + band.network().driver())
                + (band.network() != null && band.network().subnet() != null ? " · " + band.network().subnet() : "")
                + (band.spansHosts() > 1 ? " · spans " + band.spansHosts() + " hosts" : "")
                + (band.collapsed() ? " · " + StatusText.plural(band.members(), "container") + ", collapsed" : "");
        pen.text(title, r.x() + 10, r.y() + 18, Math.max(12, 10 / f.scale()), true, style.color("muted"), r.w() - 20);
    }

    private void span(Span span, int lane, Layout layout, Pen pen) {
        List<Rect> bands = span.bandKeys().stream().map(key -> layout.band(key).bounds()).toList();
        for (SpanLines.Segment s : SpanLines.of(bands, lane)) pen.line(s.x1(), s.y1(), s.x2(), s.y2(), style.color("link"), 2.5, true);
    }

    /** From a simulated host's container to the region of the host it is: a dashed line to its title. */
    private void hostLink(Layout.HostLink link, Frame f, Pen pen) {
        Card card = f.layout().card(link.cardKey());
        HostBox host = f.layout().host(link.host());
        if (card == null || host == null) return;
        Rect from = f.position().apply(card);
        Rect to = host.bounds();
        boolean right = to.x() >= from.x() + from.w();
        double x1 = right ? from.x() + from.w() : from.x();
        double x2 = right ? to.x() : to.x() + to.w();
        pen.line(x1, from.centerY(), x2, to.y() + 20, style.color("muted"), 1.2, true);
    }

    private void link(Link link, Frame f, Pen pen) {
        Card card = f.layout().card(link.cardKey());
        VolumeBox volume = f.layout().volume(link.volumeKey());
        if (card == null || volume == null) return;
        Rect from = f.position().apply(card);
        Rect to = volume.bounds();
        if (!from.union(to).intersects(f.visible())) return;
        boolean lit = f.selected().contains(card.key()) || f.selected().contains(volume.key());
        // a volume many containers share says "shared by N"; its links show when it or a user is selected
        if (volume.users() > CROWDED && !lit) return;
        pen.curve(from.centerX(), from.y() + from.h(), to.centerX(), to.y(), lit ? style.color("selection") : style.color("link"),
                lit ? 3 : 1.5);
    }

    private void volume(VolumeBox volume, Frame f, Pen pen) {
        Rect r = volume.bounds();
        boolean selected = f.selected().contains(volume.key());
        pen.cylinder(r, style.color("volume"), selected ? style.color("selection") : style.color("volume-border"),
                selected ? 3 : volume.users() > 1 ? 2.5 : 1.2);
        if (f.scale() < TILE_SCALE) return;
        // a simulated host's disk is named after its host ("portolan-web-db-d…" twice told nothing), kept or in use
        Map<String, String> labels = volume.volume().labels();
        boolean hostData = Ownership.HOST_DATA.equals(labels.get(Ownership.ROLE));
        String name = hostData ? labels.getOrDefault(Ownership.LAB, "?") + "/" + labels.getOrDefault(Ownership.HOST, "?")
                : volume.volume().name();
        pen.text(name, r.x() + 6, r.y() + r.h() / 2 + 6, 11, true, style.color("text"), r.w() - 12);
        String users = hostData ? (volume.users() == 0 ? "kept, host removed" : "host's data")
                : volume.users() == 0 ? "unused" : volume.users() == 1 ? "1 container"
                : "shared by " + volume.users() + (volume.users() > CROWDED ? " (select to see)" : "");
        pen.text(users, r.x() + 2, r.y() + r.h() + 13, 10, false, style.color("muted"), r.w());
    }

    private void card(Card card, Rect r, Frame f, Pen pen) {
        cardBody(card, r, f, pen);
        marks.card(card, r, f, pen);
    }

    private void cardBody(Card card, Rect r, Frame f, Pen pen) {
        ContainerInfo c = card.container();
        Layout.Plan plan = card.plan();
        if (plan == Layout.Plan.CREATE) {
            ghost(c, r, f, pen);
            return;
        }
        Color state = style.state(c.state());
        pen.fill(r, 10, style.color("card"));
        pen.fill(new Rect(r.x(), r.y(), 7, r.h()), 6, state);
        boolean selected = f.selected().contains(card.key());
        boolean found = f.found().contains(card.key());
        pen.stroke(r, 10, selected ? style.color("selection") : found ? style.color("found")
                : plan != Layout.Plan.NONE ? style.color("state-dead") : style.color("card-border"),
                selected || found || plan != Layout.Plan.NONE ? 3 : 1, plan != Layout.Plan.NONE);
        if (plan != Layout.Plan.NONE && f.scale() >= NAME_SCALE) {
            pen.text(plan == Layout.Plan.REMOVE ? "− apply removes it" : "~ apply replaces it", r.x() + r.w() * 0.5, r.y() + 36,
                    11, true, style.color("state-dead"), r.w() * 0.5 - 6);
        }
        double left = r.x() + CARD_TEXT_LEFT;
        double width = r.w() - 20;
        if (f.scale() < TILE_SCALE) return;
        if (f.scale() < NAME_SCALE) {
            // far out: the icon and the name, big enough to read on the screen
            double size = Math.min(r.h() / 2.6, 11 / f.scale());
            String icon = StateText.icon(c.state()) + " ";
            pen.text(icon + Pen.fitName(c.name(), size, true, width - icon.length() * size * 0.62), left,
                    r.y() + r.h() / 2 + size / 3, size, true, style.color("text"), width);
            return;
        }
        pen.text(Pen.fitName(c.name(), 13, true, width - badgesWidth(c)), left, r.y() + 19, 13, true, style.color("text"),
                width - badgesWidth(c));
        pen.text(StateText.of(c), left, r.y() + 36, 11, false, state, width);
        String detail = c.image() + (c.restartCount() > 0 ? " · " + c.restartCount() + " restarts" : "")
                + (card.otherNetworks().isEmpty() ? "" : " · + " + String.join(", ", card.otherNetworks()));
        pen.text(detail, left, r.y() + 53, 11, false, style.color("muted"), width);
        badges(c, r, pen);
    }

    /** A container the plan will make: dashed, see-through, saying so. */
    private void ghost(ContainerInfo c, Rect r, Frame f, Pen pen) {
        pen.fill(r, 10, style.color("card").deriveColor(0, 1, 1, 0.55));
        pen.stroke(r, 10, style.color("selection"), 2, true);
        if (f.scale() < TILE_SCALE) return;
        double size = f.scale() < NAME_SCALE ? Math.min(r.h() / 2.6, 11 / f.scale()) : 13;
        pen.text("+ " + Pen.fitName(c.name(), size, true, r.w() - 40), r.x() + 12, r.y() + (f.scale() < NAME_SCALE ? r.h() / 2 + size / 3 : 19),
                size, true, style.color("selection"), r.w() - 20);
        if (f.scale() < NAME_SCALE) return;
        pen.text("apply creates it", r.x() + 12, r.y() + 36, 11, false, style.color("selection"), r.w() - 20);
        pen.text(c.image(), r.x() + 12, r.y() + 53, 11, false, style.color("muted"), r.w() - 20);
    }

    private static double badgesWidth(ContainerInfo c) {
        return published(c).isEmpty() ? 0 : Math.min(110, published(c).size() * 56);
    }

    private static List<String> published(ContainerInfo c) {
        return c.ports().stream().filter(p -> p.hostPort() > 0).map(p -> p.hostPort() + "→" + p.containerPort())
                .distinct().collect(Collectors.toList());
    }

    /** Published ports as badges on the card's top right: host port → container port. */
    private void badges(ContainerInfo c, Rect r, Pen pen) {
        double x = r.x() + r.w() - 6;
        for (String port : published(c)) {
            double w = port.length() * 6.2 + 10;
            if (x - w < r.x() + r.w() * 0.45) break;
            x -= w;
            pen.fill(new Rect(x, r.y() + 6, w, 17), 8, style.color("badge"));
            pen.text(port.toLowerCase(Locale.ROOT), x + 5, r.y() + 18, 10.5, false, style.color("badge-text"), w);
            x -= 4;
        }
    }
}
