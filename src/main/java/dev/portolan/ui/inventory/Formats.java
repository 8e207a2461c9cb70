package dev.portolan.ui.inventory;

import java.time.Duration;
import java.time.Instant;

/** Short texts for times, as people say them. */
public final class Formats {

    private Formats() {}

    /** "just now", "5 min ago", "3 h ago", "2 days ago" */
    public static String ago(Instant then) {
        return ago(then, Instant.now());
    }

    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toSeconds() < 60) return "just now";
        if (d.toMinutes() < 60) return d.toMinutes() + " min ago";
        if (d.toHours() < 48) return d.toHours() + " h ago";
        return d.toDays() + " days ago";
    }
}
