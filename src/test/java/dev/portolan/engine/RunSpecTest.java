package dev.portolan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunSpecTest {

    @Test
    void goodInputHasNoProblems() {
        assertEquals(List.of(), RunSpec.problems("portolan-test/busybox", "web", List.of("A=1", "B="),
                List.of("8080:80", "127.0.0.1:5432:5432", "53:53/udp"), List.of("data:/data", "/tmp:/host:ro"), "always"));
        var spec = new RunSpec("img", "", List.of(), List.of(), List.of("127.0.0.1:8080:80/udp"), List.of(), null, null);
        assertEquals(List.of(new RunSpec.Port("127.0.0.1", 8080, 80, "udp")), spec.parsedPorts());
    }

    @Test
    void eachBadFieldIsNamedWithAGoodExample() {
        List<String> problems = RunSpec.problems("", "-bad name", List.of("no equals"), List.of("80", "99999:80"),
                List.of("data"), "sometimes");
        assertEquals(7, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Image:"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("'80' should look like 8080:80")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("above 65535")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("Restart: 'sometimes'")));
        assertThrows(InvalidInputException.class,
                () -> new RunSpec("", null, List.of(), List.of(), List.of(), List.of(), null, null));
    }

    @Test
    void commandsSplitLikeAShell() {
        assertEquals(List.of("sh", "-c", "echo hello world"), RunSpec.splitCommand("sh -c 'echo hello world'"));
        assertEquals(List.of("a", "", "b"), RunSpec.splitCommand("a \"\" b"));
        assertThrows(InvalidInputException.class, () -> RunSpec.splitCommand("echo 'open"));
    }
}
