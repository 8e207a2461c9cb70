package dev.portolan.inventory;

import java.time.Instant;
import java.util.Map;

/** One named volume. Which containers use it is derived from the containers' mounts. */
public record VolumeInfo(String name, String driver, String mountpoint, Map<String, String> labels, Instant created) {
    public VolumeInfo {
        labels = Map.copyOf(labels);
    }
}
