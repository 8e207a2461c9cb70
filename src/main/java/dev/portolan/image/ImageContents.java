package dev.portolan.image;

import java.util.List;

/**
 * What an image's archive holds: its exact layers (from its configuration), what each
 * layer added, modified and removed, and the bytes later layers hid ("wasted").
 */
public record ImageContents(List<ImageLayer> layers, List<List<FileChange>> changes, List<Waste> waste,
        long totalBytes, long wastedBytes) {

    public ImageContents {
        layers = List.copyOf(layers);
        changes = changes.stream().map(List::copyOf).toList();
        waste = List.copyOf(waste);
    }

    /** What layer {@code index} changed; empty for a step that changed only metadata. */
    public List<FileChange> changesOf(int index) {
        return changes.get(index);
    }

    /** The file tree as a container would see it if the image ended at layer {@code index}. */
    public List<FileChange> mergedUpTo(int index) {
        LayerReplay replay = new LayerReplay();
        for (int i = 0; i <= index; i++) replay.replay(changes.get(i));
        return replay.visible();
    }

    /** The share of the layers' bytes still visible in the image: 1.0 when nothing is hidden. */
    public double efficiency() {
        return totalBytes == 0 ? 1.0 : (double) (totalBytes - wastedBytes) / totalBytes;
    }
}
