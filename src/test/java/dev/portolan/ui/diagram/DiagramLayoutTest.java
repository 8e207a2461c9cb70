package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.Pen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.HostInventory;
import dev.portolan.testing.SyntheticCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layout's promises, on made-up inventories (no engine needed: this is arithmetic). */
class DiagramLayoutTest {

    private static final List<HostInventory> CLUSTER = SyntheticCluster.of(2, 40, 4, 6, 7);

    private static List<HostSnapshot> snapshots(List<HostInventory> inventories) {
        List<HostSnapshot> list = new ArrayList<>();
        for (int i = 0; i < inventories.size(); i++) list.add(new HostSnapshot("node" + i, "lab", "live", inventories.get(i)));
        return list;
    }

    @Test
    void everyContainerGetsOneCardInsideItsHostAndInsideTheBandOfItsFirstNetwork() {
        Layout layout = new DiagramLayout().layout(snapshots(CLUSTER), DiagramFilter.NONE);
        assertEquals(40, layout.cards().size());
        for (Layout.Card card : layout.cards()) {
            Layout.HostBox host = layout.hosts().stream().filter(h -> h.host().equals(card.host())).findFirst().orElseThrow();
            assertTrue(host.bounds().contains(card.bounds().x(), card.bounds().y()), card.key());
            Layout.Band band = layout.bandAt(card.bounds().centerX(), card.bounds().centerY());
            assertNotNull(band, card.key());
            assertEquals(CardPlaces.primary(card.container()), band.name());
        }
        for (int i = 0; i < layout.cards().size(); i++) {
            for (int j = i + 1; j < layout.cards().size(); j++) {
                assertTrue(!layout.cards().get(i).bounds().intersects(layout.cards().get(j).bounds()), "cards never overlap");
            }
        }
    }

    @Test
    void aContainerThatOnlyChangesStateIsDrawnAgainInItsPlaceAndTheOtherCardsAreKept() {
        DiagramLayout layouter = new DiagramLayout();
        Layout before = layouter.layout(snapshots(CLUSTER), DiagramFilter.NONE);
        HostInventory host0 = CLUSTER.getFirst();
        ContainerInfo one = host0.containers().values().iterator().next();
        Map<String, ContainerInfo> changed = new HashMap<>(host0.containers());
        changed.put(one.id(), SyntheticCluster.flipped(one));
        List<HostInventory> next = List.of(host0.withContainers(changed), CLUSTER.get(1));
        Layout after = layouter.layout(snapshots(next), DiagramFilter.NONE);

        Layout cold = new DiagramLayout().layout(snapshots(next), DiagramFilter.NONE);
        assertEquals(cold.cards(), after.cards(), "the same picture as one laid out from nothing");
        assertEquals(cold.hosts(), after.hosts(), "the host's running count follows");
        String key = "node0/" + one.id();
        assertEquals(SyntheticCluster.flipped(one), after.card(key).container());
        for (int i = 0; i < before.cards().size(); i++) {
            if (!before.cards().get(i).key().equals(key)) assertSame(before.cards().get(i), after.cards().get(i), "untouched cards are kept");
        }
        assertEquals(List.of(after.card(key)), LayoutChanges.inPlace(before, after).stream()
                .filter(Layout.Card.class::isInstance).toList(), "only its card is painted again");
    }

    @Test
    void aNewContainerGoesToTheEndOfItsBandAndNoOtherCardMoves() {
        DiagramLayout layouter = new DiagramLayout();
        Layout before = layouter.layout(snapshots(CLUSTER), DiagramFilter.NONE);
        HostInventory host0 = CLUSTER.getFirst();
        ContainerInfo template = host0.containers().values().iterator().next();
        Map<String, ContainerInfo> more = new HashMap<>(host0.containers());
        ContainerInfo added = new ContainerInfo("f".repeat(64), "aaa-first-by-name", template.image(), template.imageId(),
                template.command(), template.state(), template.health(), "", 0, 0, false, List.of(), template.networks(), List.of(),
                Map.of(), template.created(), template.startedAt());
        more.put(added.id(), added);
        Layout after = layouter.layout(snapshots(List.of(host0.withContainers(more), CLUSTER.get(1))), DiagramFilter.NONE);
        for (Layout.Card card : before.cards()) {
            assertEquals(card.bounds(), after.card(card.key()).bounds(), card.key() + " stays where it was");
        }
        assertNotNull(after.cardNamed("aaa-first-by-name"));
        assertSame(before.cards().getLast(), after.cards().getLast(), "the unchanged host is not laid out again");
    }

    @Test
    void filtersNarrowAndCollapsingHidesCards() {
        DiagramLayout layouter = new DiagramLayout();
        Layout exited = layouter.layout(snapshots(CLUSTER), DiagramFilter.parse("state:exited host:node1"));
        assertTrue(exited.cards().stream().allMatch(c -> c.host().equals("node1") && !c.container().isRunning()));
        assertEquals(1, exited.hosts().size());
        layouter.toggleCollapsed("node0");
        Layout collapsed = layouter.layout(snapshots(CLUSTER), DiagramFilter.NONE);
        assertTrue(collapsed.cards().stream().noneMatch(c -> c.host().equals("node0")));
        assertTrue(collapsed.hosts().getFirst().collapsed());
        assertNull(collapsed.cardNamed("svc-0-0"));
    }

    @Test
    void replicasAreInTheirNaturalOrder() {
        List<String> names = new ArrayList<>(List.of("web-10", "web-2", "web-1", "db", "web-002x"));
        names.sort(CardPlaces.NATURAL);
        assertEquals(List.of("db", "web-1", "web-2", "web-002x", "web-10"), names);
    }

    @Test
    void namesAreCutInTheirMiddleSoTheReplicaNumberStays() {
        assertEquals("shop-w…ker-12", Pen.fitName("shop-worker-a-worker-12", 10, false, 10 * 0.56 * 13));
        assertEquals("web-1", Pen.fitName("web-1", 10, false, 100));
    }

    @Test
    void fiveHostsAreLaidInRowsThatFillAWideViewAndALabsHostsSitTogether() {
        List<HostInventory> five = SyntheticCluster.of(5, 60, 10, 10, 11);
        List<HostSnapshot> hosts = new ArrayList<>();
        String[] labs = {"shop", "hosts", "blog", "shop", "blog"};
        for (int i = 0; i < five.size(); i++) hosts.add(new HostSnapshot(labs[i] + "/n" + i, labs[i], "live", five.get(i)));
        DiagramLayout layouter = new DiagramLayout();
        layouter.setView(1600, 1000);
        Layout layout = layouter.layout(hosts, DiagramFilter.NONE);
        // the hosts of no lab first, then each lab's together, labs by name
        assertEquals(List.of("hosts/n1", "blog/n2", "blog/n4", "shop/n0", "shop/n3"),
                layout.hosts().stream().map(Layout.HostBox::host).toList());
        double w = layout.bounds().w();
        double h = layout.bounds().h();
        double fitted = Math.min(1600 / w, 1000 / h);
        double oneRow = Math.min(1600 / new DiagramLayout().layoutWithRowWidth(hosts, 1e9).bounds().w(),
                1000 / new DiagramLayout().layoutWithRowWidth(hosts, 1e9).bounds().h());
        assertTrue(fitted >= oneRow, "rows chosen for the view fit at least as large as one row: " + fitted + " vs " + oneRow);
        assertTrue(Math.abs(w / h - 1.6) < 1.6, "the picture's shape is near the view's: " + w + " x " + h);
        System.out.printf("five hosts at 1600x1000: picture %.0f x %.0f, fitted at %.2f (one row: %.2f)%n", w, h, fitted, oneRow);
    }

    @Test
    void theLocalEnginesSimulatedHostContainersFoldIntoOneChipPerLabUntilOpened() {
        HostInventory local = SyntheticCluster.of(1, 3, 1, 1, 5).getFirst();
        ContainerInfo template = local.containers().values().iterator().next();
        Map<String, ContainerInfo> containers = new HashMap<>();
        for (int i = 1; i <= 3; i++) {
            containers.put("h" + i, new ContainerInfo("h" + i, "portolan-demo-node" + i, "docker:dind", template.imageId(),
                    template.command(), template.state(), template.health(), "", 0, 0, false, List.of(),
                    List.of(new ContainerInfo.NetworkAttachment("portolan-demo", "net-demo", "172.30.0." + (i + 1), List.of())), List.of(),
                    Map.of("dev.portolan.role", "simulated-host", "dev.portolan.lab", "demo", "dev.portolan.host", "node" + i),
                    template.created(), template.startedAt()));
        }
        List<HostSnapshot> hosts = new ArrayList<>();
        Map<String, dev.portolan.inventory.NetworkInfo> networks = new HashMap<>(local.networks());
        networks.put("net-demo", new dev.portolan.inventory.NetworkInfo("net-demo", "portolan-demo", "bridge", "local", "172.30.0.0/24",
                null, false, false, Map.of()));
        local = new HostInventory(local.facts(), containers, local.images(), local.volumes(), networks);
        hosts.add(new HostSnapshot("local", "hosts", "live", local));
        for (int i = 1; i <= 3; i++) hosts.add(new HostSnapshot("demo/node" + i, "demo", "live", SyntheticCluster.of(1, 2, 1, 1, i).getFirst()));
        DiagramLayout layouter = new DiagramLayout();
        Layout folded = layouter.layout(hosts, DiagramFilter.NONE);
        Layout.Band chip = folded.band("local/net/portolan-demo");
        assertTrue(chip.collapsed() && chip.members() == 3, "one folded chip for the lab's three hosts");
        assertTrue(folded.cards().stream().noneMatch(c -> c.host().equals("local")), "no card of the hosts' own containers");
        assertTrue(layouter.isCollapsed(chip.key()));
        layouter.toggleCollapsed(chip.key());
        Layout opened = layouter.layout(hosts, DiagramFilter.NONE);
        assertEquals(3, opened.cards().stream().filter(c -> c.host().equals("local")).count(), "opened, the cards are back");
        // when the hosts' regions are not drawn (filtered out), their containers are the only trace: not folded
        Layout alone = new DiagramLayout().layout(hosts, DiagramFilter.parse("host:local"));
        assertEquals(3, alone.cards().size());
    }
}
