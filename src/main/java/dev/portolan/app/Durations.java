package dev.portolan.app;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them ("30s", "2m", "1m30s", "500ms", "1h") and as they read them. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {}

    /**
     * Reads "30s", "2m", "1h30m", "500ms", or a bare number of seconds.
     *
     * @throws IllegalArgumentException with a sentence that says what a duration looks like
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        if (t.matches("\\d+")) return Duration.ofSeconds(Long.parseLong(t));
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (t.isEmpty() || end != t.length() || total.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write it as 30s, 2m, 1m30s, 500ms or 1h.");
        }
        return total;
    }

    /** "45 s", "2 min 5 s", "1 h 3 min", "0.5 s": short, for timers and messages. */
    public static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s == 0) return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        if (s < 60) return s + " s";
        if (s < 3600) return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }
}
