package dev.portolan.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, and says what was last seen when it fails. */
public final class Eventually {

    private Eventually() {}

    /** Returns how long it took. */
    public static Duration within(Duration limit, String what, BooleanSupplier condition) {
        return within(limit, what, condition, () -> "");
    }

    public static Duration within(Duration limit, String what, BooleanSupplier condition, Supplier<String> seen) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) return Duration.ofNanos(System.nanoTime() - start);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + limit.toMillis() + " ms: " + what + " " + seen.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
