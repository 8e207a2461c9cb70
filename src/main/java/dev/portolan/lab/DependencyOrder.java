package dev.portolan.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Containers in an order where each comes after what it depends on (the file's order otherwise). */
final class DependencyOrder {

    private DependencyOrder() {}

    static List<LabSpec.Container> of(List<LabSpec.Container> containers) {
        Map<String, LabSpec.Container> byName = new LinkedHashMap<>();
        containers.forEach(c -> byName.put(c.name(), c));
        List<LabSpec.Container> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (LabSpec.Container c : containers) place(c, byName, placed, new HashSet<>(), ordered);
        return ordered;
    }

    private static void place(LabSpec.Container c, Map<String, LabSpec.Container> byName, Set<String> placed,
            Set<String> visiting, List<LabSpec.Container> ordered) {
        if (placed.contains(c.name()) || !visiting.add(c.name())) return; // cycles are refused by the validator
        // a volume container must exist before the containers that mount its volumes
        for (String dependency : c.madeAfter()) {
            LabSpec.Container d = byName.get(dependency);
            if (d != null) place(d, byName, placed, visiting, ordered);
        }
        placed.add(c.name());
        ordered.add(c);
    }
}
