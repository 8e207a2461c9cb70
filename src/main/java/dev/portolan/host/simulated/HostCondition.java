package dev.portolan.host.simulated;

/** What a simulated host is now, and why: what `portolan status` and the plan say of it. */
public record HostCondition(State state, String reason) {

    public enum State {
        /** Its container runs and its engine answers. */
        RUNNING,
        /** Its container runs, but its engine does not answer. */
        LOST,
        /** Its container is there, stopped: start it. */
        STOPPED,
        /** Its container was removed, its data volume kept: make it again from the volume. */
        KEPT_DATA,
        /** Nothing of it is there. */
        ABSENT;

        /** The word people read: "running", "kept data". */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
