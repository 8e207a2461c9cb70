package dev.portolan.lab;

import java.util.List;

/** A lab file that cannot be used; nothing is applied from it. Its message lists every problem. */
public final class LabFileException extends RuntimeException {

    private final List<LabProblem> problems;

    public LabFileException(List<LabProblem> problems) {
        super(String.join("\n", problems.stream().map(LabProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<LabProblem> problems() {
        return problems;
    }
}
