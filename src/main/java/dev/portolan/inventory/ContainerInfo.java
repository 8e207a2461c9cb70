package dev.portolan.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One container as the engine last described it.
 *
 * @param oomKilled the engine's OOMKilled: some process of the container was killed for memory (not
 *                  necessarily its main one, moby#47618), an observation, not a verdict
 * @param healthCheck the command its health check runs, as the engine names it in its exec events
 *                    ("/bin/sh -c pg_isready"); empty when it has none
 */
public record ContainerInfo(
        String id,
        String name,
        String image,
        String imageId,
        String command,
        State state,
        Health health,
        String healthCheck,
        int restartCount,
        int exitCode,
        boolean oomKilled,
        List<PortMapping> ports,
        List<NetworkAttachment> networks,
        List<Mount> mounts,
        Map<String, String> labels,
        Instant created,
        Instant startedAt) {

    public ContainerInfo {
        ports = List.copyOf(ports);
        networks = List.copyOf(networks);
        mounts = List.copyOf(mounts);
        labels = Map.copyOf(labels);
    }

    /** The engine's container states, plus the one an event implies before inspect confirms it. */
    public enum State {
        CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD, UNKNOWN;

        public static State of(String engineState) {
            if (engineState == null) return UNKNOWN;
            try {
                return valueOf(engineState.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Health as the container's health check reports it; NONE when it has no check. */
    public enum Health {
        NONE, STARTING, HEALTHY, UNHEALTHY;

        public static Health of(String engineHealth) {
            if (engineHealth == null || engineHealth.isBlank()) return NONE;
            return switch (engineHealth) {
                case "starting" -> STARTING;
                case "healthy" -> HEALTHY;
                case "unhealthy" -> UNHEALTHY;
                default -> NONE;
            };
        }
    }

    /** A published port: hostIp:hostPort -> containerPort/protocol; hostPort 0 when not published. */
    public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {
        public String text() {
            String inside = containerPort + "/" + protocol;
            return hostPort == 0 ? inside : (hostIp == null || hostIp.isBlank() ? "" : hostIp + ":") + hostPort + "→" + inside;
        }
    }

    /** The container's place on one network. */
    public record NetworkAttachment(String network, String networkId, String ipAddress, List<String> aliases) {
        public NetworkAttachment {
            aliases = List.copyOf(aliases);
        }
    }

    /** A volume, bind or tmpfs mount. name is the volume's name for volume mounts, else null. */
    public record Mount(String type, String name, String source, String destination, boolean readWrite) {}

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    public boolean mountsVolume(String volumeName) {
        return mounts.stream().anyMatch(m -> volumeName.equals(m.name()));
    }

    public boolean isOn(String networkName) {
        return networks.stream().anyMatch(n -> n.network().equals(networkName));
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The same container with a new state, as an event implies it before inspect tells the rest. */
    public ContainerInfo withState(State newState, int newExitCode) {
        return new ContainerInfo(id, name, image, imageId, command, newState, health, healthCheck, restartCount, newExitCode, oomKilled,
                ports, networks, mounts, labels, created, startedAt);
    }
}
