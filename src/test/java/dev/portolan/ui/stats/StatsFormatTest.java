package dev.portolan.ui.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portolan.inventory.ContainerStats;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsFormatTest {

    @Test
    void theDetailsLinesWrapBetweenPhrasesNeverInsideOne() {
        var stats = new ContainerStats(Instant.EPOCH, 12.5, 659_000, 25_300_000_000L, 2000, 0, 0, 512);
        String full = StatsFormat.full(stats);
        // the places a line may break: the spaces left, around the separators
        List<String> phrases = List.of(full.replace('\u00a0', '_').split("\n| · | (?=write)"));
        assertEquals(List.of("CPU_13%", "memory_659_KB_of_25.3_GB", "Network_↓2.0_KB/s_↑0_B/s", "disk_read_0_B/s", "write_512_B/s"),
                phrases, "a number and its unit stay together (\"25.3\" and \"GB\" were split over two lines)");
    }
}
