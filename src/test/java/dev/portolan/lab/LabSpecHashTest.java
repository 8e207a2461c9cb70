package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** A container's spec hash is what apply compares: fields a lab does not use must not change it. */
class LabSpecHashTest {

    private static LabSpec.Container web(String more) {
        String text = "name: h\nhosts: [{name: node1}]\ncontainers:\n"
                + "  - {name: web, image: busybox, command: [\"sleep\", \"1\"]" + more + "}\n";
        return LabFile.parse(text, "h.yaml").containers().getFirst();
    }

    @Test
    void aContainerWithoutTheProcessFieldsHashesAsBeforeThemAndOneWithThemDiffers() {
        // the JSON of the 13 fields a container had before user, entrypoint, limits...: labs written before keep their containers
        assertEquals("{\"name\":\"web\",\"host\":null,\"image\":\"busybox\",\"replicas\":1,\"command\":[\"sleep\",\"1\"],\"env\":{},"
                + "\"ports\":[],\"volumes\":[],\"networks\":[],\"restart\":null,\"healthcheck\":null,\"depends_on\":[],"
                + "\"volumes_from\":[]}", Labs.canonical(web("")));
        assertEquals(Labs.hash(web("")), Labs.hash(web(", cap_add: [], labels: {}")), "empty lists and maps hash as absent ones");
        assertNotEquals(Labs.hash(web("")), Labs.hash(web(", memory: 64MiB")), "a limit makes a new container");
    }
}
