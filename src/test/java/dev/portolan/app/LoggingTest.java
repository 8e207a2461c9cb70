package dev.portolan.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingTest {

    @Test
    void onlyTheNewestRunLogsStayAndNothingElseInTheFolderIsTouched(@TempDir Path folder) throws Exception {
        for (String name : List.of("portolan-20261130-235959.log", "portolan-20261201-080000.log",
                "portolan-20261202-101010.log", "portolan-20261202-111111.log", "notes.txt", "portolan-crash.log")) {
            Files.writeString(folder.resolve(name), "x");
        }
        Logging.removeOldRunLogs(folder, 2);
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("notes.txt", "portolan-20261202-101010.log", "portolan-20261202-111111.log", "portolan-crash.log"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFolderThatCannotBeReadIsLeftAlone(@TempDir Path folder) {
        // logging must never stop a run
        assertDoesNotThrow(() -> Logging.removeOldRunLogs(folder.resolve("missing"), 2));
    }
}
