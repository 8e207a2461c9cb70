package dev.portolan.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostKeyTest {

    @Test
    void everyKindIsReadBackAsItWasWritten() {
        for (HostKey key : List.of(HostKey.local(), HostKey.endpoint("prod"), HostKey.machine("vm1"),
                HostKey.simulated("demo", "node1"))) {
            assertEquals(key, HostKey.parse(key.id()), key.id());
        }
        assertEquals("demo/node1", HostKey.simulated("demo", "node1").displayName());
        assertEquals("prod", HostKey.endpoint("prod").displayName());
        assertEquals("demo", HostKey.simulated("demo", "node1").labName().orElseThrow());
    }

    @Test
    void whatIsNotAKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HostKey.parse("node1"));
        assertThrows(IllegalArgumentException.class, () -> HostKey.parse("demo/"));
        assertThrows(IllegalArgumentException.class, () -> new HostKey(HostKey.Kind.ENDPOINT, "lab", "x"));
    }
}
