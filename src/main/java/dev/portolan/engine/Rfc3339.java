package dev.portolan.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the engine's timestamps ("2026-12-01T16:03:04.123456789Z") by hand: the stats of
 * 200 containers bring 200 of them a second, and a log brings one per line; java.time's
 * general parser was the largest cost of reading stats. Anything else falls back to
 * {@link Instant#parse}; what is no timestamp at all is null.
 */
public final class Rfc3339 {

    private Rfc3339() {}

    public static Instant parse(String text) {
        if (text == null) return null;
        int n = text.length();
        if (n >= 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z') {
            try {
                int nanos = 0;
                int end = n - 1;
                if (end > 19 && text.charAt(19) == '.') {
                    int digits = 0;
                    for (int i = 20; i < end; i++, digits++) nanos = nanos * 10 + digit(text, i);
                    for (; digits < 9; digits++) nanos *= 10;
                } else if (end != 19) {
                    return fallback(text);
                }
                LocalDateTime at = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13),
                        number(text, 14, 16), number(text, 17, 19));
                return Instant.ofEpochSecond(at.toEpochSecond(ZoneOffset.UTC), nanos);
            } catch (RuntimeException notQuite) {
                return fallback(text);
            }
        }
        return fallback(text);
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) value = value * 10 + digit(text, i);
        return value;
    }

    private static int digit(String text, int i) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') throw new NumberFormatException(text);
        return c - '0';
    }

    private static Instant fallback(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
