package dev.portolan.ui.hosts;

import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EndpointException;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineEndpoint;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What "Add an existing engine" was given: its rules as the user types (no I/O), and the
 * endpoint it makes once confirmed (reading the context, the socket, the certificates).
 */
record EndpointForm(String kind, String name, String context, String address, String certificates) {

    static final String CONTEXT = "docker context", TLS = "tcp + TLS", SSH = "ssh", SOCKET = "unix socket";

    /** What is wrong as typed; empty when the fields make sense. */
    List<String> problems() {
        List<String> found = new ArrayList<>();
        if (blank(name)) found.add("Name: give the engine a name, such as staging.");
        switch (kind == null ? SOCKET : kind) {
            case CONTEXT -> {
                if (context == null) found.add("Context: choose one of the docker contexts.");
            }
            case TLS -> {
                addressProblem("tcp", "tcp://192.168.99.100:2376", "a TLS engine needs tcp://HOST:PORT.").ifPresent(found::add);
                if (blank(certificates)) found.add("Certificates: choose the folder with ca.pem, cert.pem and key.pem.");
            }
            case SSH -> addressProblem("ssh", "ssh://deploy@server", "an engine over ssh is ssh://[USER@]HOST[:PORT].")
                    .ifPresent(found::add);
            default -> {
                try {
                    EndpointResolver.parseHost(socket(), "The socket");
                } catch (EndpointException e) {
                    found.add(e.getMessage());
                }
            }
        }
        return found;
    }

    /** What is wrong with the address for an engine reached by {@code scheme}: missing, malformed or of another scheme. */
    private java.util.Optional<String> addressProblem(String scheme, String example, String otherScheme) {
        if (blank(address)) return java.util.Optional.of("Address: type the engine's address, such as " + example + ".");
        try {
            URI host = EndpointResolver.parseHost(strip(address), "The address");
            return host.getScheme().equals(scheme) ? java.util.Optional.empty() : java.util.Optional.of("The address: " + otherScheme);
        } catch (EndpointException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** The endpoint, with what only the disk can say: throws with a sentence naming what to fix. */
    EngineEndpoint resolve(DockerContexts contexts) {
        List<String> problems = problems();
        if (!problems.isEmpty()) throw new EndpointException(problems.getFirst());
        String label = name.strip();
        return switch (kind) {
            case CONTEXT -> {
                EngineEndpoint found = contexts.read(context);
                yield new EngineEndpoint(label, found.host(), found.tlsDir(), "docker context " + context);
            }
            case SSH -> new EngineEndpoint(label, EndpointResolver.parseHost(address.strip(), "The address"), null,
                    "ssh (your ssh client's keys and known hosts)");
            case TLS -> {
                Path dir = Path.of(certificates.strip());
                EndpointResolver.requireCertificates(dir, "The certificate folder");
                yield new EngineEndpoint(label, EndpointResolver.parseHost(address.strip(), "The address"), dir, "tcp + TLS");
            }
            default -> {
                URI host = EndpointResolver.parseHost(socket(), "The socket");
                if (!Files.exists(Path.of(host.getPath()))) {
                    throw new EndpointException("The socket " + host.getPath() + " does not exist. Is that engine running?");
                }
                yield new EngineEndpoint(label, host, null, "unix socket");
            }
        };
    }

    private String socket() {
        String path = strip(address);
        return path.startsWith("unix://") ? path : "unix://" + path;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
