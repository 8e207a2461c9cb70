package dev.portolan.host.simulated;

import dev.portolan.engine.EngineEndpoint;
import java.net.URI;
import java.nio.file.Path;

/**
 * A simulated host as found on the local engine: its container, state and API port.
 *
 * @param apiPort the 127.0.0.1 port of its TLS API, or 0 while it is not running
 * @param privilege "privileged" or "capabilities" (the fallback where privileged is refused)
 */
public record SimulatedHost(String lab, String name, String containerId, String state, int apiPort, String privilege,
        String image, Path clientCertificates) {

    public boolean isRunning() {
        return "running".equals(state);
    }

    public String contextName() {
        return SimulatedHosts.containerName(lab, name);
    }

    /** Its engine, over mutual TLS on 127.0.0.1; only meaningful while running. */
    public EngineEndpoint endpoint() {
        return new EngineEndpoint(lab + "/" + name, URI.create("tcp://127.0.0.1:" + apiPort), clientCertificates,
                "simulated host in lab " + lab);
    }
}
