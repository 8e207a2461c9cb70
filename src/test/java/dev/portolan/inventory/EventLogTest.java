package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogTest {

    static EngineEvent event(String host, int second, String type, String action, String id, String name, Map<String, String> attributes) {
        return new EngineEvent(host, Instant.ofEpochSecond(1_800_000_000L + second, 123_456_789), type, action, id, name, attributes);
    }

    static EngineEvent die(String host, int second, String id, int exitCode) {
        return event(host, second, "container", "die", id, "c-" + id, Map.of("exitCode", Integer.toString(exitCode)));
    }

    @Test
    void keepsTheNewestUpToItsCapacityAndTellsAReaderWhatItMissed() {
        EventLog log = new EventLog(3);
        for (int i = 0; i < 5; i++) log.add(die("h", i, "c" + i, 0));
        assertEquals(3, log.size());
        assertEquals(List.of("c2", "c3", "c4"), log.all().stream().map(EngineEvent::id).toList());
        EventLog.Batch late = log.since(1);
        assertTrue(late.missed(), "events 1 and 2 fell off before it read them");
        assertEquals(5, late.upTo());
        EventLog.Batch current = log.since(4);
        assertFalse(current.missed());
        assertEquals(List.of("c4"), current.events().stream().map(EngineEvent::id).toList());
        assertTrue(log.since(5).events().isEmpty());
    }

    @Test
    void listenersHearEachEvent() {
        EventLog log = new EventLog();
        int[] heard = {0};
        Runnable listener = () -> heard[0]++;
        log.onAdded(listener);
        log.add(die("h", 1, "a", 0));
        log.removeListener(listener);
        log.add(die("h", 2, "b", 0));
        assertEquals(1, heard[0]);
    }

    @Test
    void jsonLinesRoundTripToTheNanosecond() throws Exception {
        List<EngineEvent> events = List.of(die("demo/node1", 1, "abc", 137),
                event("local", 2, "network", "connect", "net1", "backend", Map.of("container", "abc")));
        StringWriter out = new StringWriter();
        assertEquals(1, EventLog.writeJsonLines(events, e -> e.isContainer(), out));
        String line = out.toString().strip();
        assertTrue(line.contains("\"time\":\"2027-01-15T08:00:01.123456789Z\""), line);
        assertEquals(events.getFirst(), EventLog.fromJson(line));
    }

    @Test
    void theFilterNarrowsByEachFieldAndProblemsOnly() {
        EngineEvent crash = die("demo/node1", 1, "abc", 1);
        EngineEvent clean = die("demo/node2", 2, "def", 0);
        EngineEvent oom = event("local", 3, "container", "oom", "ghi", "hungry", Map.of());
        EngineEvent unhealthy = event("local", 4, "container", "health_status: unhealthy", "ghi", "hungry", Map.of());
        EngineEvent connect = event("local", 5, "network", "connect", "n1", "backend", Map.of("container", "ghi"));
        List<EngineEvent> all = List.of(crash, clean, oom, unhealthy, connect);
        assertEquals(List.of(crash, oom, unhealthy), filter(all, new EventFilter(null, null, null, null, null, true, false)));
        assertEquals(List.of(crash, clean), filter(all, new EventFilter(null, "demo", null, null, null, false, false)));
        assertEquals(List.of(clean), filter(all, new EventFilter("demo/node2", null, "", null, null, false, false)));
        assertEquals(List.of(unhealthy), filter(all, new EventFilter(null, null, null, null, "health_status", false, false)));
        assertEquals(List.of(oom, unhealthy, connect), filter(all, new EventFilter(null, null, "ghi", null, null, false, false)),
                "a network's event is about the container it names");
        assertEquals(List.of(connect), filter(all, new EventFilter(null, null, null, "network", null, false, false)));
        assertEquals(all, filter(all, EventFilter.ANY));
    }

    private static List<EngineEvent> filter(List<EngineEvent> all, EventFilter filter) {
        return all.stream().filter(filter).toList();
    }

    @Test
    void anEventSaysWhatHappenedInAFewWords() {
        assertEquals("died · exit 137", die("h", 1, "a", 137).text());
        assertEquals("exec ended · exit 1", event("h", 1, "container", "exec_die", "a", "x", Map.of("exitCode", "1")).text());
        assertEquals("health: unhealthy", event("h", 1, "container", "health_status: unhealthy", "a", "x", Map.of()).text());
        assertEquals("health_status", event("h", 1, "container", "health_status: healthy", "a", "x", Map.of()).verb());
        assertEquals("demo", die("demo/node1", 1, "a", 0).lab());
        assertEquals("", die("local", 1, "a", 0).lab());
        assertEquals("0123456789ab", event("h", 1, "image", "pull", "sha256:" + "0123456789ab".repeat(5) + "0123", "", Map.of()).subject());
    }
}
