package dev.portolan.engine;

/**
 * A failure whose message already says, in full, what happened and what to do (several
 * lines, such as the end of an engine's log): shown as it is, never cut to its first line.
 */
public class ExplainedFailure extends IllegalStateException {

    public ExplainedFailure(String message) {
        super(message);
    }
}
