package dev.portolan.ui.diagram;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the user moved cards and hosts, per lab, in {@code diagram-positions.json} of the
 * config folder: a lab made again tomorrow is drawn the way it was arranged today.
 */
final class DiagramPositions {

    private static final Logger LOG = LoggerFactory.getLogger(DiagramPositions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Map<String, double[]>> byLab = new HashMap<>();

    DiagramPositions(Path configDir) {
        this.file = configDir == null ? null : configDir.resolve("diagram-positions.json");
        if (file != null && Files.isRegularFile(file)) {
            try {
                byLab.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, Map<String, double[]>>>() {}));
            } catch (IOException e) {
                LOG.warn("{} could not be read; the diagram starts with its own layout", file, e);
            }
        }
    }

    /** Every kept position, of all labs (keys carry their host, so labs do not collide). */
    Map<String, double[]> all() {
        Map<String, double[]> all = new HashMap<>();
        byLab.values().forEach(all::putAll);
        return all;
    }

    /** Keeps {@code positions}, grouped by the lab of each key's host; written off the FX thread. */
    void save(Map<String, double[]> positions, java.util.function.Function<String, String> labOfKey) {
        byLab.clear();
        positions.forEach((key, at) -> byLab.computeIfAbsent(labOfKey.apply(key), l -> new HashMap<>()).put(key, at));
        if (file == null) return;
        Map<String, Map<String, double[]>> copy = new HashMap<>();
        byLab.forEach((lab, map) -> copy.put(lab, new HashMap<>(map)));
        Thread.ofVirtual().name("diagram-positions").start(() -> {
            try {
                Files.createDirectories(file.getParent());
                JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), copy);
            } catch (IOException e) {
                LOG.warn("{} could not be written; moved positions last until the app closes", file, e);
            }
        });
    }
}
