package dev.portolan.lab;

import dev.portolan.engine.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A compose project's variables and how compose puts them into values: {@code $VAR},
 * {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?message}},
 * {@code ${VAR:+other}}, {@code $$}; from the environment over an env file.
 */
final class ComposeVariables {

    private final Map<String, String> variables = new HashMap<>();
    private final Set<String> unset = new LinkedHashSet<>();

    /** The variables used but not set anywhere (read as empty strings), in the order met. */
    Set<String> unset() {
        return unset;
    }

    /** The env file ({@code envFile}, else {@code beside} when it exists), then the environment over it. */
    void load(Path envFile, Path beside, Map<String, String> environment) {
        if (envFile == null) {
            if (beside != null && Files.isRegularFile(beside)) envFile = beside;
        } else if (!Files.isRegularFile(envFile)) {
            throw new InvalidInputException("The env file " + envFile + " does not exist.");
        }
        if (envFile != null) {
            try {
                int n = 0;
                for (String line : Files.readAllLines(envFile)) {
                    n++;
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) continue;
                    if (text.startsWith("export ")) text = text.substring(7).strip();
                    int eq = text.indexOf('=');
                    if (eq <= 0) throw new InvalidInputException(envFile + ":" + n + ":1: expected NAME=VALUE, found '" + line + "'");
                    variables.put(text.substring(0, eq).strip(), unquote(text.substring(eq + 1).strip()));
                }
            } catch (IOException e) {
                throw new InvalidInputException("Cannot read the env file " + envFile + ": " + e.getMessage());
            }
        }
        variables.putAll(environment); // the environment wins over the file, as in compose
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }

    /** A value with its variables put in; {@code text} and {@code file} only to say where a missing one is. */
    String interpolate(String value, String text, Path file) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '$' || i + 1 >= value.length()) {
                out.append(c);
                continue;
            }
            char next = value.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i++;
            } else if (next == '{') {
                int end = closingBrace(value, i + 2);
                if (end < 0) throw located(file, text, value.substring(i), "'" + value.substring(i) + "' has no closing }");
                out.append(expression(value.substring(i + 2, end), text, file));
                i = end;
            } else if (Character.isLetter(next) || next == '_') {
                int j = i + 1;
                while (j < value.length() && (Character.isLetterOrDigit(value.charAt(j)) || value.charAt(j) == '_')) j++;
                out.append(lookup(value.substring(i + 1, j)));
                i = j - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int closingBrace(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) == '{') depth++;
            else if (value.charAt(i) == '}' && --depth == 0) return i;
        }
        return -1;
    }

    /** NAME, NAME:-default, NAME-default, NAME:?message, NAME?message, NAME:+other, NAME+other. */
    private String expression(String inside, String text, Path file) {
        int j = 0;
        while (j < inside.length() && (Character.isLetterOrDigit(inside.charAt(j)) || inside.charAt(j) == '_')) j++;
        String name = inside.substring(0, j);
        String rest = inside.substring(j);
        String value = variables.get(name);
        boolean colon = rest.startsWith(":");
        String op = rest.isEmpty() ? "" : rest.substring(colon ? 1 : 0, Math.min(rest.length(), colon ? 2 : 1));
        String word = rest.isEmpty() ? "" : rest.substring(colon ? 2 : 1);
        boolean missing = value == null || (colon && value.isEmpty());
        return switch (op) {
            case "" -> lookup(name);
            case "-" -> missing ? interpolate(word, text, file) : value;
            case "+" -> missing ? "" : interpolate(word, text, file);
            case "?" -> {
                if (missing) throw located(file, text, "${" + inside, "the variable " + name + " is required"
                        + (word.isBlank() ? "" : ": " + word) + " (set it in the environment or the env file)");
                yield value;
            }
            default -> throw located(file, text, "${" + inside, "'${" + inside + "}' is not a variable compose understands");
        };
    }

    private String lookup(String name) {
        String value = variables.get(name);
        if (value == null) {
            unset.add(name);
            return "";
        }
        return value;
    }

    /** file:line:column of the first place {@code what} is written in the file's text. */
    private static InvalidInputException located(Path file, String text, String what, String message) {
        int at = text.indexOf(what);
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.max(0, at); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new InvalidInputException(file + ":" + line + ":" + column + ": " + message);
    }
}
