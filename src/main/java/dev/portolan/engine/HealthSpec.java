package dev.portolan.engine;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's health check as compose writes it: test ["CMD", "wget", ...] or
 * ["CMD-SHELL", "..."], interval, timeout and retries ("5s", "1m30s", "500ms").
 */
public record HealthSpec(List<String> test, Duration interval, Duration timeout, Integer retries) {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    public HealthSpec {
        test = List.copyOf(test);
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
        String value = text.strip();
        Matcher m = PART.matcher(value);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            double amount = Double.parseDouble(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofNanos((long) (amount * 1e6));
                case "s" -> Duration.ofNanos((long) (amount * 1e9));
                case "m" -> Duration.ofNanos((long) (amount * 60e9));
                default -> Duration.ofNanos((long) (amount * 3600e9));
            });
            at = m.end();
        }
        if (value.isEmpty() || at != value.length()) {
            throw new InvalidInputException(what + ": '" + text + "' is not a duration; write it as 5s, 500ms or 1m30s");
        }
        return total;
    }
}
