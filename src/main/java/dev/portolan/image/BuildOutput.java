package dev.portolan.image;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the classic builder's output line by line and says when a step has finished:
 * "Step 2/4 : RUN …", then " ---> Using cache" for a cache hit, then " ---> 3f2a9c1b7d0e".
 */
final class BuildOutput {

    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");
    private static final Pattern RESULT = Pattern.compile("^ ---> ([0-9a-f]{12,64})$");

    private final Consumer<BuildStep> finished;
    private final StringBuilder partial = new StringBuilder();
    private int number;
    private int of;
    private String instruction;
    private boolean cached;

    BuildOutput(Consumer<BuildStep> finished) {
        this.finished = finished;
    }

    /** Takes a chunk of output as the engine sends it; whole lines are read, the rest kept. */
    void accept(String chunk) {
        partial.append(chunk);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            line(partial.substring(0, newline));
            partial.delete(0, newline + 1);
        }
    }

    private void line(String line) {
        Matcher step = STEP.matcher(line);
        if (step.matches()) {
            number = Integer.parseInt(step.group(1));
            of = Integer.parseInt(step.group(2));
            instruction = step.group(3).strip();
            cached = false;
            return;
        }
        if (instruction == null) return;
        if (line.equals(" ---> Using cache")) {
            cached = true;
            return;
        }
        Matcher result = RESULT.matcher(line);
        if (result.matches()) {
            finished.accept(new BuildStep(number, of, instruction, cached, result.group(1)));
            instruction = null;
        }
    }
}
