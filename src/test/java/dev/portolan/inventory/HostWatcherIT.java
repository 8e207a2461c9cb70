package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.HealthCheck;
import dev.portolan.inventory.ContainerInfo.State;
import dev.portolan.testing.ContainerBurst;
import dev.portolan.testing.EngineProxy;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
        ContainerBurst.run(engine, "burst");
        Eventually.within(Duration.ofSeconds(5), "the burst's events are heard", () -> host.events.size() >= 490,
                () -> host.events.size() + " heard");
        HostInventory fresh = new InventoryReader(engine.docker()).readAll();
        Eventually.within(Duration.ofSeconds(5), "the watcher's containers equal a fresh snapshot",
                () -> host.latest.containers().equals(fresh.containers()),
                () -> "watcher has " + host.latest.containers().size() + ", engine " + fresh.containers().size());
        assertEquals(ContainerBurst.LEFT, fresh.containers().values().stream().filter(c -> c.name().startsWith("burst")).count());
        assertTrue(fresh.containers().values().stream().filter(c -> c.name().startsWith("burst")).allMatch(c -> c.name().endsWith("-renamed")),
                "every rename is followed");
        assertEquals(fresh.networks(), host.latest.networks());
        assertEquals(fresh.volumes(), host.latest.volumes());
        assertEquals(fresh.images().keySet(), host.latest.images().keySet());
    }

    @Test
    void aHealthChecksProbesAreToldFromTheFirstEventHeard() {
        // a check every 10 ms: probes run while the watcher subscribes and reads its first inventory
        String id = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(TestEngine.uniqueName("probed"))
                .withLabels(java.util.Map.of(TestEngine.LABEL, "true")).withCmd(TestEngine.SLEEPER).withStopTimeout(1)
                .withHealthcheck(new HealthCheck().withTest(List.of("CMD-SHELL", "true")).withInterval(10_000_000L))
                .exec().getId();
        engine.docker().startContainerCmd(id).exec();
        RecordingListener host = watch(engine.endpoint());
        Eventually.within(Duration.ofSeconds(10), "probes are heard", () -> execs(host, id, "exec_die").size() >= 10);

        List<EngineEvent> begun = new ArrayList<>(execs(host, id, "exec_create"));
        begun.addAll(execs(host, id, "exec_start"));
        assertTrue(begun.stream().allMatch(EngineEvent::isHealthCheck), "every probe's start is marked: " + begun);
        Set<String> seenBegin = begun.stream().map(e -> e.attributes().get("execID")).collect(Collectors.toSet());
        List<EngineEvent> ended = execs(host, id, "exec_die").stream()
                .filter(e -> seenBegin.contains(e.attributes().get("execID"))).toList();
        assertTrue(ended.size() >= 5 && ended.stream().allMatch(EngineEvent::isHealthCheck), "every probe's end is marked: " + ended);
    }

    private static List<EngineEvent> execs(RecordingListener host, String container, String verb) {
        return host.events.stream().filter(e -> e.id().equals(container) && e.verb().equals(verb)).toList();
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

    @Test
    void whatHappenedJustBeforeTheWatchBeganIsHeardAndTheInventoryIsStillToday() throws Exception {
        String id = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(TestEngine.uniqueName("before"))
                .withLabels(java.util.Map.of(TestEngine.LABEL, "true")).withCmd("sh", "-c", "exit 3").exec().getId();
        engine.docker().startContainerCmd(id).exec();
        engine.docker().waitContainerCmd(id).start().awaitStatusCode(10, java.util.concurrent.TimeUnit.SECONDS);

        RecordingListener host = watch(engine.endpoint());
        Eventually.within(TWO_SECONDS, "its death, before the watch, is heard (nothing from before was)",
                () -> host.events.stream().anyMatch(e -> e.id().equals(id) && e.verb().equals("die")));
        assertEquals(List.of("create", "start", "die"), host.events.stream().filter(e -> e.id().equals(id))
                .map(EngineEvent::verb).filter(v -> List.of("create", "start", "die").contains(v)).toList(), "in the order they came");
        assertEquals(State.EXITED, host.container(id).orElseThrow().state(), "the picture is the engine's of now");
    }

    @Test
    void whatALostConnectionMissedIsHeardOnceItIsBack() throws Exception {
        EngineProxy proxy = new EngineProxy(engine.endpoint());
        closeAfter.add(proxy);
        RecordingListener host = watch(proxy.endpoint("blip"));
        String before = engine.create(TestEngine.uniqueName("heard"));
        Eventually.within(TWO_SECONDS, "an event before the cut is heard", () -> host.events.stream().anyMatch(e -> e.id().equals(before)));

        proxy.cut();
        Eventually.within(TWO_SECONDS, "the host is lost", () -> host.status instanceof HostStatus.Lost);
        String missed = engine.create(TestEngine.uniqueName("missed"));
        engine.docker().removeContainerCmd(missed).exec();
        proxy.resume();

        Eventually.within(Duration.ofSeconds(10), "what happened while it was lost is heard (it was lost for good before)",
                () -> host.events.stream().anyMatch(e -> e.id().equals(missed) && e.verb().equals("destroy")));
        assertEquals(List.of("create", "destroy"), host.events.stream().filter(e -> e.id().equals(missed)).map(EngineEvent::verb).toList());
        assertEquals(1, host.events.stream().filter(e -> e.id().equals(before) && e.verb().equals("create")).count(),
                "what was heard before the cut is not heard twice");
    }
}
