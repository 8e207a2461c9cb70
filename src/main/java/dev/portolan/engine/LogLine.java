package dev.portolan.engine;

import java.time.Instant;

/** One log line and the time the engine stamped on it (EPOCH when it had none). */
public record LogLine(Instant time, String text) {

    /** Reads a line the engine sent with timestamps on: "2026-12-01T16:03:04.123456789Z text". */
    public static LogLine parse(String stamped) {
        int space = stamped.indexOf(' ');
        Instant time = space > 0 ? Rfc3339.parse(stamped.substring(0, space)) : null;
        return time == null ? new LogLine(Instant.EPOCH, stamped) : new LogLine(time, stamped.substring(space + 1));
    }
}
