package dev.portolan.engine;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** One log line and the time the engine stamped on it (EPOCH when it had none). */
public record LogLine(Instant time, String text) {

    /** Reads a line the engine sent with timestamps on: "2026-12-01T16:03:04.123456789Z text". */
    public static LogLine parse(String stamped) {
        int space = stamped.indexOf(' ');
        boolean hasStamp = space > 0 && stamped.length() > 20 && stamped.charAt(4) == '-' && stamped.charAt(10) == 'T';
        if (!hasStamp) return new LogLine(Instant.EPOCH, stamped);
        try {
            return new LogLine(Instant.parse(stamped.substring(0, space)), stamped.substring(space + 1));
        } catch (DateTimeParseException e) {
            return new LogLine(Instant.EPOCH, stamped);
        }
    }
}
