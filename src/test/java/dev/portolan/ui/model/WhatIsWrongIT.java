package dev.portolan.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.portolan.host.HostKey;
import dev.portolan.inventory.EngineEvent;
import dev.portolan.inventory.EventLog;
import dev.portolan.inventory.LastWords;
import dev.portolan.inventory.Trouble;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What is wrong with a container, as the host's model works it out from the real engine's
 * state and events: a restart loop, a non-zero exit with the lines it printed before dying,
 * an OOM kill (a memory limit and a program that allocates), a failed health check; and no
 * trouble for a container someone stopped. One watched session for the class.
 */
class WhatIsWrongIT extends EngineTest {

    private static final EventLog events = new EventLog();
    private static HostSession session;

    @BeforeAll
    static void watch() {
        FxThread.startToolkit();
        HostModel model = new HostModel(HostKey.endpoint("local"), "test", engine.endpoint());
        session = HostSession.watch(model, engine.endpoint(), events);
        Eventually.within(Duration.ofSeconds(10), "the host is live", () -> FxThread.get(session.model()::isLive));
    }

    @AfterAll
    static void unwatch() {
        session.close();
    }

    private static String run(String name, HostConfig config, HealthCheck health, String script) {
        var create = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(TestEngine.uniqueName(name))
                .withLabels(Map.of(TestEngine.LABEL, "true")).withCmd("sh", "-c", script).withHostConfig(config)
                .withStopTimeout(1);
        if (health != null) create = create.withHealthcheck(health);
        String id = create.exec().getId();
        engine.docker().startContainerCmd(id).exec();
        return id;
    }

    private static List<Trouble> troubles(String id) {
        return FxThread.get(() -> session.model().troublesOf(id));
    }

    private static boolean has(String id, Trouble.Kind kind) {
        return troubles(id).stream().anyMatch(t -> t.kind() == kind);
    }

    private static Optional<LastWords.Words> lastWords(String id) {
        return session.model().lastWords().of(id);
    }

    @Test
    void aContainerThatKeepsDyingIsARestartLoopAndItsLastWordsAreKept() {
        String id = run("looping", HostConfig.newHostConfig().withRestartPolicy(RestartPolicy.alwaysRestart()), null,
                "echo 'cannot reach db:5432'; exit 3");
        // the engine's back-off is 100 ms, doubled each time: three deaths come within about a second
        Eventually.within(Duration.ofSeconds(20), "a restart loop is seen", () -> has(id, Trouble.Kind.RESTART_LOOP));
        Trouble loop = troubles(id).stream().filter(t -> t.kind() == Trouble.Kind.RESTART_LOOP).findFirst().orElseThrow();
        assertTrue(loop.tag().startsWith("restart loop ×"), loop.tag());
        Eventually.within(Duration.ofSeconds(5), "its last words are kept", () -> lastWords(id).isPresent());
        LastWords.Words words = lastWords(id).orElseThrow();
        assertEquals(3, words.exitCode());
        assertTrue(words.lines().contains("cannot reach db:5432"), words.lines().toString());
        assertTrue(session.model().troubleTracker().recentDeaths(id, java.time.Instant.now()) >= 3);
    }

    @Test
    void aNonZeroExitIsMarkedWithWhatItMeansAndItsLastLines() {
        // the engine stamps each stream's lines as it reads them: lines of the two streams a few microseconds apart
        // may be stamped either way round, so these are a tenth of a second apart
        String id = run("typo", HostConfig.newHostConfig(), null,
                "echo 'starting'; sleep 0.1; echo 'no such file: /etc/app.conf' >&2; exit 127");
        Eventually.within(Duration.ofSeconds(10), "exit 127 is marked", () -> has(id, Trouble.Kind.EXITED));
        Trouble exit = troubles(id).getFirst();
        assertEquals("exit 127", exit.tag());
        assertTrue(exit.why().contains("not found"), exit.why());
        Eventually.within(Duration.ofSeconds(5), "its last words are kept", () -> lastWords(id).isPresent());
        assertEquals(List.of("starting", "no such file: /etc/app.conf"), lastWords(id).orElseThrow().lines());
    }

    @Test
    void anOomKillIsShownAsAnObservation() {
        String id = oomKilledByTheEngine();
        // when it is not marked, say what the engine says of it: not killed at all, killed without the flag, or marked late
        Eventually.within(Duration.ofSeconds(20), "the OOM kill is marked", () -> has(id, Trouble.Kind.OOM_KILLED), () -> {
            var state = engine.docker().inspectContainerCmd(id).exec().getState();
            return "(marked: " + troubles(id) + "; the engine says: " + state.getStatus() + ", exit " + state.getExitCodeLong()
                    + ", OOMKilled " + state.getOOMKilled() + "; events: " + eventsOf(id) + ")";
        });
        List<Trouble> now = troubles(id);
        assertEquals(Trouble.Kind.OOM_KILLED, now.getFirst().kind(), "the most telling first: " + now);
        assertTrue(now.getFirst().why().contains("any of its processes"), "said as an observation: " + now.getFirst().why());
        assertTrue(now.stream().anyMatch(t -> t.tag().equals("exit 137")), now.toString());
        assertTrue(eventsOf(id).stream().anyMatch(e -> e.verb().equals("oom") && e.isProblem()),
                "the engine's oom event is in the log, a problem: " + eventsOf(id));
    }

    /**
     * A container the kernel killed for memory and the engine says so of. Under load this
     * engine (20.10) has once said "exit 137, OOMKilled false" with no oom event for such a
     * kill (CI, c1feeb8's successor): its own race between the exit and the OOM notice, about
     * which Portolan can know nothing. Such a container is not what this test is about: it
     * tries a new one, three times at most.
     */
    private static String oomKilledByTheEngine() {
        String said = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            // tail holds a line until its end: 200 MB of zeros without a newline, in 16 MB
            String id = run("hungry", HostConfig.newHostConfig().withMemory(16L << 20).withMemorySwap(16L << 20), null,
                    "echo allocating; head -c 200m /dev/zero | tail");
            Eventually.within(Duration.ofSeconds(20), "it is killed", () -> !engine.docker().inspectContainerCmd(id).exec()
                    .getState().getRunning());
            var state = engine.docker().inspectContainerCmd(id).exec().getState();
            if (Boolean.TRUE.equals(state.getOOMKilled())) return id;
            said += " try " + attempt + ": exit " + state.getExitCodeLong() + ", OOMKilled " + state.getOOMKilled() + ";";
        }
        throw new AssertionError("the engine flagged no OOM kill in three tries:" + said);
    }

    @Test
    void aFailingHealthCheckIsMarkedUnhealthy() {
        HealthCheck failing = new HealthCheck().withTest(List.of("CMD", "false")).withInterval(300_000_000L)
                .withRetries(1).withTimeout(1_000_000_000L);
        String id = run("sick", HostConfig.newHostConfig(), failing, "trap 'exit 0' TERM; sleep 3600 & wait");
        Eventually.within(Duration.ofSeconds(20), "unhealthy is marked", () -> has(id, Trouble.Kind.UNHEALTHY));
    }

    @Test
    void aContainerSomeoneStoppedIsNoTrouble() throws Exception {
        // busybox sleep as PID 1 ignores SIGTERM: the stop ends in SIGKILL, exit 137, as many real services do
        String id = run("stopped", HostConfig.newHostConfig(), null, "sleep 3600");
        Eventually.within(Duration.ofSeconds(10), "it runs", () -> FxThread.get(() -> session.model().inventory().containers()
                .get(id) != null && session.model().inventory().containers().get(id).isRunning()));
        engine.docker().stopContainerCmd(id).withTimeout(1).exec();
        Eventually.within(Duration.ofSeconds(10), "it has exited", () -> FxThread.get(() -> !session.model().inventory()
                .containers().get(id).isRunning()));
        assertTrue(FxThread.get(() -> session.model().inventory().containers().get(id).exitCode()) != 0, "a stop's exit code is not 0 here");
        assertFalse(has(id, Trouble.Kind.EXITED), "stopped on request, not a fault: " + troubles(id));
        assertFalse(has(id, Trouble.Kind.RESTART_LOOP));
    }

    private static List<EngineEvent> eventsOf(String id) {
        return events.all().stream().filter(e -> e.id().equals(id)).toList();
    }
}
