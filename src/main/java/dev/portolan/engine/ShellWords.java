package dev.portolan.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command written as one string into words as compose and the run dialog do
 * (like a POSIX shell, without running one): spaces separate, single quotes keep everything, double quotes keep
 * spaces and take \" \\ \$ escapes, a backslash outside quotes keeps the next character.
 * "--default-authentication-plugin=mysql_native_password" is one word, not `sh -c` around it.
 */
public final class ShellWords {

    private ShellWords() {}

    /** The words of {@code line}; {@code where} names it when a quote is not closed ("Command", "services.web.command"). */
    public static List<String> split(String line, String where) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw unclosed(where, "'", line);
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) d = line.charAt(++j);
                    word.append(d);
                }
                if (j >= line.length()) throw unclosed(where, "\"", line);
                i = j;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    private static InvalidInputException unclosed(String where, String quote, String line) {
        return new InvalidInputException(where + ": the quote " + quote + " in '" + line + "' is never closed.");
    }
}
