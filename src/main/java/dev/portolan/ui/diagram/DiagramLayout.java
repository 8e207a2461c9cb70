package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.Rect;
import dev.portolan.host.Ownership;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.NetworkInfo;
import dev.portolan.inventory.VolumeInfo;
import dev.portolan.ui.diagram.Layout.Band;
import dev.portolan.ui.diagram.Layout.Card;
import dev.portolan.ui.diagram.Layout.HostBox;
import dev.portolan.ui.diagram.Layout.Link;
import dev.portolan.ui.diagram.Layout.Span;
import dev.portolan.ui.diagram.Layout.VolumeBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places hosts, networks, containers and volumes; a layout of its own because the
 * picture is regular: hosts flow left to right, each host stacks its networks as bands,
 * a band holds its containers' cards in a grid, the volumes sit in a row underneath.
 * Stable: a container keeps its place in its band while others come and go (new ones
 * go to the end), a card or host the user moved stays where it was put, and a host
 * whose inventory did not change is not laid out again.
 */
public final class DiagramLayout {

    static final double PAD = 14;
    static final double HOST_HEADER = 40;
    static final double BAND_HEADER = 26;
    static final double CARD_W = 196;
    static final double CARD_H = 70;
    static final double GAP = 12;
    static final double VOL_W = 118;
    static final double VOL_H = 60;
    static final double ROW_WIDTH = 2600;
    static final int MAX_COLUMNS = 10;

    /**
     * A host laid out on its own, in coordinates relative to its corner; {@code cardAt} finds a
     * container's card (by id) in {@code cards}, for a change that moves nothing.
     */
    private record HostPart(HostInventory inventory, Map<String, Layout.Plan> planned, DiagramFilter filter, int version,
            double w, double h,
            List<Band> bands, List<Card> cards, List<VolumeBox> volumes, List<Link> links, int containers, int running,
            Map<String, Integer> cardAt) {}

    private final KeptOrder order = new KeptOrder();
    private final Map<String, double[]> pinnedCards = new HashMap<>();
    private final Map<String, double[]> pinnedHosts = new HashMap<>();
    /** Hosts and bands the user collapsed or opened: each is the other way round from its default. */
    private final Set<String> toggled = new HashSet<>();
    /** Whether each band is drawn collapsed now (its default, toggled or not). */
    private final Map<String, Boolean> bandsCollapsed = new HashMap<>();
    /** The hosts drawn as regions: a simulated host's own container folds into its lab's chip when its region is drawn. */
    private Set<String> drawnHosts = Set.of();
    /** The view's width over its height: rows of hosts are made to fill it. */
    private double aspect = 1.6;
    /** The row width chosen for these hosts at this aspect, kept while neither changes (so hosts do not jump). */
    private String rowKey = "";
    private double rowWidth = ROW_WIDTH;
    /** A row width tests set to compare with; 0 when the rows are shaped to the view. */
    private double fixedRowWidth;
    private final Map<String, HostPart> parts = new HashMap<>();
    private final Map<String, Placed> placed = new HashMap<>();

    /** A host part put at its place in the picture: reused while neither the part nor the place changes. */
    private record Placed(HostPart part, double x, double y, List<Band> bands, List<Card> cards, List<VolumeBox> volumes,
            List<Layout.HostLink> simulatedHosts) {

        /** The host's cards put at their place, with the simulated hosts among them (drawn as regions elsewhere). */
        static Placed of(HostPart part, double x, double y, List<Band> bands, List<Card> cards, List<VolumeBox> volumes) {
            List<Layout.HostLink> simulatedHosts = new ArrayList<>();
            for (Card card : cards) {
                Map<String, String> labels = card.container().labels();
                if (!Ownership.isSimulatedHost(labels)) continue;
                String host = labels.get(Ownership.LAB) + "/" + labels.get(Ownership.HOST);
                if (!host.equals(card.host())) simulatedHosts.add(new Layout.HostLink(card.key(), host));
            }
            return new Placed(part, x, y, bands, cards, volumes, simulatedHosts);
        }

        Layout.HostCards hostCards() {
            return new Layout.HostCards(cards, part.cardAt());
        }
    }
    private int version;

    /** The view's size: hosts are put in rows that fill it at Fit. Returns whether the layout should be made again. */
    public boolean setView(double width, double height) {
        if (width <= 0 || height <= 0) return false;
        double next = width / height;
        if (Math.abs(next - aspect) / aspect < 0.15) return false;
        aspect = next;
        return true;
    }

    /** Lays out every host the filter shows, a lab's hosts together. */
    public Layout layout(List<HostSnapshot> all, DiagramFilter filter) {
        List<HostSnapshot> snapshots = new ArrayList<>(all);
        // hosts of no lab first (the local engine, endpoints), then each lab's hosts side by side
        snapshots.sort(Comparator.comparing((HostSnapshot h) -> "hosts".equals(h.lab()) ? "" : String.valueOf(h.lab())));
        Set<String> drawn = new HashSet<>();
        for (HostSnapshot h : snapshots) if (filter.showsHost(h)) drawn.add(h.host());
        if (!drawn.equals(drawnHosts)) {
            drawnHosts = Set.copyOf(drawn);
            version++;
        }
        List<HostBox> hosts = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        List<List<Card>> cardsOfHosts = new ArrayList<>();
        List<List<VolumeBox>> volumesOfHosts = new ArrayList<>();
        List<List<Link>> linksOfHosts = new ArrayList<>();
        double x = 0;
        double y = 0;
        double rowHeight = 0;
        Set<String> seen = new HashSet<>();
        List<Placed> placedShown = new ArrayList<>();
        Map<String, Layout.HostCards> cardIndex = new HashMap<>();
        List<HostSnapshot> shown = new ArrayList<>();
        List<HostPart> shownParts = new ArrayList<>();
        for (HostSnapshot snapshot : snapshots) {
            if (!filter.showsHost(snapshot)) continue;
            shown.add(snapshot);
            shownParts.add(part(snapshot, filter));
        }
        double limit = rowWidth(shown, shownParts);
        for (int i = 0; i < shown.size(); i++) {
            HostSnapshot snapshot = shown.get(i);
            seen.add(snapshot.host());
            HostPart part = shownParts.get(i);
            if (x > 0 && x + part.w() > limit) {
                x = 0;
                y += rowHeight + PAD * 3;
                rowHeight = 0;
            }
            double[] pin = pinnedHosts.get(snapshot.host());
            double ox = pin != null ? pin[0] : x;
            double oy = pin != null ? pin[1] : y;
            hosts.add(new HostBox(snapshot.host(), snapshot.lab(), snapshot.status(), new Rect(ox, oy, part.w(), part.h()),
                    toggled.contains(snapshot.host()), part.containers(), part.running(),
                    snapshot.inventory() == null ? 0 : snapshot.inventory().volumes().size()));
            Placed at = place(snapshot.host(), part, ox, oy);
            placedShown.add(at);
            cardIndex.put(snapshot.host(), at.hostCards());
            bands.addAll(at.bands());
            cardsOfHosts.add(at.cards());
            volumesOfHosts.add(at.volumes());
            linksOfHosts.add(part.links());
            if (pin == null) {
                x += part.w() + PAD * 3;
                rowHeight = Math.max(rowHeight, part.h());
            }
        }
        parts.keySet().retainAll(seen);
        placed.keySet().retainAll(seen);
        // each host's lists as they were placed, joined rather than copied: a change touches one host of ten
        return new Layout(hosts, spanned(bands), Joined.of(cardsOfHosts), Joined.of(volumesOfHosts), Joined.of(linksOfHosts),
                spans(bands), hostLinks(placedShown, seen), cardIndex);
    }

    /**
     * How wide a row of hosts may be: of the ways to wrap them (1, 2, … per row), the one whose
     * picture, fitted to a view of this aspect, is largest. Kept while the hosts and the aspect are.
     */
    private double rowWidth(List<HostSnapshot> shown, List<HostPart> parts) {
        if (fixedRowWidth > 0) return fixedRowWidth;
        // the hosts and their widths (to 50 px: a host that only grows taller does not re-wrap the rows)
        StringBuilder key = new StringBuilder().append(aspect);
        for (int i = 0; i < shown.size(); i++) key.append('|').append(shown.get(i).host()).append(':').append(Math.round(parts.get(i).w() / 50));
        if (key.toString().equals(rowKey)) return rowWidth;
        double total = 0;
        double widest = 0;
        for (HostPart p : parts) {
            total += p.w() + PAD * 3;
            widest = Math.max(widest, p.w());
        }
        double best = ROW_WIDTH;
        double bestScale = 0;
        for (int rows = 1; rows <= Math.max(1, parts.size()); rows++) {
            double limit = Math.max(widest, total / rows);
            double[] size = wrapped(parts, limit);
            double scale = Math.min(aspect / size[0], 1 / size[1]);
            if (scale > bestScale * 1.0001) {
                bestScale = scale;
                best = limit;
            }
        }
        rowKey = key.toString();
        rowWidth = best;
        return best;
    }

    /** For a test's baseline: the layout with a fixed row width (1e9: one row), as before rows were shaped to the view. */
    Layout layoutWithRowWidth(List<HostSnapshot> snapshots, double limit) {
        fixedRowWidth = limit;
        return layout(snapshots, DiagramFilter.NONE);
    }

    /** The width and height of hosts put in rows no wider than {@code limit}. */
    private static double[] wrapped(List<HostPart> parts, double limit) {
        double x = 0;
        double y = 0;
        double rowHeight = 0;
        double width = 1;
        for (HostPart p : parts) {
            if (x > 0 && x + p.w() > limit) {
                x = 0;
                y += rowHeight + PAD * 3;
                rowHeight = 0;
            }
            width = Math.max(width, x + p.w());
            x += p.w() + PAD * 3;
            rowHeight = Math.max(rowHeight, p.h());
        }
        return new double[] {width, Math.max(1, y + rowHeight)};
    }

    private Placed place(String host, HostPart part, double ox, double oy) {
        Placed was = placed.get(host);
        if (was != null && was.part() == part && was.x() == ox && was.y() == oy) return was;
        List<Band> bands = new ArrayList<>(part.bands().size());
        List<Card> cards = new ArrayList<>(part.cards().size());
        List<VolumeBox> volumes = new ArrayList<>(part.volumes().size());
        for (Band b : part.bands()) bands.add(new Band(b.host(), b.network(), b.bounds().moved(ox, oy), b.collapsed(), b.members(), 0));
        for (Card c : part.cards()) {
            cards.add(new Card(c.key(), c.host(), c.container(), c.bounds().moved(ox, oy), c.otherNetworks(), c.pinned(), c.plan()));
        }
        for (VolumeBox v : part.volumes()) volumes.add(new VolumeBox(v.host(), v.volume(), v.bounds().moved(ox, oy), v.users()));
        Placed now = Placed.of(part, ox, oy, bands, cards, volumes);
        placed.put(host, now);
        return now;
    }

    /** Simulated hosts are containers too: their cards point at the regions of the hosts they are. */
    private static List<Layout.HostLink> hostLinks(List<Placed> shown, Set<String> hostsShown) {
        List<Layout.HostLink> links = new ArrayList<>();
        for (Placed at : shown) {
            for (Layout.HostLink link : at.simulatedHosts()) if (hostsShown.contains(link.host())) links.add(link);
        }
        return links;
    }

    /** Bands of Swarm networks know how many hosts they span. */
    private static List<Band> spanned(List<Band> bands) {
        Map<String, Integer> hostsPerNetwork = new HashMap<>();
        for (Band b : bands) if (isSwarm(b)) hostsPerNetwork.merge(b.name(), 1, Integer::sum);
        return bands.stream().map(b -> isSwarm(b) ? new Band(b.host(), b.network(), b.bounds(), b.collapsed(), b.members(),
                hostsPerNetwork.get(b.name())) : b).toList();
    }

    private static List<Span> spans(List<Band> bands) {
        Map<String, List<String>> byNetwork = new LinkedHashMap<>();
        for (Band b : bands) if (isSwarm(b)) byNetwork.computeIfAbsent(b.name(), n -> new ArrayList<>()).add(b.key());
        return byNetwork.entrySet().stream().filter(e -> e.getValue().size() > 1).map(e -> new Span(e.getKey(), e.getValue())).toList();
    }

    private static boolean isSwarm(Band b) {
        return b.network() != null && "swarm".equals(b.network().scope());
    }

    private HostPart part(HostSnapshot snapshot, DiagramFilter filter) {
        HostPart cached = parts.get(snapshot.host());
        if (cached != null && cached.inventory() == snapshot.inventory() && cached.filter().equals(filter)
                && cached.version() == version && cached.planned().equals(snapshot.planned())) {
            return cached;
        }
        HostPart part = cached == null ? null : changedInPlace(cached, snapshot, filter);
        if (part == null) part = layOut(snapshot, filter);
        parts.put(snapshot.host(), part);
        return part;
    }

    /**
     * The host's part when only some containers changed and none of them moves (a state, a
     * health, a restart count): the same places, those cards made again, and the placed cards
     * of the part before reused but for them. Null when anything could move something: a
     * container came or went, changed name, networks, mounts or labels, or the filter shows it
     * or hides it now. An event on a host of a thousand containers then costs what changed.
     */
    private HostPart changedInPlace(HostPart before, HostSnapshot snapshot, DiagramFilter filter) {
        HostInventory was = before.inventory();
        HostInventory now = snapshot.inventory();
        if (was == null || now == null || toggled.contains(snapshot.host()) || !before.filter().equals(filter)
                || before.version() != version || !before.planned().equals(snapshot.planned())
                || was.containers().size() != now.containers().size() || !was.networks().equals(now.networks())
                || !was.volumes().equals(now.volumes())) {
            return null;
        }
        List<Card> cards = new ArrayList<>(before.cards());
        List<Integer> changedAt = new ArrayList<>();
        int running = before.running();
        for (ContainerInfo c : now.containers().values()) {
            ContainerInfo old = was.containers().get(c.id());
            if (old == c) continue;
            if (old == null || !samePlace(old, c) || filter.showsContainer(old) != filter.showsContainer(c)) return null;
            running += (c.isRunning() ? 1 : 0) - (old.isRunning() ? 1 : 0);
            Integer at = before.cardAt().get(c.id());
            if (at == null) continue; // not drawn (filtered out, or its band is collapsed)
            cards.set(at, cards.get(at).showing(c));
            changedAt.add(at);
        }
        HostPart part = new HostPart(now, snapshot.planned(), filter, version, before.w(), before.h(), before.bands(),
                cards, before.volumes(), before.links(), before.containers(), running, before.cardAt());
        Placed placedBefore = placed.get(snapshot.host());
        if (placedBefore != null && placedBefore.part() == before) {
            // the placed cards too: the same places, those cards showing their container of now
            List<Card> moved = new ArrayList<>(placedBefore.cards());
            for (int at : changedAt) moved.set(at, moved.get(at).showing(cards.get(at).container()));
            placed.put(snapshot.host(), new Placed(part, placedBefore.x(), placedBefore.y(), placedBefore.bands(), moved,
                    placedBefore.volumes(), placedBefore.simulatedHosts()));
        }
        return part;
    }

    /** Whether a container's change leaves its card where it was: same name, networks, mounts and labels. */
    private static boolean samePlace(ContainerInfo a, ContainerInfo b) {
        return a.name().equals(b.name()) && a.labels().equals(b.labels())
                && a.networks().stream().map(ContainerInfo.NetworkAttachment::network).toList()
                        .equals(b.networks().stream().map(ContainerInfo.NetworkAttachment::network).toList())
                && a.mounts().stream().map(ContainerInfo.Mount::name).toList().equals(b.mounts().stream().map(ContainerInfo.Mount::name).toList());
    }

    private HostPart layOut(HostSnapshot snapshot, DiagramFilter filter) {
        String host = snapshot.host();
        HostInventory inventory = snapshot.inventory();
        if (inventory == null || toggled.contains(host)) return collapsed(snapshot, filter);
        // each container sits in the band of its first network (user networks before the predefined ones)
        Map<String, NetworkInfo> networksByName = new HashMap<>();
        inventory.networks().values().forEach(n -> networksByName.put(n.name(), n));
        Map<String, List<ContainerInfo>> members = new LinkedHashMap<>();
        List<ContainerInfo> shown = new ArrayList<>();
        int running = 0;
        for (ContainerInfo c : inventory.containers().values()) {
            if (c.isRunning()) running++;
            if (!filter.showsContainer(c)) continue;
            shown.add(c);
            members.computeIfAbsent(CardPlaces.primary(c), n -> new ArrayList<>()).add(c);
        }

        List<Band> bands = new ArrayList<>();
        List<Card> cards = new ArrayList<>();
        double y = HOST_HEADER;
        double width = 2 * (CARD_W + GAP) + GAP;
        for (String name : bandOrder(members, networksByName.values(), filter)) {
            String bandKey = host + "/net/" + name;
            List<ContainerInfo> inBand = order.ordered(bandKey, members.getOrDefault(name, List.of()));
            // the local engine's own simulated-host containers fold into one chip per lab while their regions are drawn
            boolean folds = !members.getOrDefault(name, List.of()).isEmpty() && members.get(name).stream().allMatch(this::drawnAsHost);
            boolean bandCollapsed = folds != toggled.contains(bandKey);
            bandsCollapsed.put(bandKey, bandCollapsed);
            int columns = order.columns(bandKey, inBand.size());
            int rows = bandCollapsed ? 0 : (inBand.size() + columns - 1) / columns;
            double bandW = columns * (CARD_W + GAP) + GAP;
            double bandH = bandCollapsed || inBand.isEmpty() ? BAND_HEADER + 4 : BAND_HEADER + rows * (CARD_H + GAP) + GAP;
            width = Math.max(width, bandW);
            if (!bandCollapsed) placeCards(snapshot, name, inBand, columns, y, cards);
            bands.add(new Band(host, networksByName.get(name), new Rect(PAD, y, 0, bandH), bandCollapsed, inBand.size(), 0));
            y += bandH + GAP;
        }
        final double bandWidth = width;
        bands.replaceAll(b -> new Band(b.host(), b.network(), new Rect(PAD, b.bounds().y(), bandWidth, b.bounds().h()),
                b.collapsed(), b.members(), 0));

        List<VolumeBox> volumes = volumeRows(host, inventory, shown, filter, bandWidth, y);
        if (!volumes.isEmpty()) y = volumes.getLast().bounds().y() + VOL_H + GAP + 14;
        double w = bandWidth + 2 * PAD;
        double h = y + PAD;
        for (Card c : cards) {
            w = Math.max(w, c.bounds().x() + c.bounds().w() + PAD);
            h = Math.max(h, c.bounds().y() + c.bounds().h() + PAD);
        }
        Map<String, Integer> cardAt = new HashMap<>(cards.size() * 2);
        for (int i = 0; i < cards.size(); i++) cardAt.put(cards.get(i).container().id(), i);
        return new HostPart(inventory, snapshot.planned(), filter, version, w, h, bands, cards, volumes,
                volumeLinks(host, cards, volumes), inventory.containers().size(), running, cardAt);
    }

    /** A host drawn as its title only: not read yet, or collapsed by the user. */
    private HostPart collapsed(HostSnapshot snapshot, DiagramFilter filter) {
        HostInventory inventory = snapshot.inventory();
        int total = inventory == null ? 0 : inventory.containers().size();
        int running = inventory == null ? 0 : (int) inventory.containers().values().stream().filter(ContainerInfo::isRunning).count();
        return new HostPart(inventory, snapshot.planned(), filter, version, 280, HOST_HEADER + PAD, List.of(), List.of(), List.of(),
                List.of(), total, running, Map.of());
    }

    /**
     * The bands of a host, top to bottom: networks with containers first (user ones, then the
     * predefined), the empty user networks last and low (a container can be dropped on them).
     */
    private static List<String> bandOrder(Map<String, List<ContainerInfo>> members, java.util.Collection<NetworkInfo> networks,
            DiagramFilter filter) {
        List<String> bandNames = new ArrayList<>(members.keySet());
        for (NetworkInfo n : networks) {
            if (!CardPlaces.isPredefined(n.name()) && !bandNames.contains(n.name())) bandNames.add(n.name());
        }
        bandNames.removeIf(name -> !filter.showsNetwork(name) && !name.isEmpty());
        bandNames.sort(Comparator.comparing((String n) -> members.containsKey(n) ? 0 : 1)
                .thenComparing(n -> n.isEmpty() ? 2 : CardPlaces.isPredefined(n) ? 1 : 0).thenComparing(n -> n));
        return bandNames;
    }

    /** The cards of one open band, in its columns from {@code y} down, or where the user pinned them. */
    private void placeCards(HostSnapshot snapshot, String band, List<ContainerInfo> inBand, int columns, double y, List<Card> cards) {
        String host = snapshot.host();
        for (int i = 0; i < inBand.size(); i++) {
            ContainerInfo c = inBand.get(i);
            double[] pin = pinnedCards.get(host + "/" + c.name());
            Rect at = pin != null ? new Rect(pin[0], pin[1], CARD_W, CARD_H)
                    : new Rect(PAD + GAP + (i % columns) * (CARD_W + GAP),
                            y + BAND_HEADER + GAP + (i / columns) * (CARD_H + GAP), CARD_W, CARD_H);
            cards.add(new Card(host, c, at, CardPlaces.otherNetworks(c, band), pin != null,
                    snapshot.planned().getOrDefault(c.id(), Layout.Plan.NONE)));
        }
    }

    /**
     * Volumes in rows under the bands, from {@code bandsEnd}: every volume when nothing is
     * filtered, else those the shown containers mount.
     */
    private List<VolumeBox> volumeRows(String host, HostInventory inventory, List<ContainerInfo> shown, DiagramFilter filter,
            double bandWidth, double bandsEnd) {
        Map<String, Integer> users = new HashMap<>();
        for (ContainerInfo c : shown) {
            for (ContainerInfo.Mount m : c.mounts()) if (m.name() != null) users.merge(m.name(), 1, Integer::sum);
        }
        boolean unfiltered = filter.equals(DiagramFilter.NONE) || (filter.hosts().isEmpty() && filter.states().isEmpty()
                && filter.networks().isEmpty() && filter.labels().isEmpty() && filter.labs().isEmpty());
        List<VolumeInfo> volumeList = order.orderedVolumes(host, inventory.volumes().values().stream()
                .filter(v -> unfiltered || users.containsKey(v.name())).toList());
        List<VolumeBox> volumes = new ArrayList<>();
        int perRow = Math.max(1, (int) ((bandWidth - GAP) / (VOL_W + GAP)));
        double y = bandsEnd + GAP;
        for (int i = 0; i < volumeList.size(); i++) {
            VolumeInfo v = volumeList.get(i);
            volumes.add(new VolumeBox(host, v, new Rect(PAD + GAP + (i % perRow) * (VOL_W + GAP),
                    y + (i / perRow) * (VOL_H + GAP + 14), VOL_W, VOL_H), users.getOrDefault(v.name(), 0)));
        }
        return volumes;
    }

    /** A line from each card to each volume of its host that it mounts. */
    private static List<Link> volumeLinks(String host, List<Card> cards, List<VolumeBox> volumes) {
        Set<String> volumeKeys = new HashSet<>();
        volumes.forEach(v -> volumeKeys.add(v.key()));
        List<Link> links = new ArrayList<>();
        for (Card card : cards) {
            for (ContainerInfo.Mount m : card.container().mounts()) {
                String volumeKey = host + "/vol/" + m.name();
                if (m.name() != null && volumeKeys.contains(volumeKey)) links.add(new Link(card.key(), volumeKey));
            }
        }
        return links;
    }

    /**
     * Keeps a card where the user dropped it, relative to its host's corner; by host and
     * container name, so the place survives the container being made again by its lab.
     */
    public void pinCard(Card card, double x, double y) {
        pinnedCards.put(card.host() + "/" + card.container().name(), new double[] {x, y});
        version++;
    }

    public void pinHost(String host, double x, double y) {
        pinnedHosts.put(host, new double[] {x, y});
        version++;
    }

    /** Collapses or opens a host (by name) or a band (by its key). */
    public void toggleCollapsed(String key) {
        if (!toggled.remove(key)) toggled.add(key);
        version++;
    }

    public boolean isCollapsed(String key) {
        return bandsCollapsed.getOrDefault(key, toggled.contains(key));
    }

    /** Whether a container is a simulated host whose own region is drawn beside it. */
    private boolean drawnAsHost(ContainerInfo c) {
        return Ownership.isSimulatedHost(c.labels())
                && drawnHosts.contains(c.labels().get(Ownership.LAB) + "/" + c.labels().get(Ownership.HOST));
    }

    /** What the user moved, to keep per lab: "host/container" and "host:HOST" to positions. */
    public Map<String, double[]> pinned() {
        Map<String, double[]> all = new HashMap<>(pinnedCards);
        pinnedHosts.forEach((host, at) -> all.put("host:" + host, at));
        return all;
    }

    public void restorePinned(Map<String, double[]> positions) {
        positions.forEach((key, at) -> {
            if (key.startsWith("host:")) pinnedHosts.put(key.substring(5), at);
            else pinnedCards.put(key, at);
        });
        version++;
    }
}
