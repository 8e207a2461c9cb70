package dev.portolan.inventory;

/**
 * Something about a cluster worth knowing before it bites: what it is, on which host, what it
 * means, and the fix — shown before it is applied, applied only when asked.
 *
 * @param subject the container, volume, image or host it is about (its name or id)
 * @param what    one line: "web and api both want port 8080"
 * @param means   what it means for the user, and what to do
 */
public record Finding(Kind kind, String host, String subject, String what, String means, Fix fix) {

    public enum Kind {
        PORT_CLASH("port clash"),
        PORT_TAKEN("port taken on this computer"),
        RESTART_LOOP("restart loop"),
        CERTIFICATE_EXPIRING("certificate expiring"),
        PUBLISHED_ON_ALL_ADDRESSES("published on every address"),
        DEFAULT_BRIDGE_ONLY("default bridge only"),
        UNUSED_VOLUME("unused volume"),
        DANGLING_IMAGE("dangling image");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** What Portolan can do about it; {@link Action#NONE} when the fix is the user's to make (the text says how). */
    public record Fix(Action action, String text) {
        public static Fix byHand(String text) {
            return new Fix(Action.NONE, text);
        }

        public boolean canApply() {
            return action != Action.NONE;
        }
    }

    public enum Action { NONE, REMOVE_VOLUME, REMOVE_IMAGE, STOP_CONTAINER, RENEW_CERTIFICATES }
}
