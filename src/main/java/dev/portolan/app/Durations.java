package dev.portolan.app;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them ("30s", "2m", "1m30s", "500ms", "1h") and as they read them. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {}

    /**
     * Reads "30s", "2m", "1h30m", "500ms", "1.5s", or a bare number of seconds; zero is a
     * duration (a health check's "0s"), a caller that needs more says so.
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
            double n = Double.parseDouble(m.group(1));
            total = total.plus(Duration.ofNanos((long) (n * switch (m.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            })));
            end = m.end();
        }
        if (t.isEmpty() || end != t.length()) {
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
