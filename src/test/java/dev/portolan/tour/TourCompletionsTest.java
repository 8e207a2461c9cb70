package dev.portolan.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.lab.LabCompletions;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Ctrl+Space offers in a tour file: the tour schema's keys where a key goes, the lab's names where a value names one. */
class TourCompletionsTest {

    private static final LabSpec LAB = LabFile.parse("""
            name: demo
            hosts: [{name: n1}, {name: n2}]
            networks: [{name: backend, host: n1}]
            volumes: [{name: data, host: n2}]
            containers:
              - {name: web, host: n1, image: busybox:1.36, replicas: 2}
              - {name: db, host: n2, image: busybox:1.36}
            faults:
              split:
                - cut: [n1, n2]
            """, "lab.yaml");

    private static List<String> at(String withCaret) {
        int caret = withCaret.indexOf('|');
        LabCompletions.Completion c = TourCompletions.over(LAB).complete(withCaret.replace("|", ""), caret);
        return c.candidates();
    }

    @Test
    void aStepsKeysAndItsActionsAreOffered() {
        assertEquals(List.of("summary: ", "steps: "), at("title: T\ns|"));
        assertEquals(List.of("say: ", "show: "), at("title: T\nsteps:\n  - title: A\n    s|"));
        List<String> actions = at("steps:\n  - title: A\n    do:\n      |");
        assertTrue(actions.containsAll(List.of("apply: ", "run: ", "stop: ", "exec: ", "fault: ", "shell: ")), actions.toString());
        assertEquals(List.of("running: ", "reaches: "), at("steps:\n  - title: A\n    check:\n      r|"));
    }

    @Test
    void whereAValueNamesSomethingTheLabsNamesAreOffered() {
        assertEquals(List.of("web-1", "web-2"), at("steps:\n  - do:\n      stop: w|"));
        assertEquals(List.of("db", "tool"), at("steps:\n  - do:\n      run: {host: n2, name: tool}\n  - do:\n      remove: |")
                .stream().filter(n -> !n.startsWith("web")).toList());
        assertEquals(List.of("split"), at("steps:\n  - do:\n      fault: |"));
        assertEquals(List.of("data"), at("steps:\n  - check:\n      volumes:\n        - |"));
        assertTrue(at("template: |").contains("web-db.yaml"));
    }
}
