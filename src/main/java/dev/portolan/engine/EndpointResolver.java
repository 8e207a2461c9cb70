package dev.portolan.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the local engine the way the {@code docker} CLI does: DOCKER_HOST, then
 * DOCKER_CONTEXT or the current context of ~/.docker/config.json, then the platform's
 * default socket.
 */
public final class EndpointResolver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private final Path dockerConfigDir;
    private final boolean windows;

    public EndpointResolver(Map<String, String> env, Path dockerConfigDir, boolean windows) {
        this.env = env;
        this.dockerConfigDir = dockerConfigDir;
        this.windows = windows;
    }

    /** The resolver for this process: its environment and the user's ~/.docker. */
    public static EndpointResolver forThisProcess() {
        Map<String, String> env = System.getenv();
        Path config = env.containsKey("DOCKER_CONFIG")
                ? Path.of(env.get("DOCKER_CONFIG"))
                : Path.of(System.getProperty("user.home"), ".docker");
        return new EndpointResolver(env, config, System.getProperty("os.name").startsWith("Windows"));
    }

    /** The docker CLI's configuration folder (~/.docker unless DOCKER_CONFIG says otherwise). */
    public Path dockerConfigDir() {
        return dockerConfigDir;
    }

    /**
     * The local engine's endpoint.
     *
     * @throws EndpointException with a message naming the bad value and what was expected
     */
    public EngineEndpoint resolve() {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return fromDockerHost(dockerHost.trim());
        }
        String contextName = env.getOrDefault("DOCKER_CONTEXT", currentContextName());
        if (contextName != null && !contextName.isBlank() && !contextName.equals("default")) {
            return new DockerContexts(dockerConfigDir).read(contextName);
        }
        return defaultSocket();
    }

    private EngineEndpoint fromDockerHost(String value) {
        URI uri = parseHost(value, "DOCKER_HOST");
        Path tls = null;
        String verify = env.get("DOCKER_TLS_VERIFY");
        if (verify != null && !verify.isBlank() && !verify.equals("0")) {
            String certPath = env.get("DOCKER_CERT_PATH");
            tls = certPath != null && !certPath.isBlank() ? Path.of(certPath) : dockerConfigDir;
            requireCertificates(tls, "DOCKER_CERT_PATH");
        }
        return new EngineEndpoint("local", uri, tls, "DOCKER_HOST");
    }

    private String currentContextName() {
        Path config = dockerConfigDir.resolve("config.json");
        if (!Files.isRegularFile(config)) return null;
        try {
            JsonNode node = JSON.readTree(config.toFile()).path("currentContext");
            return node.isTextual() ? node.asText() : null;
        } catch (IOException e) {
            throw new EndpointException(config + " is not valid JSON (" + EngineErrors.firstLine(e.getMessage())
                    + "). Fix the file or remove its \"currentContext\" entry.");
        }
    }

    private EngineEndpoint defaultSocket() {
        URI uri = windows ? URI.create("npipe:////./pipe/docker_engine") : URI.create("unix:///var/run/docker.sock");
        return new EngineEndpoint("local", uri, null, "default socket");
    }

    /** Parses an engine address: unix://, tcp://, npipe:// or ssh://[user@]host[:port]. */
    public static URI parseHost(String value, String where) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new EndpointException(where + " is '" + value + "', which is not an address. "
                    + "Expected something like unix:///var/run/docker.sock or tcp://127.0.0.1:2376.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        switch (scheme) {
            case "unix", "npipe" -> {
                return uri;
            }
            case "tcp", "http", "https" -> {
                if (uri.getHost() == null || uri.getPort() < 0) {
                    throw new EndpointException(where + " is '" + value + "': a tcp address needs a host and a port, "
                            + "such as tcp://127.0.0.1:2376.");
                }
                return URI.create("tcp://" + uri.getHost() + ":" + uri.getPort());
            }
            case "ssh" -> {
                if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
                    throw new EndpointException(where + " is '" + value + "': an ssh address is ssh://[USER@]HOST[:PORT],"
                            + " such as ssh://deploy@server or ssh://deploy@10.0.0.5:2222.");
                }
                return URI.create("ssh://" + (uri.getUserInfo() == null ? "" : uri.getUserInfo() + "@") + uri.getHost()
                        + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
            }
            default -> throw new EndpointException(where + " is '" + value + "': unknown scheme '" + scheme + "'. "
                    + "Expected unix://, tcp://, ssh:// or npipe://.");
        }
    }

    public static void requireCertificates(Path dir, String where) {
        String missing = missingCertificate(dir);
        if (missing != null) {
            throw new EndpointException(where + " points to " + dir + ", which has no readable " + missing
                    + ". A TLS engine needs ca.pem, cert.pem and key.pem there.");
        }
    }

    /** The first of ca.pem, cert.pem and key.pem that {@code dir} lacks (or cannot be read), or null when it has all three. */
    public static String missingCertificate(Path dir) {
        for (String file : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
            if (!Files.isReadable(dir.resolve(file))) return file;
        }
        return null;
    }
}
