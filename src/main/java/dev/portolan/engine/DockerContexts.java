package dev.portolan.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The docker CLI's context store: ~/.docker/contexts/meta/&lt;sha256(name)&gt;/meta.json for
 * the address and ~/.docker/contexts/tls/&lt;sha256(name)&gt;/docker/ for the certificates.
 */
public final class DockerContexts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path configDir;

    public DockerContexts(Path dockerConfigDir) {
        this.configDir = dockerConfigDir;
    }

    public EngineEndpoint read(String name) {
        Path meta = configDir.resolve("contexts/meta").resolve(digest(name)).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new EndpointException("The docker context '" + name + "' does not exist (no " + meta + "). "
                    + "Run 'docker context ls' to see the contexts, or 'docker context use default'.");
        }
        JsonNode docker;
        try {
            docker = JSON.readTree(meta.toFile()).path("Endpoints").path("docker");
        } catch (IOException e) {
            throw new EndpointException(meta + " is not valid JSON: " + EngineErrors.firstLine(e.getMessage()));
        }
        String host = docker.path("Host").asText("");
        if (host.isBlank()) {
            throw new EndpointException("The docker context '" + name + "' has no docker endpoint (Endpoints.docker.Host).");
        }
        Path tls = configDir.resolve("contexts/tls").resolve(digest(name)).resolve("docker");
        boolean hasTls = Files.isRegularFile(tls.resolve("ca.pem")) && !docker.path("SkipTLSVerify").asBoolean(false);
        return new EngineEndpoint(name, EndpointResolver.parseHost(host, "The context '" + name + "'"),
                hasTls ? tls : null, "context " + name);
    }

    static String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
