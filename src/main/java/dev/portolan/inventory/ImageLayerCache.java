package dev.portolan.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layers (diff ids) of images by image id, for the whole process. An image's id is the
 * digest of its config, and the config names its layers: what one engine said of an id holds
 * for every engine that has it (a lab's hosts share the images copied to them) and for every
 * later read (a reconnect after an engine restart). So a host's image list costs one list
 * call instead of one inspect per image once the images are known.
 */
public final class ImageLayerCache {

    /** Far more images than a laptop's engines hold; past it the cache starts again rather than grow. */
    private static final int LIMIT = 50_000;
    private static final Map<String, List<String>> BY_IMAGE_ID = new ConcurrentHashMap<>();

    private ImageLayerCache() {}

    static Optional<List<String>> get(String imageId) {
        return Optional.ofNullable(BY_IMAGE_ID.get(imageId));
    }

    /** Keeps what an engine said of an image; an image it no longer had (no layers read) is not kept. */
    static void put(String imageId, List<String> layers) {
        if (imageId == null || !imageId.startsWith("sha256:") || layers.isEmpty()) return;
        if (BY_IMAGE_ID.size() >= LIMIT) BY_IMAGE_ID.clear();
        BY_IMAGE_ID.put(imageId, List.copyOf(layers));
    }

    /** Forgets every image, as a new process would be (the cold-inventory benchmark's first read). */
    public static void clear() {
        BY_IMAGE_ID.clear();
    }
}
