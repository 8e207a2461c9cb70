package dev.portolan.ui.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");

    private static String ago(Duration before) {
        return Formats.ago(NOW.minus(before), NOW);
    }

    @Test
    void timesAreSaidAsPeopleSayThem() {
        assertEquals("just now", ago(Duration.ofSeconds(59)));
        assertEquals("5 min ago", ago(Duration.ofMinutes(5)));
        assertEquals("47 h ago", ago(Duration.ofHours(47)));
        assertEquals("59 days ago", ago(Duration.ofDays(59)));
        assertEquals("2 months ago", ago(Duration.ofDays(61)));
        assertEquals("23 months ago", ago(Duration.ofDays(729)));
        assertEquals("56 years ago", Formats.ago(Instant.EPOCH, NOW), "a reproducible build's date");
    }

    @Test
    void theEnginesZeroTimeIsNoDate() {
        // an image made by `docker import` of a file with no date, or Portolan's helper: 0001-01-01T00:00:00Z
        assertEquals("no date", Formats.ago(Instant.parse("0001-01-01T00:00:00Z"), NOW), "not '739952 days ago'");
        assertEquals("no date", Formats.ago(null, NOW));
    }
}
