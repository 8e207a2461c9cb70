package dev.portolan.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything one host runs, at one moment: an immutable snapshot. A change makes a new
 * snapshot that shares the untouched parts ({@link #withContainers} and friends).
 *
 * @param containers by id
 * @param images     by id
 * @param volumes    by name
 * @param networks   by id
 */
public record HostInventory(
        EngineFacts facts,
        Map<String, ContainerInfo> containers,
        Map<String, ImageInfo> images,
        Map<String, VolumeInfo> volumes,
        Map<String, NetworkInfo> networks) {

    public HostInventory {
        containers = Map.copyOf(containers);
        images = Map.copyOf(images);
        volumes = Map.copyOf(volumes);
        networks = Map.copyOf(networks);
    }

    public static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) map.put(key.apply(item), item);
        return map;
    }

    public HostInventory withFacts(EngineFacts newFacts) {
        return new HostInventory(newFacts, containers, images, volumes, networks);
    }

    public HostInventory withContainers(Map<String, ContainerInfo> newContainers) {
        return new HostInventory(facts, newContainers, images, volumes, networks);
    }

    public HostInventory withImages(Map<String, ImageInfo> newImages) {
        return new HostInventory(facts, containers, newImages, volumes, networks);
    }

    public HostInventory withVolumes(Map<String, VolumeInfo> newVolumes) {
        return new HostInventory(facts, containers, images, newVolumes, networks);
    }

    public HostInventory withNetworks(Map<String, NetworkInfo> newNetworks) {
        return new HostInventory(facts, containers, images, volumes, newNetworks);
    }

    public long runningCount() {
        return containers.values().stream().filter(ContainerInfo::isRunning).count();
    }

    /** The containers that mount a volume, by name. */
    public List<ContainerInfo> usersOf(String volumeName) {
        return containers.values().stream().filter(c -> c.mountsVolume(volumeName))
                .sorted(Comparator.comparing(ContainerInfo::name)).toList();
    }

    /** The containers attached to a network, by name. */
    public List<ContainerInfo> attachedTo(String networkName) {
        return containers.values().stream().filter(c -> c.isOn(networkName))
                .sorted(Comparator.comparing(ContainerInfo::name)).toList();
    }

    /** What changed from {@code before} to this snapshot. */
    public List<Delta> changesSince(HostInventory before) {
        List<Delta> deltas = new ArrayList<>();
        compare(Delta.Kind.CONTAINER, before == null ? Map.of() : before.containers, containers, deltas);
        compare(Delta.Kind.IMAGE, before == null ? Map.of() : before.images, images, deltas);
        compare(Delta.Kind.VOLUME, before == null ? Map.of() : before.volumes, volumes, deltas);
        compare(Delta.Kind.NETWORK, before == null ? Map.of() : before.networks, networks, deltas);
        return deltas;
    }

    private static <T> void compare(Delta.Kind kind, Map<String, T> before, Map<String, T> after, List<Delta> out) {
        if (before == after) return;
        after.forEach((key, value) -> {
            T old = before.get(key);
            if (old == null) out.add(new Delta(kind, key, Delta.Change.ADDED));
            else if (!old.equals(value)) out.add(new Delta(kind, key, Delta.Change.CHANGED));
        });
        before.keySet().stream().filter(key -> !after.containsKey(key))
                .forEach(key -> out.add(new Delta(kind, key, Delta.Change.REMOVED)));
    }
}
