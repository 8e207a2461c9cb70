package dev.portolan.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ImageHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An image's layers with the Dockerfile line of each, from the engine's history and the
 * image's diff ids. Quick (two small requests); the archive reader later gives the exact
 * answer for the rare history that this cannot match line for line.
 */
public final class ImageLayers {

    private ImageLayers() {}

    public static List<ImageLayer> read(DockerClient engine, String image) {
        List<String> diffIds = engine.inspectImageCmd(image).exec().getRootFS().getLayers();
        List<ImageHistory> newestFirst = engine.imageHistoryCmd(image).exec();
        return match(newestFirst.reversed(), diffIds == null ? List.of() : diffIds);
    }

    /**
     * Gives each history line that made a layer its diff id, in order. A line of size zero
     * made a layer unless it only changed metadata; when the history still has more lines
     * that could have made one than there are layers, the earliest get them.
     */
    static List<ImageLayer> match(List<ImageHistory> oldestFirst, List<String> diffIds) {
        int sized = (int) oldestFirst.stream().filter(h -> size(h) > 0).count();
        int unsizedNeeded = Math.max(0, diffIds.size() - sized);
        List<ImageLayer> layers = new ArrayList<>(oldestFirst.size());
        int next = 0;
        for (ImageHistory h : oldestFirst) {
            boolean made = size(h) > 0;
            if (!made && unsizedNeeded > 0 && !Instructions.onlyMetadata(h.getCreatedBy())) {
                made = true;
                unsizedNeeded--;
            }
            String diffId = made && next < diffIds.size() ? diffIds.get(next++) : null;
            layers.add(new ImageLayer(layers.size(), diffId, h.getCreatedBy(),
                    h.getCreated() == null ? null : Instant.ofEpochSecond(h.getCreated()), size(h), h.getComment()));
        }
        return List.copyOf(layers);
    }

    private static long size(ImageHistory h) {
        return h.getSize() == null ? 0 : h.getSize();
    }
}
