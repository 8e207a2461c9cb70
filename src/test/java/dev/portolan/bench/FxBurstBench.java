package dev.portolan.bench;

import dev.portolan.testing.ContainerBurst;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.FxWatchdog;
import dev.portolan.ui.model.HostSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FX thread's longest wait during a burst of about 500 events while a host session
 * feeds its model, beside the same burst with no session (what the machine itself costs
 * the FX thread). Goal: worst wait ≤ 100 ms. Medians of 3 rounds each.
 */
class FxBurstBench extends EngineTest {

    private static final int ROUNDS = 3;

    @BeforeAll
    static void start() {
        FxThread.startToolkit();
    }

    @Test
    void worstFxWaitDuringABurstAgainstTheSameBurstWithNoWindow() throws Exception {
        List<Double> watched = new ArrayList<>();
        List<Double> alone = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            try (FxWatchdog watchdog = new FxWatchdog()) {
                ContainerBurst.run(engine, "bench-alone");
                alone.add(watchdog.worstMillis());
            }
            engine.cleanUp();
            try (HostSession session = HostSession.watch(engine.endpoint())) {
                Eventually.within(Duration.ofSeconds(10), "the host is live", () -> FxThread.get(session.model()::isLive));
                try (FxWatchdog watchdog = new FxWatchdog()) {
                    ContainerBurst.run(engine, "bench-watched");
                    Thread.sleep(500); // the last events reach the model
                    watched.add(watchdog.worstMillis());
                }
            }
            engine.cleanUp();
        }
        BenchReport report = new BenchReport("fx-burst");
        Stats ours = report.sideBySide("watched", "worst FX wait, session watching", watched, "alone", "worst FX wait, no session",
                alone)[0];
        report.line(String.format("goal: worst wait <= 100 ms: %s (median %.1f ms)", ours.p50() <= 100 ? "met" : "NOT met",
                ours.p50()));
        report.finish();
    }
}
