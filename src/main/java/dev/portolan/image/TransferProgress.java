package dev.portolan.image;

import java.util.concurrent.CancellationException;

/** How streaming work (read, copy, pull) reports bytes and learns that the user cancelled. */
public interface TransferProgress {

    /** {@code done} bytes of about {@code expected} (0 when unknown) have gone through. */
    void transferred(long done, long expected);

    boolean isCancelled();

    default void checkCancelled() {
        if (isCancelled()) throw new CancellationException("cancelled");
    }

    TransferProgress NONE = new TransferProgress() {
        @Override
        public void transferred(long done, long expected) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
