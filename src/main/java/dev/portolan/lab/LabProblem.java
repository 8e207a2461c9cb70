package dev.portolan.lab;

/** One thing wrong in a lab file, where it is and what was expected: "demo.yaml:12:5: ...". */
public record LabProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
