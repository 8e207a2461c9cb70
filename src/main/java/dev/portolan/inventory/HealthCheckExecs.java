package dev.portolan.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a health check's probes from the execs a person runs. Each probe is three events
 * (exec_create, exec_start, exec_die), every interval, for every container with a check: a
 * lab's database checked each second floods the timeline. The engine names the probe's
 * command in exec_create and exec_start ("exec_create: /bin/sh -c pg_isready"), which is the
 * container's health check as the inventory read it; exec_die names only the exec's id, so
 * the ids of the probes begun are remembered until they end. One per host.
 */
final class HealthCheckExecs {

    /** Probes begun and not yet ended; a probe that never ends (its host lost) falls out. */
    private static final int REMEMBERED = 256;

    private final Set<String> probes = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** The event, marked when it is one of a health check's probe; {@code inventory} may be null (not read yet). */
    synchronized EngineEvent marked(EngineEvent event, HostInventory inventory) {
        String execId = event.attributes().get("execID");
        if (!event.isContainer() || execId == null) return event;
        if (event.verb().equals("exec_die")) return probes.remove(execId) ? event.asHealthCheck() : event;
        if (!event.verb().equals("exec_create") && !event.verb().equals("exec_start")) return event;
        ContainerInfo container = inventory == null ? null : inventory.containers().get(event.id());
        if (container == null || container.healthCheck().isEmpty()) return event;
        String command = event.action().substring(event.action().indexOf(':') + 1).strip();
        if (!command.equals(container.healthCheck())) return event;
        probes.add(execId);
        return event.asHealthCheck();
    }
}
