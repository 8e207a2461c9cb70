package dev.portolan.testing;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.State;
import dev.portolan.inventory.EngineFacts;
import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.NetworkInfo;
import dev.portolan.inventory.VolumeInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Inventories made up for the diagram's benchmark: hosts with networks, volumes and
 * containers attached to one or two networks, mounting up to two volumes, some with
 * published ports; seeded, so every run draws the same cluster.
 */
public final class SyntheticCluster {

    private SyntheticCluster() {}

    public static List<HostInventory> of(int hosts, int containers, int networks, int volumes, long seed) {
        Random random = new Random(seed);
        List<HostInventory> list = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            Map<String, NetworkInfo> nets = new LinkedHashMap<>();
            for (int n = 0; n < networks / hosts; n++) {
                String id = "net" + h + "-" + n;
                nets.put(id, new NetworkInfo(id, "net-" + n, "bridge", "local", "10." + h + "." + n + ".0/24", null, false,
                        true, Map.of()));
            }
            Map<String, VolumeInfo> vols = new LinkedHashMap<>();
            for (int v = 0; v < volumes / hosts; v++) {
                vols.put("vol-" + v, new VolumeInfo("vol-" + v, "local", "/var/lib/docker/volumes/vol-" + v, Map.of(), null));
            }
            List<NetworkInfo> netList = List.copyOf(nets.values());
            List<String> volNames = List.copyOf(vols.keySet());
            Map<String, ContainerInfo> cs = new LinkedHashMap<>();
            for (int c = 0; c < containers / hosts; c++) {
                String id = String.format("%064x", (long) h * 1_000_000 + c);
                cs.put(id, container(id, "svc-" + h + "-" + c, random, netList, volNames));
            }
            EngineFacts facts = new EngineFacts("engine-" + h, "node" + h, "20.10.24", "1.41", "linux", "x86_64", "6.1", 2,
                    8L << 30, "overlay2", "inactive");
            list.add(new HostInventory(facts, cs, Map.of(), vols, nets));
        }
        return list;
    }

    private static ContainerInfo container(String id, String name, Random random, List<NetworkInfo> nets, List<String> vols) {
        List<ContainerInfo.NetworkAttachment> attached = new ArrayList<>();
        NetworkInfo first = nets.get(random.nextInt(nets.size()));
        attached.add(new ContainerInfo.NetworkAttachment(first.name(), first.id(), "10.0.0." + random.nextInt(250), List.of()));
        if (random.nextInt(4) == 0) {
            NetworkInfo second = nets.get(random.nextInt(nets.size()));
            if (second != first) attached.add(new ContainerInfo.NetworkAttachment(second.name(), second.id(), null, List.of()));
        }
        List<ContainerInfo.Mount> mounts = new ArrayList<>();
        for (int m = random.nextInt(3); m > 0; m--) {
            mounts.add(new ContainerInfo.Mount("volume", vols.get(random.nextInt(vols.size())), null, "/data" + m, true));
        }
        List<ContainerInfo.PortMapping> ports = random.nextInt(5) == 0
                ? List.of(new ContainerInfo.PortMapping("127.0.0.1", 8000 + random.nextInt(1000), 80, "tcp")) : List.of();
        State state = random.nextInt(6) == 0 ? State.EXITED : State.RUNNING;
        return new ContainerInfo(id, name, "portolan-test/busybox", "sha256:1", "sleep 3600", state, Health.NONE, "", 0,
                state == State.EXITED ? 137 : 0, false, ports, attached, mounts, Map.of(), Instant.EPOCH, Instant.EPOCH);
    }

    /** The same container with the other state (running ↔ exited): one event's worth of change. */
    public static ContainerInfo flipped(ContainerInfo c) {
        return c.withState(c.isRunning() ? State.EXITED : State.RUNNING, c.isRunning() ? 137 : 0);
    }
}
