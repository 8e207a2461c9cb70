package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the lab editor offers where the caret is: the schema's keys there, the file's own names, a key's choices. */
class LabCompletionsTest {

    private static final String LAB = """
            name: shop
            hosts:
              - name: front
              - {name: data, provider: simulated}
            networks:
              - {name: web, host: front}
            volumes:
              - name: pgdata
                host: data
            containers:
              - name: db
                host: data
                image: postgres:16
                healthcheck:
                  test: [CMD, true]
              - name: api
                image: shop/api
            """;

    /** The candidates at the place of "|" in the text. */
    private static LabCompletions.Completion at(String withCaret) {
        int caret = withCaret.indexOf('|');
        return LabCompletions.at(withCaret.replace("|", ""), caret);
    }

    @Test
    void keysAreTheSchemasAtThatPlace() {
        var top = at(LAB + "sw|");
        assertEquals(List.of("swarm: "), top.candidates());
        assertEquals(LAB.length(), top.from(), "replaces what was typed of the key");
        var container = at(LAB + "    re|");
        assertEquals(List.of("replicas: ", "restart: "), container.candidates());
        var health = at(LAB.replace("      test: [CMD, true]\n", "      test: [CMD, true]\n      ret|\n"));
        assertEquals(List.of("retries: "), health.candidates(), "inside a healthcheck, its keys");
        var newItem = at(LAB + "  - wa|");
        assertEquals(List.of("wait_for: "), newItem.candidates(), "the first key of a new container");
        var host = at("hosts:\n  - name: n1\n    pro|");
        assertEquals(List.of("provider: "), host.candidates());
    }

    @Test
    void referencesOfferTheNamesTheFileDeclaresAndChoicesTheirValues() {
        assertEquals(List.of("front", "data"), at(LAB + "    host: |").candidates());
        assertEquals(List.of("data"), at(LAB + "    host: d|").candidates());
        assertEquals(List.of("db", "api"), at(LAB + "    depends_on: [|").candidates());
        assertEquals(List.of("api"), at(LAB + "    depends_on: [db, a|").candidates(), "after the names already listed");
        assertEquals(List.of("db", "api"), at(LAB + "    volumes_from:\n      - |").candidates(), "a list's items");
        assertEquals(List.of("web"), at(LAB + "    networks: [|").candidates());
        assertEquals(List.of("simulated", "docker-machine", "existing"), at("hosts:\n  - name: n1\n    provider: |").candidates());
        assertEquals(List.of("unless-stopped"), at(LAB + "    restart: u|").candidates());
        assertTrue(at(LAB + "    image: |").candidates().containsAll(List.of("postgres:16", "shop/api")));
        assertEquals(List.of("pgdata:"), at(LAB + "    volumes:\n      - |").candidates(), "a container's mount starts with a volume");
        assertEquals(List.of("pgdata:"), at(LAB + "    volumes: [p|").candidates());
        assertEquals(List.of("name: "), at(LAB.replace("volumes:\n", "volumes:\n  - na|\n")).candidates(),
                "the lab's own volumes list is of objects: keys");
        assertEquals(List.of(), at(LAB + "    command: [sh, |").candidates(), "nothing known: nothing offered");
    }
}
