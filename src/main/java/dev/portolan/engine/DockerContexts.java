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

    /**
     * Registers an engine as a context, as `docker context create` does, so the real CLI can
     * use it: `docker --context NAME ps`. Certificates are copied; the key stays 0600.
     */
    public void write(String name, EngineEndpoint endpoint, String description) {
        try {
            Path meta = configDir.resolve("contexts/meta").resolve(digest(name));
            Files.createDirectories(meta);
            var root = JSON.createObjectNode();
            root.put("Name", name);
            root.putObject("Metadata").put("Description", description);
            var docker = root.putObject("Endpoints").putObject("docker");
            docker.put("Host", endpoint.address());
            docker.put("SkipTLSVerify", false);
            Files.writeString(meta.resolve("meta.json"), JSON.writeValueAsString(root));
            if (endpoint.usesTls()) {
                Path tls = configDir.resolve("contexts/tls").resolve(digest(name)).resolve("docker");
                Files.createDirectories(tls);
                for (String file : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
                    Files.copy(endpoint.tlsDir().resolve(file), tls.resolve(file),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                if (tls.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(tls.resolve("key.pem"),
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot register the docker context " + name, e);
        }
    }

    /** Removes a context and its certificates; nothing happens when there is none. */
    public void remove(String name) {
        try {
            for (Path dir : new Path[] {configDir.resolve("contexts/meta").resolve(digest(name)),
                    configDir.resolve("contexts/tls").resolve(digest(name))}) {
                deleteTree(dir);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot remove the docker context " + name, e);
        }
    }

    public boolean exists(String name) {
        return Files.isRegularFile(configDir.resolve("contexts/meta").resolve(digest(name)).resolve("meta.json"));
    }

    /** The names of every context in the store (not "default", which is implicit). */
    public java.util.List<String> names() {
        Path metas = configDir.resolve("contexts/meta");
        if (!Files.isDirectory(metas)) return java.util.List.of();
        try (var dirs = Files.list(metas)) {
            return dirs.map(d -> d.resolve("meta.json")).filter(Files::isRegularFile).map(f -> {
                try {
                    return JSON.readTree(f.toFile()).path("Name").asText("");
                } catch (IOException e) {
                    return "";
                }
            }).filter(n -> !n.isBlank()).sorted().toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
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
