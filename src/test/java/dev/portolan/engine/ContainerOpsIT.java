package dev.portolan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContainerOpsIT extends EngineTest {

    private static ContainerOps ops;

    @BeforeAll
    static void connect() {
        ops = new ContainerOps(engine.clients());
    }

    @Test
    void execReturnsOutputAndExitCode() throws InterruptedException {
        String id = engine.runSleeper(TestEngine.uniqueName("exec"));
        var ok = ops.exec(id, List.of("cat", "/var/www/index.html"), Duration.ofSeconds(10));
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("Hello from Portolan"), ok.output());
        assertFalse(ok.timedOut());
        var failed = ops.exec(id, List.of("sh", "-c", "echo oops >&2; exit 3"), Duration.ofSeconds(10));
        assertEquals(3, failed.exitCode());
        assertEquals("oops\n", failed.output());
    }

    @Test
    void aVanishedContainerIsWordedForPeople() {
        var error = assertThrows(NotFoundException.class, () -> ops.start("no-such-container-for-portolan"));
        String message = EngineErrors.action("Start web", error);
        assertTrue(message.startsWith("Start web failed: No such container"), message);
        assertTrue(message.endsWith("It may have been removed meanwhile."), message);
    }

    @Test
    void runRefusesAMissingImageClearly() {
        var spec = new RunSpec("portolan-test/no-such-image", "", List.of(), List.of(), List.of(), List.of(), null, null);
        var error = assertThrows(InvalidInputException.class, () -> new ContainerRunner(engine.docker()).run(spec));
        assertTrue(error.getMessage().contains("is not on this host"), error.getMessage());
    }
}
