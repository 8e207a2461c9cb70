package dev.portolan.ui.diagram;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.VolumeInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order and columns the diagram keeps per band and per host, so that nothing moves
 * when something is added: new cards and volumes take the next free place.
 */
final class KeptOrder {

    private final Map<String, List<String>> bandOrder = new HashMap<>();
    private final Map<String, List<String>> volumeOrder = new HashMap<>();
    private final Map<String, Integer> bandColumns = new HashMap<>();

    /**
     * A band's columns: about square when first seen, then kept while the band grows (a
     * new card takes the next free place) until it is more than twice as tall as wide.
     */
    int columns(String bandKey, int cards) {
        int square = Math.max(1, Math.min(DiagramLayout.MAX_COLUMNS, (int) Math.ceil(Math.sqrt(cards * 1.5))));
        Integer kept = bandColumns.get(bandKey);
        int columns = kept == null ? square : kept;
        if (columns < DiagramLayout.MAX_COLUMNS && (cards + columns - 1) / columns > 2 * columns) columns = square;
        bandColumns.put(bandKey, Math.max(columns, 1));
        return Math.max(columns, 1);
    }

    /** The band's containers in their kept order; new ones at the end, by name. */
    List<ContainerInfo> ordered(String bandKey, List<ContainerInfo> containers) {
        return keptOrder(bandOrder.computeIfAbsent(bandKey, k -> new ArrayList<>()), containers, ContainerInfo::id,
                Comparator.comparing(ContainerInfo::name, CardPlaces.NATURAL));
    }

    List<VolumeInfo> orderedVolumes(String host, List<VolumeInfo> volumes) {
        return keptOrder(volumeOrder.computeIfAbsent(host, k -> new ArrayList<>()), volumes, VolumeInfo::name,
                Comparator.comparing(VolumeInfo::name, CardPlaces.NATURAL));
    }

    /**
     * {@code items} in the order kept in {@code order} (by key): gone ones leave it, new ones
     * join at its end in {@code newOnes} order. So nothing moves when something is added.
     */
    private static <T> List<T> keptOrder(List<String> order, List<T> items, java.util.function.Function<T, String> key,
            Comparator<T> newOnes) {
        Map<String, T> byKey = new HashMap<>();
        items.forEach(item -> byKey.put(key.apply(item), item));
        order.retainAll(byKey.keySet());
        Set<String> known = new HashSet<>(order);
        items.stream().filter(item -> !known.contains(key.apply(item))).sorted(newOnes).forEach(item -> order.add(key.apply(item)));
        List<T> result = new ArrayList<>(order.size());
        for (String k : order) result.add(byKey.get(k));
        return result;
    }
}
