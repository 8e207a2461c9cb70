package dev.portolan.engine;

import java.time.Duration;
import java.util.List;

/**
 * A container's health check as compose writes it: test ["CMD", "wget", ...] or
 * ["CMD-SHELL", "..."], interval, timeout, retries and the start period ("5s", "1m30s", "500ms").
 */
public record HealthSpec(List<String> test, Duration interval, Duration timeout, Integer retries, Duration startPeriod) {

    public HealthSpec {
        test = List.copyOf(test);
    }

    public HealthSpec(List<String> test, Duration interval, Duration timeout, Integer retries) {
        this(test, interval, timeout, retries, null);
    }

    /** What is wrong with a test, or null: it starts with CMD, CMD-SHELL or NONE. */
    public static String testProblem(List<String> test) {
        if (test.isEmpty()) return "healthcheck test: give one, such as [\"CMD\", \"wget\", \"-q\", \"-O-\", \"http://127.0.0.1/\"]";
        String kind = test.getFirst();
        if (!kind.equals("CMD") && !kind.equals("CMD-SHELL") && !kind.equals("NONE")) {
            return "healthcheck test: start it with CMD, CMD-SHELL or NONE, as in [\"CMD-SHELL\", \"" + String.join(" ", test) + "\"]";
        }
        return null;
    }

    /** "1m30s" → 90 s; null for null; throws InvalidInputException for text that is not a duration. */
    public static Duration duration(String text, String what) {
        if (text == null) return null;
        try {
            return dev.portolan.app.Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(what + ": " + e.getMessage());
        }
    }
}
