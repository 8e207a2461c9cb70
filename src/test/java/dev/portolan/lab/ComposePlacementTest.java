package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Spread over hosts, services that talk to each other stay together, and the lab file says why. */
class ComposePlacementTest {

    private static final String STACK = """
            services:
              web:
                image: nginx
                depends_on: [api]
              api:
                image: api
                environment: ["DB_URL=postgres://db:5432/app", "CACHE=none"]
              db:
                image: postgres
              worker:
                image: worker
                networks: [jobs]
              queue:
                image: rabbitmq
                networks: [jobs]
              lonely:
                image: busybox
            networks:
              jobs: {}
            """;

    @Test
    void servicesThatTalkStayTogetherAndTheGroupsSpreadOverTheHosts() {
        var read = ComposeReader.readText(STACK, "compose.yaml", new ComposeReader.Options(null, Set.of(), Map.of()));
        var placement = ComposePlacement.place(read.compose().path("services"), List.of("node1", "node2"));
        Map<String, String> hostOf = placement.hostOf();
        assertEquals(hostOf.get("web"), hostOf.get("api"), "web depends on api");
        assertEquals(hostOf.get("api"), hostOf.get("db"), "api names db in its environment");
        assertEquals(hostOf.get("worker"), hostOf.get("queue"), "they share the network jobs");
        assertTrue(!hostOf.get("web").equals(hostOf.get("worker")), "the two groups go to different hosts: " + hostOf);
        assertEquals(hostOf.get("worker"), hostOf.get("lonely"), "the smaller host takes the service that talks to none");
        String node1 = placement.reasons().getFirst();
        assertTrue(node1.startsWith("node1: web, api, db (web depends on api, api names db in its environment)"), node1);

        var result = ComposeImport.convert(read, "stack", 2);
        assertTrue(result.labYaml().contains("# Placement: services that talk to each other stay on one host"), result.labYaml());
        LabSpec lab = LabFile.parse(result.labYaml(), "stack.yaml");
        assertEquals(2, lab.hosts().size());
    }

    @Test
    void whenEverythingTalksOneHostHoldsItAllAndTheOtherSaysWhyItIsEmpty() {
        var read = ComposeReader.readText("services:\n  a: {image: x, depends_on: [b]}\n  b: {image: y}\n", "c.yaml",
                new ComposeReader.Options(null, Set.of(), Map.of()));
        var placement = ComposePlacement.place(read.compose().path("services"), List.of("node1", "node2"));
        assertEquals(Map.of("a", "node1", "b", "node1"), placement.hostOf());
        assertTrue(placement.reasons().get(1).startsWith("node2: nothing"), placement.reasons().toString());
    }

    @Test
    void aSettingNamesAServiceOnlyAsAWholeHostName() {
        assertTrue(ComposePlacement.mentions("db", "db"));
        assertTrue(ComposePlacement.mentions("http://api:8080/v1", "api"));
        assertTrue(ComposePlacement.mentions("DB_HOST=db", "db"));
        assertFalse(ComposePlacement.mentions("dbx:5432", "db"));
        assertFalse(ComposePlacement.mentions("my-db", "db"));
        assertFalse(ComposePlacement.mentions("db_name", "db"));
    }
}
