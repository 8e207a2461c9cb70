package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EngineFactsTest {

    private static EngineFacts running(String operatingSystem) {
        return new EngineFacts("id", "node1", "20.10.24", "1.41", operatingSystem, "x86_64", "6.1.0", 2, 1L << 30, "overlay2",
                "inactive");
    }

    @Test
    void theSystemIsNamedAsTheEngineNamesIt() {
        assertEquals("Debian GNU/Linux 12 (bookworm) · x86_64 · kernel 6.1.0", running("Debian GNU/Linux 12 (bookworm)").systemText());
    }

    @Test
    void anEngineInAnImageWithNoOsReleaseIsNotShownWithABlankName() {
        // what a DinD host's engine says of itself: " (containerized)"
        assertEquals("unnamed Linux (containerized) · x86_64 · kernel 6.1.0", running(" (containerized)").systemText());
        assertEquals("unnamed Linux · x86_64 · kernel 6.1.0", running("").systemText());
    }
}
