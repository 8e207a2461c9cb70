package dev.portolan.host.endpoints;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portolan.engine.EngineEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The endpoints the user added, remembered in endpoints.json (written atomically). */
public final class SavedEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(SavedEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One saved endpoint, as stored. */
    record Saved(String name, String host, String tlsDir, String source) {}

    private final Path file;

    public SavedEndpoints(Path file) {
        this.file = file;
    }

    public List<EngineEndpoint> load() {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            List<Saved> saved = JSON.readValue(file.toFile(), new TypeReference<List<Saved>>() {});
            return saved.stream().map(s -> new EngineEndpoint(s.name(), URI.create(s.host()),
                    s.tlsDir() == null ? null : Path.of(s.tlsDir()), s.source())).toList();
        } catch (IOException | RuntimeException e) {
            // a broken file must not keep the app from starting; keep it aside for the user
            LOG.warn("{} cannot be read ({}); keeping it as {}.broken", file, e.getMessage(), file.getFileName());
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".broken"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // left as it is
            }
            return List.of();
        }
    }

    public void add(EngineEndpoint endpoint) {
        List<EngineEndpoint> all = new ArrayList<>(load());
        all.removeIf(e -> e.name().equals(endpoint.name()));
        all.add(endpoint);
        save(all);
    }

    public void remove(String name) {
        List<EngineEndpoint> all = new ArrayList<>(load());
        if (all.removeIf(e -> e.name().equals(name))) save(all);
    }

    private void save(List<EngineEndpoint> endpoints) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), endpoints.stream().map(e -> new Saved(e.name(), e.address(),
                    e.tlsDir() == null ? null : e.tlsDir().toString(), e.source())).toList());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
