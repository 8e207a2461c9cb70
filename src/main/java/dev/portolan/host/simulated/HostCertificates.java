package dev.portolan.host.simulated;

import dev.portolan.engine.DockerContexts;
import dev.portolan.host.tls.CertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The simulated hosts' certificates on this computer: a CA per lab (made on first use, under
 * labs/LAB/ca of the config folder) and per host, in its folder, a server certificate for the
 * names it is reached by and a client certificate for Portolan.
 */
final class HostCertificates {

    /** Hosts of one lab made at once share one CA, made once. */
    private static final Map<String, Object> CA_LOCKS = new ConcurrentHashMap<>();

    private final Path configDir;

    HostCertificates(Path configDir) {
        this.configDir = configDir;
    }

    /** Issues the host's server and client certificates into {@code dir}/server and {@code dir}/client. */
    void issue(String lab, String host, Path dir) {
        issue(lab, host, dir.resolve("server"), dir.resolve("client"));
    }

    /** Whether the host's server certificate is there (a host made again from kept data may have lost it). */
    static boolean present(Path dir) {
        return Files.exists(dir.resolve("server").resolve("key.pem"));
    }

    /**
     * New certificates for a host, made beside the old ones: {@code handToHost} gets the new
     * server folder, and only when it returns do they take the old ones' place.
     */
    void renew(String lab, String host, Path dir, Consumer<Path> handToHost) {
        Path newServer = dir.resolve("server.new");
        Path newClient = dir.resolve("client.new");
        delete(newServer);
        delete(newClient);
        issue(lab, host, newServer, newClient);
        handToHost.accept(newServer);
        replace(newServer, dir.resolve("server"));
        replace(newClient, dir.resolve("client"));
    }

    private void issue(String lab, String host, Path server, Path client) {
        CertificateAuthority ca;
        synchronized (CA_LOCKS.computeIfAbsent(lab, l -> new Object())) {
            ca = CertificateAuthority.loadOrCreate(configDir.resolve("labs").resolve(lab).resolve("ca"), lab);
        }
        ca.issueServer(server, host, List.of(host, SimulatedHosts.containerName(lab, host), "localhost", "127.0.0.1"));
        ca.issueClient(client, "portolan");
    }

    private static void replace(Path fresh, Path old) {
        try {
            delete(old);
            Files.move(fresh, old, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the new certificates in place: " + e.getMessage(), e);
        }
    }

    static void delete(Path dir) {
        try {
            DockerContexts.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
