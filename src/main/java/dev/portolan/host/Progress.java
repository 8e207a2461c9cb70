package dev.portolan.host;

import java.util.concurrent.CancellationException;

/**
 * How long work reports its steps and learns that the user cancelled. The work calls
 * {@link #step} as it goes and {@link #checkCancelled} between steps.
 */
public interface Progress {

    void step(String text);

    boolean isCancelled();

    default void checkCancelled() {
        if (isCancelled()) throw new CancellationException("cancelled");
    }

    /** Progress whose steps go to {@code steps} (a command line's output, a test's list) and that nobody cancels. */
    static Progress reporting(java.util.function.Consumer<String> steps) {
        return new Progress() {
            @Override
            public void step(String text) {
                steps.accept(text);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** Progress that nobody watches and nobody cancels. */
    Progress NONE = new Progress() {
        @Override
        public void step(String text) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
