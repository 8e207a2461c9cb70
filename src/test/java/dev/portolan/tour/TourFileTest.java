package dev.portolan.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.lab.LabFileException;
import dev.portolan.lab.LabProblem;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TourFileTest {

    @TempDir
    Path folder;

    private static final String LAB = """
            name: demo
            hosts: [{name: n1}, {name: n2}]
            containers:
              - {name: web, host: n1, image: busybox:1.36}
              - {name: db, host: n2, image: busybox:1.36}
              - {name: api, host: n1, image: busybox:1.36, replicas: 2}
            faults:
              split:
                - cut: [n1, n2]
            """;

    private Tour parse(String tour) throws IOException {
        Files.writeString(folder.resolve("lab.yaml"), LAB);
        return TourFile.parse(tour, "t.tour.yaml", folder, "t");
    }

    private List<LabProblem> problems(String tour) {
        var e = assertThrows(LabFileException.class, () -> parse(tour));
        return e.problems();
    }

    @Test
    void everyShippedTourReadsAndFitsItsLab() {
        List<String> names = ShippedTours.names();
        assertTrue(names.size() >= 7, names.toString());
        for (String name : names) {
            Tour tour = ShippedTours.load(name);
            assertEquals(name, tour.name());
            assertTrue(!tour.steps().isEmpty() && tour.lab().name().startsWith("tour-"), name);
            // a learner can type every action
            for (int i = 0; i < tour.steps().size(); i++) {
                String command = TourCommands.of(tour, tour.names(), tour.steps().get(i).action());
                assertTrue(tour.steps().get(i).action() == null || !command.isBlank(), name + " step " + (i + 1));
            }
            // what the Tours menu says of it, read from its tour file alone
            ShippedTours.About about = ShippedTours.about(name);
            assertTrue(!about.title().equals(name), name + " has a title");
            assertEquals(new ShippedTours.About(tour.spec().title(), tour.spec().summary(), tour.spec().audience(),
                    tour.steps().size()), about);
            assertTrue(!about.summary().isBlank(), name + " says what it shows");
        }
    }

    @Test
    void aMistakeIsFoundAtItsLineAndColumnWithWhatWouldBeRight() {
        String tour = """
                title: T
                lab: lab.yaml
                steps:
                  - title: One
                    say: hello
                    do:
                      stop: nosuch
                  - title: Two
                    say: hi
                    do:
                      stop: web
                      kill: web
                    check:
                      running: [n3/web]
                """;
        List<LabProblem> p = problems(tour);
        assertEquals(4, p.size(), p.toString());
        assertEquals("t.tour.yaml:7:7: no container nosuch in the lab or made by the tour; name it as HOST/NAME, the hosts being n1, n2",
                p.get(0).toString());
        assertEquals(10, p.get(1).line(), p.toString());
        assertTrue(p.get(1).message().startsWith("do: exactly one of apply, run,") && p.get(1).message().endsWith("this step gives stop and kill"),
                p.get(1).message());
        assertTrue(p.get(2).toString().startsWith("t.tour.yaml:14:17: n3 is not a host of the lab demo (its hosts: n1, n2)"), p.toString());
        assertTrue(p.get(3).message().startsWith("hint: say what to try"), p.toString());
    }

    @Test
    void anUnknownKeyAndAWrongTypeAreSaidAsForLabFiles() {
        LabProblem unknown = problems("title: T\nlab: lab.yaml\nsteps:\n  - title: A\n    sai: x\n").getFirst();
        assertEquals("t.tour.yaml:5:5", unknown.file() + ":" + unknown.line() + ":" + unknown.column());
        assertTrue(unknown.message().startsWith("unknown key 'sai' at steps[0].sai; expected one of: check, do, hint, notes, say, show, title, within"),
                unknown.message());
        LabProblem type = problems("title: T\nlab: lab.yaml\nsteps:\n  - title: A\n    say: x\n    check:\n      running: web\n").getFirst();
        assertTrue(type.message().contains("expected a list"), type.message());
    }

    @Test
    void theHeaderNeedsATitleALabOrTemplateAndSteps() {
        List<LabProblem> p = assertThrows(LabFileException.class,
                () -> TourFile.parse("audience: x\ntemplate: nosuch.yaml\n", "t.yaml", folder, "t")).problems();
        assertEquals(List.of("title: give the tour a title, such as: Volumes outlive containers",
                "template: there is no template nosuch.yaml; there are sample.yaml, web-db.yaml, load-balancer.yaml, swarm.yaml, "
                        + "volume-container.yaml, logging-sidecar.yaml",
                "steps: a tour needs at least one step"), p.stream().map(LabProblem::message).toList());
        assertEquals(2, p.get(1).line());
    }

    @Test
    void aLabFileWithMistakesIsSaidAtItsOwnPlace() throws IOException {
        Files.writeString(folder.resolve("broken.yaml"), "name: demo\nhosts: []\n");
        var e = assertThrows(LabFileException.class, () -> TourFile.parse("title: T\nlab: broken.yaml\nsteps:\n  - {title: A, say: x}\n",
                "t.yaml", folder, "t"));
        assertTrue(e.getMessage().startsWith("broken.yaml:2:"), e.getMessage());
    }

    @Test
    void namesResolveWhereTheLabPlacesThemAndAskWhenTwoHostsHaveOne() throws IOException {
        Tour tour = parse("""
                title: T
                lab: lab.yaml
                steps:
                  - title: A
                    say: x
                    do:
                      run: {host: n2, name: tool, image: busybox:1.36}
                  - title: B
                    say: x
                    do:
                      run: {host: n2, name: api, image: busybox:1.36}
                """);
        TourNames names = tour.names();
        assertEquals(new TourNames.OnHost("demo/n1", "n1", "web"), names.container("web"));
        assertEquals("demo/n2/tool", names.container("tool").path());
        assertEquals("demo/n1/api-2", names.container("api-2").path());
        assertEquals("demo/n2/api", names.container("n2/api").path());
        var twice = assertThrows(InvalidInputException.class, () -> names.container("api"));
        assertEquals("api is on n1 and n2: say which, as HOST/api", twice.getMessage());
        assertEquals("demo/n1/portolan/app:1", names.thing("n1/portolan/app:1", "image").path());
        assertThrows(InvalidInputException.class, () -> names.thing("portolan/app:1", "image"));
    }

    @Test
    void aLearnerIsGivenTheDockerCommandOnTheStepsHost() throws IOException {
        Tour tour = parse("""
                title: T
                lab: lab.yaml
                steps:
                  - title: A
                    say: x
                    do:
                      run: {host: n2, name: tool, image: busybox:1.36, command: [sh, -c, "echo it's here"], env: {A: b c}}
                  - title: B
                    say: x
                    do: {connect: {container: db, network: backend}}
                  - title: C
                    say: x
                    do: {fault: split}
                """);
        assertEquals("export DOCKER_CONTEXT=portolan-demo-n2\ndocker run -d --name tool -e 'A=b c' busybox:1.36 sh -c 'echo it'\\''s here'",
                TourCommands.of(tour, tour.names(), tour.steps().get(0).action()));
        assertEquals("export DOCKER_CONTEXT=portolan-demo-n2\ndocker network connect backend db",
                TourCommands.of(tour, tour.names(), tour.steps().get(1).action()));
        assertEquals("portolan fault on lab.yaml split", TourCommands.of(tour, tour.names(), tour.steps().get(2).action()));
    }

    @Test
    void theSchemaDescribesEveryKeyATourFileMayHold() throws IOException {
        JsonNode schema;
        try (InputStream in = TourFile.class.getResourceAsStream("tour.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> missing = new ArrayList<>();
        compare(TourSpec.class, schema, "", missing);
        assertEquals(List.of(), missing);
    }

    /** Each record component (by its YAML name) is a property of the schema's object at the same place, and no more. */
    private static void compare(Class<?> type, JsonNode schema, String at, List<String> missing) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            var json = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            String name = json == null ? c.getName() : json.value();
            if (json == null && c.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class) != null) {
                name = c.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class).value();
            }
            names.add(name);
            JsonNode property = schema.path("properties").path(name);
            if (property.isMissingNode()) {
                missing.add(at + "/" + name);
                continue;
            }
            Class<?> inner = c.getType();
            if (List.class.isAssignableFrom(inner) && c.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
                compare(item, property.path("items"), at + "/" + name + "[]", missing);
            } else if (inner.isRecord()) {
                compare(inner, property, at + "/" + name, missing);
            }
        }
        schema.path("properties").fieldNames().forEachRemaining(n -> {
            if (!names.contains(n)) missing.add(at + "/" + n + " (only in the schema)");
        });
    }
}
