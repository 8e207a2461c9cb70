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

    TransferProgress NONE = of((done, expected) -> {}, () -> false);

    /** Progress that goes to {@code onBytes} and is cancelled when {@code cancelled} says so. */
    static TransferProgress of(java.util.function.BiConsumer<Long, Long> onBytes, java.util.function.BooleanSupplier cancelled) {
        return new TransferProgress() {
            @Override
            public void transferred(long done, long expected) {
                onBytes.accept(done, expected);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
