package dev.portolan.inventory;

/**
 * Something wrong with a container, drawn on its card: a short tag and one sentence of why.
 *
 * @param tag what the card says: "restart loop ×4", "OOM-killed", "exit 127", "unhealthy"
 * @param why what it means, for the details pane and the tooltip
 */
public record Trouble(Kind kind, String tag, String why) {

    /** Most telling first: the card's tag names the first one or two. */
    public enum Kind { OOM_KILLED, RESTART_LOOP, EXITED, UNHEALTHY }
}
