package dev.portolan.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.InventoryReader;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.FxWatchdog;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FX-side model of a host under a burst: correct at the end, and the FX thread never stalls. */
class HostSessionIT extends EngineTest {

    @BeforeAll
    static void start() {
        FxThread.startToolkit();
    }

    @Test
    void aBurstOf500EventsEndsEqualToTheEngineWithoutStallingTheFxThread() throws Exception {
        try (HostSession session = HostSession.watch(engine.endpoint())) {
            HostModel model = session.model();
            Eventually.within(Duration.ofSeconds(10), "the host is live", () -> FxThread.get(model::isLive));
            double worst;
            try (FxWatchdog watchdog = new FxWatchdog(); ExecutorService parallel = Executors.newFixedThreadPool(3)) {
                for (int i = 0; i < 100; i++) {
                    int n = i;
                    parallel.submit(() -> {
                        String id = engine.create(TestEngine.uniqueName("fx-burst" + n));
                        engine.docker().startContainerCmd(id).exec();
                        if (n % 2 == 0) engine.docker().killContainerCmd(id).exec();
                        if (n % 4 == 0) engine.docker().removeContainerCmd(id).withForce(true).exec();
                        return null;
                    });
                }
                parallel.shutdown();
                parallel.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
                // a fresh snapshot each time: `docker kill` returns before the container has died, so
                // one read once may itself be older than the last events
                Eventually.within(Duration.ofSeconds(5), "the FX list equals a fresh snapshot", () -> {
                    HostInventory fresh = new InventoryReader(engine.docker()).readAll();
                    return FxThread.get(() -> new HashSet<>(model.containers()).equals(new HashSet<>(fresh.containers().values())));
                });
                worst = watchdog.worstMillis();
            }
            int size = FxThread.get(() -> model.containers().size());
            assertEquals(size, FxThread.get(() -> new HashSet<>(model.containers().stream().map(ContainerInfo::id).toList()).size()),
                    "no container twice");
            System.out.printf("FX thread: worst wait %.1f ms during the burst%n", worst);
            assertTrue(worst < 100, "the FX thread stalled for " + worst + " ms");
        }
    }
}
