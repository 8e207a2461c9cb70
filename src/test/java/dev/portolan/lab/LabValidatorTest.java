package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator itself, on specs as Jackson reads them: each finding at its JSON pointer, with what was expected. */
class LabValidatorTest {

    private static List<LabValidator.Finding> check(String yaml) throws Exception {
        return LabValidator.check(new ObjectMapper(new YAMLFactory()).readValue(yaml, LabSpec.class));
    }

    @Test
    void aSoundLabHasNoFindings() throws Exception {
        assertEquals(List.of(), check("""
                name: demo
                hosts: [{name: web}, {name: data}]
                networks: [{name: backend, host: data}]
                containers:
                  - {name: db, host: data, image: busybox, networks: [backend], restart: unless-stopped}
                  - {name: web, host: web, image: busybox, depends_on: [db]}
                """));
    }

    @Test
    void eachProblemIsFoundAtItsPointer() throws Exception {
        List<LabValidator.Finding> found = check("""
                name: Demo
                hosts: [{name: web}, {name: web}]
                containers:
                  - {name: db, host: nowhere, image: busybox}
                  - {name: app, host: web, depends_on: [app]}
                """);
        List<String> pointers = found.stream().map(LabValidator.Finding::pointer).toList();
        assertTrue(pointers.contains("/name"), found.toString());
        assertTrue(pointers.contains("/hosts/1/name"), found.toString());
        assertTrue(pointers.contains("/containers/0/host"), found.toString());
        assertTrue(pointers.contains("/containers/1/image"), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.message().contains("cycle") || f.message().contains("itself")), found.toString());
    }

    @Test
    void anExistingHostInASwarmNeedsTheAddressTheOthersReachItAt() throws Exception {
        String lab = """
                name: mixed
                hosts:
                  - {name: node1}
                  - {name: server, provider: existing, endpoint: "ssh://deploy@server"%s}
                swarm: {managers: [node1], workers: [server]}
                """;
        List<LabValidator.Finding> found = check(lab.formatted(""));
        assertTrue(found.stream().anyMatch(f -> f.pointer().equals("/swarm/workers/0")
                && f.message().contains("give it address:")), found.toString());
        assertEquals(List.of(), check(lab.formatted(", address: 10.0.0.5")));
    }
}
