package dev.portolan.image;

/**
 * A path a layer added, modified or removed (by a whiteout), with its size; in a merged
 * tree, the version that is visible and the layer it came from.
 */
public record FileChange(String path, long sizeBytes, boolean directory, Change change, int layer) {

    public enum Change {
        ADDED("Added"), MODIFIED("Modified"), REMOVED("Removed");

        public final String word;

        Change(String word) {
            this.word = word;
        }
    }
}
