package dev.portolan.image;

import java.time.Instant;

/**
 * One step of an image's history, bottom first: the Dockerfile line that made it, its
 * size and, unless it only changed metadata (ENV, CMD, ...), the diff id of its layer.
 */
public record ImageLayer(int index, String diffId, String createdBy, Instant created, long sizeBytes, String comment) {

    /** A step that changed only the image's configuration: it has no layer of its own. */
    public boolean isEmpty() {
        return diffId == null;
    }

    /**
     * The Dockerfile line, without the shell prefix the classic builder writes; a layer no
     * Dockerfile made (`docker import`, a committed container) says what its comment says.
     */
    public String instruction() {
        String line = Instructions.readable(createdBy);
        return line.isEmpty() && comment != null && !comment.isBlank() ? comment.strip() : line;
    }

    /** The diff id's first 12 hex digits, as the docker CLI shows ids. */
    public String shortDiffId() {
        if (diffId == null) return "";
        String hex = diffId.startsWith("sha256:") ? diffId.substring(7) : diffId;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
