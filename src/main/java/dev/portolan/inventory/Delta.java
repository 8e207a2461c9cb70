package dev.portolan.inventory;

/** One resource that appeared, changed or went away between two snapshots. */
public record Delta(Kind kind, String key, Change change) {
    public enum Kind { CONTAINER, IMAGE, VOLUME, NETWORK }

    public enum Change { ADDED, CHANGED, REMOVED }
}
