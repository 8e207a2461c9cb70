package dev.portolan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

    @Test
    void readsTheEnginesTimestampsAsInstantParseDoes() {
        for (String text : new String[] {"2026-12-01T16:03:04.123456789Z", "2026-12-01T16:03:04.1Z", "2026-12-01T16:03:04Z",
                "1999-12-31T23:59:59.999999999Z", "2024-02-29T00:00:00.5Z", "2026-12-01T16:03:04.123+01:00"}) {
            assertEquals(Instant.parse(text), Rfc3339.parse(text), text);
        }
        assertNull(Rfc3339.parse("yesterday"));
        assertNull(Rfc3339.parse(null));
    }
}
