package dev.portolan.ui.diagram;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.NetworkInfo;
import dev.portolan.inventory.VolumeInfo;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.LabStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lab's plan laid over the live hosts: each step becomes a ghost (a container, network
 * or volume to be made, on an existing host or on a host to be made) or a mark on what
 * runs (to be replaced, to be removed). The marks are the snapshot's {@link Layout.Plan}s,
 * by container id; a ghost container describes what apply will make.
 */
final class PlannedLab {

    /** Ghosts' ids: never an engine's (those are hex). */
    private static final String GHOST_ID = "plan:";

    private final String lab;
    private final List<LabStep> steps;

    PlannedLab(String lab, List<LabStep> steps) {
        this.lab = lab;
        this.steps = List.copyOf(steps);
    }

    /** The live snapshots with this plan's ghosts added; hosts to be made come last. */
    List<HostSnapshot> over(List<HostSnapshot> live) {
        Map<String, List<LabStep>> byHost = new LinkedHashMap<>();
        for (LabStep step : steps) {
            if (step instanceof LabStep.BuildImage) continue; // built on this computer, not on a host of the picture
            byHost.computeIfAbsent(lab + "/" + step.host(), h -> new ArrayList<>()).add(step);
        }
        List<HostSnapshot> result = new ArrayList<>();
        for (HostSnapshot snapshot : live) {
            List<LabStep> here = byHost.remove(snapshot.host());
            result.add(here == null || snapshot.inventory() == null ? snapshot : with(snapshot, snapshot.inventory(), here));
        }
        HostInventory empty = new HostInventory(null, Map.of(), Map.of(), Map.of(), Map.of());
        byHost.forEach((host, here) -> result.add(with(new HostSnapshot(host, lab, "planned: apply makes this host", empty),
                empty, here)));
        return result;
    }

    private static HostSnapshot with(HostSnapshot snapshot, HostInventory inventory, List<LabStep> steps) {
        Map<String, Layout.Plan> planned = new HashMap<>();
        Map<String, ContainerInfo> containers = new LinkedHashMap<>(inventory.containers());
        Map<String, NetworkInfo> networks = new LinkedHashMap<>(inventory.networks());
        Map<String, VolumeInfo> volumes = new LinkedHashMap<>(inventory.volumes());
        Map<String, String> idByName = new HashMap<>();
        inventory.containers().values().forEach(c -> idByName.put(c.name(), c.id()));
        for (LabStep step : steps) {
            switch (step) {
                case LabStep.CreateNetwork n -> networks.put(GHOST_ID + n.spec().name(), new NetworkInfo(GHOST_ID + n.spec().name(),
                        n.spec().name(), n.spec().driver() == null ? "bridge" : n.spec().driver(), "local", "planned", null,
                        false, true, Map.of()));
                case LabStep.CreateVolume v -> volumes.put(v.name(), new VolumeInfo(v.name(), "local", "", Map.of(), null));
                case LabStep.CreateContainer c when c.replace() != null && containers.containsKey(c.replace()) ->
                        planned.put(c.replace(), Layout.Plan.REPLACE);
                case LabStep.CreateContainer c -> {
                    containers.put(GHOST_ID + c.name(), ghost(c.name(), c.spec()));
                    planned.put(GHOST_ID + c.name(), Layout.Plan.CREATE);
                }
                case LabStep.RemoveContainer r -> {
                    String id = r.id() != null ? r.id() : idByName.get(r.name());
                    if (id != null && containers.containsKey(id)) planned.put(id, Layout.Plan.REMOVE);
                }
                default -> { }
            }
        }
        return new HostSnapshot(snapshot.host(), snapshot.lab(), snapshot.status(),
                new HostInventory(inventory.facts(), containers, inventory.images(), volumes, networks), planned);
    }

    private static ContainerInfo ghost(String name, LabSpec.Container spec) {
        List<ContainerInfo.NetworkAttachment> networks = (spec.networks().isEmpty() ? List.of("bridge") : spec.networks())
                .stream().map(n -> new ContainerInfo.NetworkAttachment(n, null, null, List.of())).toList();
        List<ContainerInfo.Mount> mounts = spec.volumes().stream().map(v -> v.split(":"))
                .filter(p -> p.length >= 2 && !p[0].startsWith("/"))
                .map(p -> new ContainerInfo.Mount("volume", p[0], null, p[1], true)).toList();
        return new ContainerInfo(GHOST_ID + name, name, spec.image(), null, String.join(" ", spec.command()),
                ContainerInfo.State.CREATED, ContainerInfo.Health.NONE, "", 0, 0, false, List.of(), networks, mounts,
                Map.of(), Instant.now(), null);
    }
}
