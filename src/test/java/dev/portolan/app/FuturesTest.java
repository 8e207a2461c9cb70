package dev.portolan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void aFailureComesThroughAsItWasThrownAndResultsKeepTheirOrder() {
        var thrown = new IllegalArgumentException("the host's own sentence");
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> Futures.join(CompletableFuture.failedFuture(thrown))));
        assertEquals(List.of(2, 4, 6), Futures.inParallel(List.of(1, 2, 3), i -> i * 2));
    }

    @Test
    void anInterruptedPauseIsACancelAndTheThreadStaysInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> Futures.pause(10_000));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for whoever looks next");
        } finally {
            Thread.interrupted(); // clears it for the next test on this thread
        }
    }
}
