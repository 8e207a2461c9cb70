package dev.portolan.host.simulated;

import dev.portolan.engine.EngineEndpoint;
import java.net.URI;
import java.nio.file.Path;

/**
 * A simulated host as found on the local engine: its container, state and API port.
 *
 * @param apiPort the 127.0.0.1 port of its TLS API, chosen when it was made and kept across restarts
 *                (0 for a stopped host made by an older Portolan, whose engine picked a port at each start)
 * @param privilege "privileged" or "capabilities" (the fallback where privileged is refused)
 */
public record SimulatedHost(String lab, String name, String containerId, String state, int apiPort, String privilege,
        String image, Path clientCertificates) {

    /**
     * Reads a simulated host from its container's labels, as the local engine lists it:
     * one place that knows which label says what.
     *
     * @param publishedApiPort the port the engine publishes 2376 on now, or 0 (stopped)
     */
    public static java.util.Optional<SimulatedHost> fromContainer(String id, String state, String image,
            java.util.Map<String, String> labels, int publishedApiPort, Path configDir) {
        if (!dev.portolan.host.Ownership.isSimulatedHost(labels)) {
            return java.util.Optional.empty();
        }
        String lab = labels.get(dev.portolan.host.Ownership.LAB);
        String name = labels.get(dev.portolan.host.Ownership.HOST);
        if (lab == null || name == null) return java.util.Optional.empty();
        int port = publishedApiPort;
        try {
            port = Integer.parseInt(labels.getOrDefault(dev.portolan.host.Ownership.API_PORT, String.valueOf(port)));
        } catch (NumberFormatException e) {
            // a label edited by hand: what the engine publishes is the truth
        }
        return java.util.Optional.of(new SimulatedHost(lab, name, id, state, port,
                labels.getOrDefault(dev.portolan.host.Ownership.PRIVILEGE, "?"), image,
                SimulatedHosts.hostDir(configDir, lab, name).resolve("client")));
    }

    /** The container port of a simulated host's TLS API. */
    public static final int API_PORT = HostLauncher.API_PORT;

    public boolean isRunning() {
        return "running".equals(state);
    }

    public String contextName() {
        return SimulatedHosts.containerName(lab, name);
    }

    /** Its engine, over mutual TLS on 127.0.0.1; only meaningful while running. */
    public EngineEndpoint endpoint() {
        return new EngineEndpoint(lab + "/" + name, URI.create("tcp://127.0.0.1:" + apiPort), clientCertificates,
                dev.portolan.engine.EngineEndpoint.SIMULATED_HOST + " in lab " + lab);
    }
}
