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
        if (!line.isEmpty() || comment == null || comment.isBlank()) return line;
        // `docker import` writes "Imported from -" (a tar on its input) or "Imported from URL": said as the command
        String said = comment.strip();
        if (said.equals("Imported from -")) return "docker import of a tar stream";
        return said.startsWith("Imported from ") ? "docker import of " + said.substring("Imported from ".length()) : said;
    }

    /** The diff id's first 12 hex digits, as the docker CLI shows ids. */
    public String shortDiffId() {
        if (diffId == null) return "";
        String hex = diffId.startsWith("sha256:") ? diffId.substring(7) : diffId;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
