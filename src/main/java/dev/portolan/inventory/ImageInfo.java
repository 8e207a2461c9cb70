package dev.portolan.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One image: its tags, size and the diff ids of its layers, bottom first. */
public record ImageInfo(
        String id,
        List<String> tags,
        long sizeBytes,
        Instant created,
        List<String> layers,
        String parentId,
        Map<String, String> labels) {

    public ImageInfo {
        tags = List.copyOf(tags);
        layers = List.copyOf(layers);
        labels = Map.copyOf(labels);
    }

    /** The first tag, or the short id for an untagged image. */
    public String displayName() {
        return tags.isEmpty() ? "<none> " + shortId() : tags.getFirst();
    }

    public String shortId() {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
