package dev.portolan.ui.labs;

import java.util.ArrayList;
import java.util.List;

/**
 * An apply's lines in the lab window: the steps done, each with when it ended and how long it
 * took, then the plan's steps still to come, so what is left (and, after a failure or a cancel,
 * what was not done) stays in view from the first second rather than an empty list. A step
 * reported as "PLANNED (1.2 s)" ticks its planned line off.
 */
final class ApplyProgress {

    /** Put before a step not done yet, as wide as a done step's time. */
    static final String PENDING = "     …   ";

    private final int planned;
    private final List<String> pending;
    private final List<String> done = new ArrayList<>();

    ApplyProgress(List<String> planned) {
        this.planned = planned.size();
        this.pending = new ArrayList<>(planned);
    }

    /** What is under the list while it runs: "Applying: 3 of 7 planned steps done…". */
    String summary() {
        return planned == 0 ? "Applying…" : "Applying: " + (planned - pending.size()) + " of " + planned + " planned steps done…";
    }

    /** A step reported at {@code seconds} after the apply began. */
    void step(String text, double seconds) {
        pending.stream().filter(p -> text.equals(p) || text.startsWith(p + " (")).findFirst().ifPresent(pending::remove);
        done.add(String.format("%5.1f s  %s", seconds, text));
    }

    List<String> rows() {
        List<String> rows = new ArrayList<>(done);
        for (String p : pending) rows.add(PENDING + p);
        return rows;
    }

    /** The planned steps not reported done: after a failure or a cancel, what the next apply has left to do. */
    List<String> pending() {
        return List.copyOf(pending);
    }

    /** The apply is done: a planned step it did not report (made meanwhile by hand, say) is no longer to come. */
    void finish() {
        pending.clear();
    }

    /** How many rows are done: the newest of them is the one to keep in view. */
    int doneCount() {
        return done.size();
    }
}
