package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.Rect;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.NetworkInfo;
import dev.portolan.inventory.VolumeInfo;
import java.util.Collections;
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

    /**
     * A container's card; a {@link Plan#CREATE} card is a ghost of one that apply will make. Its key
     * (HOST/ID) is made once: the picture looks cards up by key thousands of times a layout.
     */
    public record Card(String key, String host, ContainerInfo container, Rect bounds, List<String> otherNetworks, boolean pinned,
            Plan plan) implements Item {
        public Card(String host, ContainerInfo container, Rect bounds, List<String> otherNetworks, boolean pinned, Plan plan) {
            this(host + "/" + container.id(), host, container, bounds, otherNetworks, pinned, plan);
        }

        public boolean isGhost() {
            return plan == Plan.CREATE;
        }

        /** The same card in the same place, showing the container as it is now. */
        Card showing(ContainerInfo now) {
            return new Card(key, host, now, bounds, otherNetworks, pinned, plan);
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
    /**
     * A host's cards and where each is in that list, by container id: the index is the layouter's,
     * kept while nothing on the host moves (a state change replaces a card, not its place).
     */
    record HostCards(List<Card> cards, Map<String, Integer> byId) {
        Card get(String id) {
            Integer at = byId.get(id);
            return at == null ? null : cards.get(at);
        }
    }

    /** Each host's cards, by host name. */
    private final Map<String, HostCards> cardsByHost;
    // made on first use: a layout that is only painted in part never needs them
    private Map<String, VolumeBox> volumesByKey;
    private Map<String, Band> bandsByKey;

    /** Takes the lists as they are: the layouter makes them for this layout and does not change them after. */
    Layout(List<HostBox> hosts, List<Band> bands, List<Card> cards, List<VolumeBox> volumes, List<Link> links,
            List<Span> spans, List<HostLink> hostLinks, Map<String, HostCards> cardsByHost) {
        this.cardsByHost = Map.copyOf(cardsByHost);
        // the layouter makes these lists for this layout alone: wrapped, not copied (ten thousand cards a change)
        this.hostLinks = Collections.unmodifiableList(hostLinks);
        this.hosts = Collections.unmodifiableList(hosts);
        this.bands = Collections.unmodifiableList(bands);
        this.cards = Collections.unmodifiableList(cards);
        this.volumes = Collections.unmodifiableList(volumes);
        this.links = Collections.unmodifiableList(links);
        this.spans = Collections.unmodifiableList(spans);
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

    /** A card by its key, HOST/ID (a host's name may hold slashes; a container's id does not). */
    public Card card(String key) {
        int slash = key.lastIndexOf('/');
        HostCards ofHost = slash < 0 ? null : cardsByHost.get(key.substring(0, slash));
        return ofHost == null ? null : ofHost.get(key.substring(slash + 1));
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
