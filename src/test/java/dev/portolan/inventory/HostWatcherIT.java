package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.inventory.ContainerInfo.State;
import dev.portolan.testing.EngineProxy;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostWatcherIT extends EngineTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @AfterEach
    void closeWatchers() throws Exception {
        for (AutoCloseable c : closeAfter.reversed()) c.close();
        engine.cleanUp();
    }

    private RecordingListener watch(dev.portolan.engine.EngineEndpoint endpoint) {
        RecordingListener listener = new RecordingListener();
        closeAfter.add(HostWatcher.start(endpoint, listener));
        Eventually.within(Duration.ofSeconds(10), "the host is live", listener::live);
        return listener;
    }

    @Test
    void containerLifecycleOutsideTheAppIsFollowedWithinTwoSeconds() {
        RecordingListener host = watch(engine.endpoint());
        String id = engine.create(TestEngine.uniqueName("follow"));
        Eventually.within(TWO_SECONDS, "the created container appears", () -> host.container(id).isPresent());
        assertEquals(State.CREATED, host.container(id).orElseThrow().state());

        engine.docker().startContainerCmd(id).exec();
        Eventually.within(TWO_SECONDS, "it is running",
                () -> host.container(id).map(ContainerInfo::isRunning).orElse(false));

        engine.docker().stopContainerCmd(id).withTimeout(1).exec();
        Eventually.within(TWO_SECONDS, "it has exited",
                () -> host.container(id).map(c -> c.state() == State.EXITED).orElse(false));

        engine.docker().removeContainerCmd(id).exec();
        Eventually.within(TWO_SECONDS, "it is gone", () -> host.container(id).isEmpty());
    }

    @Test
    void afterABurstOf500EventsTheInventoryEqualsAFreshSnapshot() throws Exception {
        RecordingListener host = watch(engine.endpoint());
        // 100 containers x (create, start, kill, die, destroy) = 500 events, ten at a time
        try (ExecutorService parallel = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                parallel.submit(() -> {
                    String id = engine.create(TestEngine.uniqueName("burst" + n));
                    engine.docker().startContainerCmd(id).exec();
                    if (n % 2 == 0) engine.docker().killContainerCmd(id).exec();
                    if (n % 4 == 0) engine.docker().removeContainerCmd(id).withForce(true).exec();
                    return null;
                });
            }
        }
        HostInventory fresh = new InventoryReader(engine.docker()).readAll();
        Eventually.within(Duration.ofSeconds(5), "the watcher's containers equal a fresh snapshot",
                () -> host.latest.containers().equals(fresh.containers()),
                () -> "watcher has " + host.latest.containers().size() + ", engine " + fresh.containers().size());
        assertEquals(75, fresh.containers().values().stream().filter(c -> c.name().startsWith("burst")).count());
        assertEquals(fresh.networks(), host.latest.networks());
        assertEquals(fresh.volumes(), host.latest.volumes());
        assertEquals(fresh.images().keySet(), host.latest.images().keySet());
    }

    @Test
    void aLostHostIsMarkedWithinTwoSecondsAndComesBackOnItsOwn() throws Exception {
        EngineProxy proxy = new EngineProxy(engine.endpoint());
        closeAfter.add(proxy);
        RecordingListener host = watch(proxy.endpoint("flaky"));

        proxy.cut();
        Duration lost = Eventually.within(TWO_SECONDS, "the host is marked lost",
                () -> host.status instanceof HostStatus.Lost);
        HostStatus.Lost why = assertInstanceOf(HostStatus.Lost.class, host.status);
        assertTrue(why.reason().contains("127.0.0.1"), "the reason names the address: " + why.reason());
        assertTrue(why.nextTry().isAfter(why.since()), "the next try is in the future");
        System.out.printf("lost host noticed after %d ms%n", lost.toMillis());

        proxy.resume();
        String id = engine.create(TestEngine.uniqueName("after-return"));
        Eventually.within(Duration.ofSeconds(5), "the host is live again with a fresh snapshot",
                () -> host.live() && host.container(id).isPresent());
    }

    @Test
    void oneLostHostDoesNotStallAnother() throws Exception {
        EngineProxy proxy = new EngineProxy(engine.endpoint());
        closeAfter.add(proxy);
        RecordingListener failing = watch(proxy.endpoint("failing"));
        RecordingListener healthy = watch(engine.endpoint());
        proxy.cut();
        String id = engine.runSleeper(TestEngine.uniqueName("still-seen"));
        Eventually.within(TWO_SECONDS, "the healthy host follows a start",
                () -> healthy.container(id).map(ContainerInfo::isRunning).orElse(false));
        Eventually.within(TWO_SECONDS, "the failing host is lost", () -> failing.status instanceof HostStatus.Lost);
    }
}
