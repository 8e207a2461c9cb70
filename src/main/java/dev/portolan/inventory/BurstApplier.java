package dev.portolan.inventory;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.portolan.inventory.ContainerInfo.State;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a burst of engine events to a snapshot: first what the events themselves say
 * ({@link #implied}, instant), then a re-read of exactly what they name ({@link #reread}).
 */
final class BurstApplier {

    private final InventoryReader reader;

    BurstApplier(InventoryReader reader) {
        this.reader = reader;
    }

    /**
     * The states the events state outright (start, die, pause, unpause, destroy), without
     * asking the engine: shown at once, then confirmed by {@link #reread}.
     */
    static HostInventory implied(HostInventory inventory, List<Event> burst) {
        Map<String, ContainerInfo> containers = null;
        for (Event event : burst) {
            if (event.getType() != EventType.CONTAINER) continue;
            String id = EngineEvent.idOf(event);
            ContainerInfo known = (containers == null ? inventory.containers() : containers).get(id);
            if (known == null) continue;
            ContainerInfo changed = switch (EngineEvent.actionOf(event)) {
                case "start", "unpause", "restart" -> known.withState(State.RUNNING, 0);
                case "die" -> known.withState(State.EXITED, exitCode(event, known.exitCode()));
                case "pause" -> known.withState(State.PAUSED, known.exitCode());
                case "destroy" -> null;
                default -> known;
            };
            if (changed == known) continue;
            if (containers == null) containers = new HashMap<>(inventory.containers());
            if (changed == null) containers.remove(id);
            else containers.put(id, changed);
        }
        return containers == null ? inventory : inventory.withContainers(containers);
    }

    /**
     * What a re-read found: the named containers (empty when gone) and, when the burst
     * touched them, all images, volumes, networks or the engine's facts.
     *
     * @param afterEvent the number of the last event seen when the re-read began
     */
    record Reread(long afterEvent, Map<String, Optional<ContainerInfo>> containers, Map<String, ImageInfo> images,
            Map<String, VolumeInfo> volumes, Map<String, NetworkInfo> networks, EngineFacts facts) {

        /**
         * Applies the re-read to the newest snapshot. A container with an event newer than
         * the re-read keeps its newer (implied) record: that event's own re-read follows.
         */
        HostInventory applyTo(HostInventory current, Map<String, Long> lastEventOf) {
            HostInventory next = current;
            if (!containers.isEmpty()) {
                Map<String, ContainerInfo> merged = new HashMap<>(next.containers());
                containers.forEach((id, found) -> {
                    if (lastEventOf.getOrDefault(id, 0L) > afterEvent) return;
                    found.ifPresentOrElse(c -> merged.put(id, c), () -> merged.remove(id));
                });
                next = next.withContainers(merged);
            }
            if (images != null) next = next.withImages(images);
            if (volumes != null) next = next.withVolumes(volumes);
            if (networks != null) next = next.withNetworks(networks);
            if (facts != null) next = next.withFacts(facts);
            return next;
        }
    }

    /** Re-reads what the burst names: its containers, and images, volumes, networks when touched. */
    Reread reread(HostInventory base, List<Event> burst, long afterEvent) {
        Set<String> containerIds = new LinkedHashSet<>();
        boolean images = false, volumes = false, networks = false, facts = false;
        for (Event event : burst) {
            EventType type = event.getType();
            if (type == null) continue;
            switch (type) {
                case CONTAINER -> {
                    String action = EngineEvent.actionOf(event);
                    if (!action.startsWith("exec_") && !action.equals("top") && !action.equals("attach")) {
                        containerIds.add(EngineEvent.idOf(event));
                    }
                }
                case IMAGE -> images = true;
                case VOLUME -> volumes = true;
                case NETWORK -> {
                    networks = true;
                    String container = attribute(event, "container");
                    if (container != null) containerIds.add(container);
                }
                case DAEMON -> facts = true;
                default -> { }
            }
        }
        Map<String, Optional<ContainerInfo>> containers = new HashMap<>();
        for (String id : containerIds) containers.put(id, reader.container(id));
        return new Reread(afterEvent, containers,
                images ? reader.images(base.images()) : null,
                volumes ? reader.volumes() : null,
                networks ? reader.networks() : null,
                facts ? reader.facts() : null);
    }

    /** The container an event is about, or null for other kinds of event. */
    static String containerOf(Event event) {
        return event.getType() == EventType.CONTAINER ? EngineEvent.idOf(event) : null;
    }


    private static String attribute(Event event, String key) {
        if (event.getActor() == null || event.getActor().getAttributes() == null) return null;
        return event.getActor().getAttributes().get(key);
    }

    private static int exitCode(Event event, int otherwise) {
        String code = attribute(event, "exitCode");
        try {
            return code == null ? otherwise : Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
