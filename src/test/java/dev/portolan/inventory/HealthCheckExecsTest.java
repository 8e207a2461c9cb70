package dev.portolan.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A health check's probes are told from a person's execs by the command the inventory read, and exec_die by its exec id. */
class HealthCheckExecsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String healthCheck(String config) throws Exception {
        return ContainerJson.healthCheck(JSON.readTree(config));
    }

    @Test
    void theCommandIsNamedAsTheEngineNamesItInItsExecEvents() throws Exception {
        assertEquals("/bin/sh -c pg_isready -U app", healthCheck("{\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"pg_isready -U app\"]}}"));
        assertEquals("curl -f http://localhost/", healthCheck("{\"Healthcheck\":{\"Test\":[\"CMD\",\"curl\",\"-f\",\"http://localhost/\"]}}"));
        assertEquals("/bin/bash -o pipefail -c true",
                healthCheck("{\"Shell\":[\"/bin/bash\",\"-o\",\"pipefail\",\"-c\"],\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"]}}"));
        assertEquals("", healthCheck("{\"Healthcheck\":{\"Test\":[\"NONE\"]}}"), "a check switched off");
        assertEquals("", healthCheck("{}"), "no check");
    }

    @Test
    void aProbesThreeEventsAreMarkedAndAPersonsExecIsNot() {
        ContainerInfo db = new ContainerInfo("db-id", "db", "postgres", "sha256:1", "postgres", ContainerInfo.State.RUNNING,
                ContainerInfo.Health.HEALTHY, "/bin/sh -c pg_isready", 0, 0, false, List.of(), List.of(), List.of(), Map.of(), null, null);
        HostInventory inventory = new HostInventory(null, Map.of(db.id(), db), Map.of(), Map.of(), Map.of());
        HealthCheckExecs probes = new HealthCheckExecs();

        List<EngineEvent> probe = List.of(exec("exec_create: /bin/sh -c pg_isready", "e1", Map.of()),
                exec("exec_start: /bin/sh -c pg_isready", "e1", Map.of()), exec("exec_die", "e1", Map.of("exitCode", "0")));
        for (EngineEvent e : probe) assertTrue(probes.marked(e, inventory).isHealthCheck(), e.action());

        List<EngineEvent> person = List.of(exec("exec_create: /bin/sh -c psql", "e2", Map.of()),
                exec("exec_start: /bin/sh -c psql", "e2", Map.of()), exec("exec_die", "e2", Map.of("exitCode", "0")));
        for (EngineEvent e : person) assertFalse(probes.marked(e, inventory).isHealthCheck(), e.action());

        assertFalse(probes.marked(exec("exec_create: /bin/sh -c pg_isready", "e3", Map.of()), null).isHealthCheck(),
                "before the inventory is read nothing is known");
        EngineEvent died = exec("exec_die", "e1", Map.of("exitCode", "0"));
        assertFalse(probes.marked(died, inventory).isHealthCheck(), "a probe's end is marked once");

        EventFilter hide = new EventFilter(null, null, null, null, null, false, true);
        EngineEvent verdict = EventLogTest.event("local", 5, "container", "health_status: unhealthy", "db-id", "db", Map.of());
        assertTrue(hide.test(verdict), "its verdict stays");
        assertFalse(hide.test(probes.marked(exec("exec_create: /bin/sh -c pg_isready", "e4", Map.of()), inventory)));
        assertTrue(hide.test(person.getFirst()));
    }

    private static EngineEvent exec(String action, String execId, Map<String, String> more) {
        Map<String, String> attributes = new java.util.HashMap<>(more);
        attributes.put("execID", execId);
        return EventLogTest.event("local", 1, "container", action, "db-id", "db", attributes);
    }
}
