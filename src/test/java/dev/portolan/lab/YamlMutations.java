package dev.portolan.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random small edits of a YAML file, as a person's typos and slips make them: for fuzzing what reads YAML. */
final class YamlMutations {

    private static final String ALPHABET = " :-[]{}\"'#\n\tab1&*!|>%@`$";

    private YamlMutations() {}

    /** One to three edits: a line removed, doubled, cut short or indented; a character put in; a number changed. */
    static String mutate(String original, Random random) {
        List<String> lines = new ArrayList<>(original.lines().toList());
        for (int m = 0, count = 1 + random.nextInt(3); m < count; m++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> lines.set(at, line.isEmpty() ? line : line.substring(0, random.nextInt(line.length())));
                case 3 -> lines.set(at, " " + line);
                case 4 -> {
                    int pos = random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, pos) + ALPHABET.charAt(random.nextInt(ALPHABET.length())) + line.substring(pos));
                }
                default -> lines.set(at, line.replaceFirst("\\d+", Integer.toString(random.nextInt(100000) - 50)));
            }
            if (lines.isEmpty()) lines.add("");
        }
        return String.join("\n", lines);
    }
}
