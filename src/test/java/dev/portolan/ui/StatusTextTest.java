package dev.portolan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portolan.inventory.HostStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusTextTest {

    @Test
    void statusesReadAsPeopleSayThem() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals("live", StatusText.status(new HostStatus.Live(now), now));
        assertEquals("connecting…", StatusText.status(new HostStatus.Connecting(now, 1), now));
        assertEquals("lost — retrying in 4 s",
                StatusText.status(new HostStatus.Lost(now, "x", now.plusSeconds(4)), now));
        assertEquals("lost — retrying now", StatusText.status(new HostStatus.Lost(now, "x", now), now));
    }

    @Test
    void aHostThatCannotActSaysWhatToDo() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals("web-db/web is stopped: start it first (right-click it in Hosts ▸ Start).",
                StatusText.unavailable("web-db/web", new HostStatus.Offline(now, "stopped")));
        assertEquals("n1 is not connected: wait until it shows as live, or press Retry now on its page.",
                StatusText.unavailable("n1", new HostStatus.Lost(now, "refused", now.plusSeconds(2))));
        assertEquals("n1 was removed.", StatusText.unavailable("n1", new HostStatus.Offline(now, "removed")));
        assertEquals("n1 is still being made: wait until it shows as live.",
                StatusText.unavailable("n1", new HostStatus.Creating(now, "starting its engine")));
    }

    @Test
    void sizesUseDecimalUnits() {
        assertEquals("999 B", StatusText.bytes(999));
        assertEquals("1.5 KB", StatusText.bytes(1500));
        assertEquals("4.4 MB", StatusText.bytes(4_400_000));
        assertEquals("250 GB", StatusText.bytes(250_000_000_000L));
        assertEquals("1 container", StatusText.plural(1, "container"));
        assertEquals("0 volumes", StatusText.plural(0, "volume"));
    }
}
