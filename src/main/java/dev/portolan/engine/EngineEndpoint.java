package dev.portolan.engine;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where one Docker engine answers: its address and, for tcp+TLS, the folder holding
 * ca.pem, cert.pem and key.pem.
 *
 * @param name   what the user calls this engine ("local", a context name, a host name)
 * @param host   unix:///var/run/docker.sock, tcp://127.0.0.1:2376, npipe:////./pipe/docker_engine
 * @param tlsDir certificate folder, or null for a socket or plain tcp
 * @param source how it was found, shown to the user ("DOCKER_HOST", "context desktop-linux", ...)
 */
public record EngineEndpoint(String name, URI host, Path tlsDir, String source) {

    /** How a simulated host's endpoint says where it comes from ("simulated host in lab demo"). */
    public static final String SIMULATED_HOST = "simulated host";

    public EngineEndpoint {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an engine needs a name");
        if (host == null) throw new IllegalArgumentException("engine '" + name + "' needs an address");
    }

    public boolean usesTls() {
        return tlsDir != null;
    }

    /** The address as a person reads it. */
    public String address() {
        return host.toString();
    }
}
