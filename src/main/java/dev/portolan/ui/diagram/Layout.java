package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.Rect;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.NetworkInfo;
import dev.portolan.inventory.VolumeInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything goes, in diagram units: host regions, network bands inside them,
 * container cards inside their bands, volume cylinders under them, and the links from
 * cards to the volumes they mount. Immutable; the view paints it and hit-tests it.
 */
public final class Layout {

    /** What the diagram draws and a pointer can hit: a host region, a network band, a container card, a volume. */
    public sealed interface Item permits HostBox, Band, Card, VolumeBox {
        /** The key selection, collapse and kept positions use. */
        String key();

        /** The host it is drawn on. */
        String host();

        Rect bounds();
    }

    /** What applying a lab's plan will do to a card: nothing, make it (a ghost), replace it, or remove it. */
    public enum Plan {
        NONE, CREATE, REPLACE, REMOVE
    }

    public record HostBox(String host, String lab, String status, Rect bounds, boolean collapsed, int containers,
            int running, int volumes) implements Item {
        public String key() {
            return host;
        }
    }

    /** A network on a host; {@code network} is null for the containers on no network. */
    public record Band(String host, NetworkInfo network, Rect bounds, boolean collapsed, int members, int spansHosts)
            implements Item {
        public String key() {
            return host + "/net/" + name();
        }

        public String name() {
            return network == null ? "no network" : network.name();
        }
    }

    /** A container's card; a {@link Plan#CREATE} card is a ghost of one that apply will make. */
    public record Card(String host, ContainerInfo container, Rect bounds, List<String> otherNetworks, boolean pinned, Plan plan)
            implements Item {
        public String key() {
            return host + "/" + container.id();
        }

        public boolean isGhost() {
            return plan == Plan.CREATE;
        }
    }

    public record VolumeBox(String host, VolumeInfo volume, Rect bounds, int users) implements Item {
        public String key() {
            return host + "/vol/" + volume.name();
        }
    }

    /** A card mounts a volume. */
    public record Link(String cardKey, String volumeKey) {}

    /** A container that is itself a host of the picture (a simulated host's Docker-in-Docker container). */
    public record HostLink(String cardKey, String host) {}

    /** One Swarm-scoped network seen on several hosts: its bands, to be joined across the hosts. */
    public record Span(String network, List<String> bandKeys) {}

    private final List<HostBox> hosts;
    private final List<Band> bands;
    private final List<Card> cards;
    private final List<VolumeBox> volumes;
    private final List<Link> links;
    private final List<Span> spans;
    private final List<HostLink> hostLinks;
    private final Rect bounds;
    // made on first use: a layout that is only painted in part never needs them
    private Map<String, Card> cardsByKey;
    private Map<String, VolumeBox> volumesByKey;
    private Map<String, Band> bandsByKey;

    Layout(List<HostBox> hosts, List<Band> bands, List<Card> cards, List<VolumeBox> volumes, List<Link> links,
            List<Span> spans, List<HostLink> hostLinks) {
        this.hostLinks = List.copyOf(hostLinks);
        this.hosts = List.copyOf(hosts);
        this.bands = List.copyOf(bands);
        this.cards = List.copyOf(cards);
        this.volumes = List.copyOf(volumes);
        this.links = List.copyOf(links);
        this.spans = List.copyOf(spans);
        this.bounds = hosts.stream().map(HostBox::bounds).reduce(Rect::union).orElse(new Rect(0, 0, 0, 0));
    }

    public List<HostBox> hosts() {
        return hosts;
    }

    public List<Band> bands() {
        return bands;
    }

    public List<Card> cards() {
        return cards;
    }

    public List<VolumeBox> volumes() {
        return volumes;
    }

    public List<Link> links() {
        return links;
    }

    public List<Span> spans() {
        return spans;
    }

    public List<HostLink> hostLinks() {
        return hostLinks;
    }

    public HostBox host(String name) {
        for (HostBox h : hosts) if (h.host().equals(name)) return h;
        return null;
    }

    public Rect bounds() {
        return bounds;
    }

    public Card card(String key) {
        if (cardsByKey == null) cardsByKey = byKey(cards, Card::key);
        return cardsByKey.get(key);
    }

    public VolumeBox volume(String key) {
        if (volumesByKey == null) volumesByKey = byKey(volumes, VolumeBox::key);
        return volumesByKey.get(key);
    }

    public Band band(String key) {
        if (bandsByKey == null) bandsByKey = byKey(bands, Band::key);
        return bandsByKey.get(key);
    }

    private static <T> Map<String, T> byKey(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> map = new HashMap<>(items.size() * 2);
        for (T item : items) map.put(key.apply(item), item);
        return map;
    }

    /** The card of a container by its name, on any host; null when it is not drawn. */
    public Card cardNamed(String name) {
        return cards.stream().filter(c -> c.container().name().equals(name)).findFirst().orElse(null);
    }

    /** The topmost thing at a point: a card, a volume, a band, a host region, or null. */
    public Item hit(double x, double y) {
        for (int i = cards.size() - 1; i >= 0; i--) if (cards.get(i).bounds().contains(x, y)) return cards.get(i);
        for (VolumeBox v : volumes) if (v.bounds().contains(x, y)) return v;
        for (Band b : bands) if (b.bounds().contains(x, y)) return b;
        for (HostBox h : hosts) if (h.bounds().contains(x, y)) return h;
        return null;
    }

    /** The band at a point, for dropping a card on a network. */
    public Band bandAt(double x, double y) {
        for (Band b : bands) if (b.bounds().contains(x, y)) return b;
        return null;
    }
}
