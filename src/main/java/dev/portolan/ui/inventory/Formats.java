package dev.portolan.ui.inventory;

import java.time.Duration;
import java.time.Instant;

/** Short texts for times, as people say them. */
public final class Formats {

    /** Before this, a date is the engine's "no date" (Go's zero time, year 1) rather than a real one. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private Formats() {}

    /** "just now", "5 min ago", "3 h ago", "2 days ago", "3 months ago", "2 years ago"; "no date" for none */
    public static String ago(Instant then) {
        return ago(then, Instant.now());
    }

    static String ago(Instant then, Instant now) {
        if (then == null || then.isBefore(EARLIEST)) return "no date";
        Duration d = Duration.between(then, now);
        if (d.toSeconds() < 60) return "just now";
        if (d.toMinutes() < 60) return d.toMinutes() + " min ago";
        if (d.toHours() < 48) return d.toHours() + " h ago";
        if (d.toDays() < 60) return d.toDays() + " days ago";
        if (d.toDays() < 730) return d.toDays() * 12 / 365 + " months ago";
        return d.toDays() / 365 + " years ago";
    }
}
