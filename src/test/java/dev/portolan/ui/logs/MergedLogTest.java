package dev.portolan.ui.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.portolan.engine.LogLine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergedLogTest {

    private static MergedLog.Entry at(int millis, int source, String text) {
        return new MergedLog.Entry(Instant.ofEpochMilli(millis), source, text, false);
    }

    private static List<String> texts(MergedLog log) {
        return log.lines().stream().map(MergedLog.Entry::text).toList();
    }

    @Test
    void lateLinesLandAmongTheOthersOfTheirMomentAndTiesKeepTheirOrder() {
        MergedLog log = new MergedLog(List.of());
        assertFalse(log.drain(), "nothing arrived");
        log.add(at(0, 0, "a0"));
        log.add(at(400, 0, "a4"));
        log.drain();
        log.add(at(600, 1, "b6"));
        log.add(at(200, 1, "b2"));
        log.add(at(400, 1, "b4"));
        log.drain();
        assertEquals(List.of("a0", "b2", "a4", "b4", "b6"), texts(log));
        log.add(at(700, 0, "a7"));
        log.drain();
        assertEquals("a7", texts(log).getLast(), "a newer line is appended");
    }

    @Test
    void keepsTheNewestLinesOnly() {
        MergedLog log = new MergedLog(List.of());
        for (int i = 0; i < MergedLog.MAX_LINES + 10; i++) log.add(at(i, 0, "l" + i));
        log.drain();
        assertEquals(MergedLog.MAX_LINES, log.lines().size());
        assertEquals("l10", texts(log).getFirst());
    }

    @Test
    void anEngineTimestampIsReadAndALineWithoutOneKeptWhole() {
        LogLine stamped = LogLine.parse("2026-12-01T16:03:04.123456789Z GET / 200");
        assertEquals(Instant.parse("2026-12-01T16:03:04.123456789Z"), stamped.time());
        assertEquals("GET / 200", stamped.text());
        assertEquals(new LogLine(Instant.EPOCH, "plain line"), LogLine.parse("plain line"));
    }
}
