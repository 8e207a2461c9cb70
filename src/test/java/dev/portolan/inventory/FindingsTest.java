package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.host.Ownership;
import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.State;
import dev.portolan.inventory.Finding.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static ContainerInfo container(String name, State state, List<ContainerInfo.PortMapping> ports, List<String> networks,
            List<String> volumes, String imageId, Map<String, String> labels) {
        return new ContainerInfo(name + "-id", name, "busybox", imageId, "sh", state, Health.NONE, "", 0, 0, false, ports,
                networks.stream().map(n -> new ContainerInfo.NetworkAttachment(n, n, "10.0.0.2", List.of())).toList(),
                volumes.stream().map(v -> new ContainerInfo.Mount("volume", v, "/x", "/data", true)).toList(), labels, NOW, NOW);
    }

    private static ContainerInfo.PortMapping port(String ip, int hostPort) {
        return new ContainerInfo.PortMapping(ip, hostPort, 80, "tcp");
    }

    private static HostInventory inventory(List<ContainerInfo> containers, List<VolumeInfo> volumes, List<ImageInfo> images) {
        return new HostInventory(null, HostInventory.byKey(containers, ContainerInfo::id), HostInventory.byKey(images, ImageInfo::id),
                HostInventory.byKey(volumes, VolumeInfo::name), Map.of());
    }

    private static List<Finding> of(Findings.Host... hosts) {
        return Findings.of(List.of(hosts), NOW);
    }

    private static List<String> kindsAndSubjects(List<Finding> findings) {
        return findings.stream().map(f -> f.kind().name() + " " + f.subject()).toList();
    }

    @Test
    void eachKindIsFoundWithItsFixAndWhatIsFineIsNot() {
        ContainerInfo web = container("web", State.RUNNING, List.of(port("0.0.0.0", 8080)), List.of("app"), List.of("data"), "sha256:a", Map.of());
        ContainerInfo web2 = container("web2", State.CREATED, List.of(port("127.0.0.1", 8080)), List.of("bridge"), List.of(), "sha256:a", Map.of());
        ContainerInfo lonely = container("lonely", State.RUNNING, List.of(), List.of("bridge"), List.of(), "sha256:a", Map.of());
        ContainerInfo wants = container("wants", State.EXITED, List.of(port("127.0.0.1", 9999)), List.of("app"), List.of(), "sha256:a", Map.of());
        ContainerInfo host = container("portolan-demo-node1", State.RUNNING, List.of(port("127.0.0.1", 23750)), List.of("bridge"),
                List.of("portolan-demo-node1-data"), "sha256:a", Map.of(Ownership.ROLE, Ownership.SIMULATED_HOST));
        VolumeInfo data = new VolumeInfo("data", "local", "/v/data", Map.of(), NOW);
        VolumeInfo left = new VolumeInfo("left", "local", "/v/left", Map.of(), NOW);
        VolumeInfo hostDisk = new VolumeInfo("stopped-host-disk", "local", "/v/h", Map.of(Ownership.ROLE, "host-data"), NOW);
        ImageInfo used = new ImageInfo("sha256:a", List.of("busybox:latest"), 1000, NOW, List.of(), null, Map.of());
        ImageInfo dangling = new ImageInfo("sha256:bbbbbbbbbbbbbbbbbbbb", List.of(), 5_000_000, NOW, List.of(), null, Map.of());
        ImageInfo parent = new ImageInfo("sha256:cccccccccccccccccccc", List.of(), 5_000_000, NOW, List.of(), null, Map.of());
        ImageInfo child = new ImageInfo("sha256:dddd", List.of("app:1"), 5_000_000, NOW, List.of(), "sha256:cccccccccccccccccccc", Map.of());
        ContainerInfo neighbour = container("neighbour", State.RUNNING, List.of(), List.of("bridge"), List.of(), "sha256:a", Map.of());
        Findings.Host local = new Findings.Host("local", inventory(List.of(web, web2, lonely, neighbour, wants, host), List.of(data, left, hostDisk),
                List.of(used, dangling, parent, child)), Map.of(), Optional.empty(), Set.of(9999), false);
        List<Finding> found = of(local);
        assertEquals(List.of("PORT_CLASH web, web2", "PORT_TAKEN wants", "PUBLISHED_ON_ALL_ADDRESSES web", "DEFAULT_BRIDGE_ONLY lonely",
                "DEFAULT_BRIDGE_ONLY neighbour", "UNUSED_VOLUME left", "DANGLING_IMAGE bbbbbbbbbbbb"), kindsAndSubjects(found),
                "web2 is created, not running: not 'only on the bridge'; a simulated host's container and disk are no finding");
        assertEquals("lonely is only on the default bridge, with neighbour", found.get(3).what());
        assertTrue(found.get(3).means().endsWith("lonely cannot reach neighbour as `neighbour`."), found.get(3).means());
        Finding volume = found.get(5);
        assertEquals(Finding.Action.REMOVE_VOLUME, volume.fix().action());
        assertTrue(volume.means().contains("never removes it by itself"), volume.means());
        assertTrue(found.get(2).fix().text().contains("-p 127.0.0.1:8080:80"), found.get(2).fix().text());
        assertTrue(!found.get(2).fix().canApply(), "re-making a container is not done for the user");

        Findings.Host simulated = new Findings.Host("demo/node1", inventory(List.of(web), List.of(), List.of()), Map.of(),
                Optional.empty(), Set.of(), true);
        assertEquals(List.of(), kindsAndSubjects(of(simulated)),
                "inside a simulated host every address is the lab network's, and its published ports lead there: no finding,"
                        + " and no fix that would cut the lab's way in");
    }

    @Test
    void aContainerAloneOnTheDefaultBridgeHasNoOneToLookUpAndIsNoFinding() {
        ContainerInfo web = container("web", State.RUNNING, List.of(), List.of("bridge"), List.of(), "sha256:a", Map.of());
        ContainerInfo stopped = container("old", State.EXITED, List.of(), List.of("bridge"), List.of(), "sha256:a", Map.of());
        Findings.Host node = new Findings.Host("web-db/web", inventory(List.of(web, stopped), List.of(), List.of()), Map.of(),
                Optional.empty(), Set.of(), true);
        assertEquals(List.of(), kindsAndSubjects(of(node)), "web-db's web server, alone on its host");
    }

    @Test
    void aLoopAndAnExpiringCertificateAreFoundAndFixable() {
        ContainerInfo looping = container("looping", State.RESTARTING, List.of(), List.of("app"), List.of(), "sha256:a", Map.of());
        Trouble loop = new Trouble(Trouble.Kind.RESTART_LOOP, "restart loop ×5", "It died 5 times…");
        Findings.Host node = new Findings.Host("demo/node1", inventory(List.of(looping), List.of(), List.of()),
                Map.of(looping.id(), List.of(loop)), Optional.of(NOW.plus(Duration.ofDays(12))), Set.of(), true);
        Findings.Host fresh = new Findings.Host("demo/node2", null, Map.of(), Optional.of(NOW.plus(Duration.ofDays(800))), Set.of(), true);
        Findings.Host expired = new Findings.Host("demo/node3", null, Map.of(), Optional.of(NOW.minus(Duration.ofDays(3))), Set.of(), true);
        List<Finding> found = of(node, fresh, expired);
        assertEquals(List.of("RESTART_LOOP looping", "CERTIFICATE_EXPIRING demo/node1", "CERTIFICATE_EXPIRING demo/node3"),
                kindsAndSubjects(found));
        assertEquals(Finding.Action.STOP_CONTAINER, found.get(0).fix().action());
        assertEquals("Its TLS certificates expire in 12 days", found.get(1).what());
        assertEquals("Its TLS certificates expired 3 days ago", found.get(2).what());
        assertEquals(Finding.Action.RENEW_CERTIFICATES, found.get(2).fix().action());
    }
}
