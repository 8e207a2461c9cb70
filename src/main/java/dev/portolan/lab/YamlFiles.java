package dev.portolan.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What lab files and tour files share: a YAML mistake said as file:line:column with what
 * was expected, and a problem found after parsing (at a JSON pointer) put back at its place.
 */
public final class YamlFiles {

    /** A problem found in a parsed file, at a JSON pointer ("/steps/2/check"). */
    public record Finding(String pointer, String message) {}

    private YamlFiles() {}

    /** The findings at their lines and columns in {@code text}, as one exception. */
    public static LabFileException problems(String text, String fileName, List<Finding> findings) {
        Locations locations = Locations.of(text);
        List<LabProblem> problems = new ArrayList<>();
        for (Finding f : findings) {
            int[] at = locations.lineAndColumn(f.pointer());
            problems.add(new LabProblem(fileName, at[0], at[1], f.message()));
        }
        return new LabFileException(problems);
    }

    /** A parse or mapping failure as file:line:column and what was expected. */
    public static LabProblem problem(String file, String text, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            // the parser stands after the bad part by now; the path says where it is
            int[] place = Locations.of(text).lineAndColumn(pointer(m));
            line = place[0];
            column = place[1];
        }
        String where = e instanceof MismatchedInputException m ? path(m) : "";
        String message = switch (e) {
            case UnrecognizedPropertyException u -> "unknown key '" + u.getPropertyName() + "'" + where + "; expected one of: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).map(YamlFiles::yamlName).sorted()
                            .collect(Collectors.joining(", "));
            case InvalidFormatException f -> "'" + f.getValue() + "'" + where + " is not " + expected(f.getTargetType());
            case MismatchedInputException m -> "wrong type" + where + ": expected " + expected(m.getTargetType());
            default -> "not valid YAML: " + firstLine(e.getOriginalMessage());
        };
        return new LabProblem(file, line, column, message);
    }

    private static String pointer(MismatchedInputException e) {
        return e.getPath().stream().map(r -> "/" + (r.getFieldName() != null ? yamlName(r.getFieldName()) : r.getIndex()))
                .collect(Collectors.joining());
    }

    private static String path(MismatchedInputException e) {
        String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "" : " at " + path;
    }

    private static String yamlName(String javaName) {
        return javaName.equals("dependsOn") ? "depends_on" : javaName;
    }

    private static String expected(Class<?> type) {
        if (type == null) return "another value";
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class) return "a whole number";
        if (type == String.class) return "a text";
        if (List.class.isAssignableFrom(type)) return "a list (- item per line, or [a, b])";
        if (java.util.Map.class.isAssignableFrom(type)) return "a mapping (key: value)";
        if (type.isRecord()) return "a mapping (key: value) of " + type.getSimpleName().toLowerCase(Locale.ROOT);
        return "a " + type.getSimpleName();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
