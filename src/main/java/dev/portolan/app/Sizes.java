package dev.portolan.app;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts as people write them (decimal units, as the docker CLI prints sizes). */
public final class Sizes {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b?|b)?", Pattern.CASE_INSENSITIVE);

    private Sizes() {}

    /** 1536 → "1.5 KB" */
    public static String text(long bytes) {
        if (bytes < 1000) return bytes + " B";
        double value = bytes;
        int unit = -1;
        do {
            value /= 1000;
            unit++;
        } while (value >= 1000 && unit < UNITS.length - 1);
        return (value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value)) + " " + UNITS[unit];
    }

    /**
     * "20MB", "20 MB", "1.5GiB", "4096" → bytes (KB = 1000, KiB = 1024).
     *
     * @throws IllegalArgumentException with what would do
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write it like 20MB, 512KiB or 4096");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        boolean binary = unit.contains("i");
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        return (long) (number * Math.pow(binary ? 1024 : 1000, power));
    }
}
