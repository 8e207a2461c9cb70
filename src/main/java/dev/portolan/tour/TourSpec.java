package dev.portolan.tour;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A tour as its file says it: what it teaches and to whom, the lab it starts from, and
 * its steps. Containers are named as the lab names them: NAME when the lab places one
 * container so named, else HOST/NAME (node1/web, and web-2 for a replica); hosts by the
 * lab's names (node1). See tour.schema.json beside lab.schema.json.
 *
 * @param lab      a lab file, relative to the tour file
 * @param template a lab template shipped with Portolan (web-db.yaml), when there is no lab file
 * @param compose  a compose file beside the tour, imported as the lab (as `portolan import` would)
 */
public record TourSpec(String title, String audience, String summary, String lab, String template, Compose compose,
        List<Step> steps) {

    public TourSpec {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A compose file imported as the tour's lab, its services spread over {@code hosts} simulated hosts (default 1). */
    public record Compose(String file, Integer hosts) {}

    /**
     * One step: what is said (markdown, short), what is done, what the diagram shows (the
     * search box's words: host:, net:, label:, a container's name), and what must hold after.
     *
     * @param notes  for the presenter's eyes only (the speaker-notes window)
     * @param within how long the check may take to hold (5s, 1m): engines settle; default 15 s
     */
    public record Step(String title, String say, String notes, @JsonProperty("do") Action action, String show, Check check,
            String hint, String within) {}

    /** What a step does: exactly one of these. */
    public record Action(
            Boolean apply,
            Run run,
            String start,
            String stop,
            String kill,
            String remove,
            Exec exec,
            Build build,
            Link connect,
            Link disconnect,
            String fault,
            Boolean heal,
            Route probe,
            String layers,
            Shell shell) {}

    /** A container started on a host of the lab (as `docker run -d`). */
    public record Run(String host, String name, String image, List<String> command, Map<String, String> env, List<String> ports,
            List<String> volumes, String network, String restart) {
        public Run {
            command = command == null ? List.of() : List.copyOf(command);
            env = env == null ? Map.of() : Map.copyOf(env);
            ports = ports == null ? List.of() : List.copyOf(ports);
            volumes = volumes == null ? List.of() : List.copyOf(volumes);
        }
    }

    /** A command inside a running container; {@code exit} is the exit code it must give (default 0). */
    public record Exec(@JsonProperty("in") String container, List<String> command, Integer exit, String output) {
        public Exec {
            command = command == null ? List.of() : List.copyOf(command);
        }

        /** The exit code it must give: 0 unless said. */
        public int expectedExit() {
            return exit == null ? 0 : exit;
        }
    }

    /** An image built on a host from a folder shipped with the tour (relative to the tour file). */
    public record Build(String host, String folder, String tag) {}

    /** A container and a network, to connect or disconnect. */
    public record Link(String container, String network) {}

    /** From a container to another (NAME, HOST/NAME, with :PORT or not). */
    public record Route(String from, String to) {}

    /**
     * A shell command against a host's engine (DOCKER_HOST and its certificates set), shown so
     * a learner can copy it. As a check: the exit code it must give (default 0) and a text its
     * output must hold.
     */
    public record Shell(String host, String command, Integer exit, String output) {
        /** The exit code it must give: 0 unless said. */
        public int expectedExit() {
            return exit == null ? 0 : exit;
        }
    }

    /**
     * What must hold after a step; every condition given must.
     *
     * @param reaches a route that must get through; {@code blocked} one that must not
     */
    public record Check(
            List<String> running,
            List<String> stopped,
            List<String> absent,
            List<String> healthy,
            List<String> volumes,
            List<String> images,
            Exec exec,
            Changed changed,
            Route reaches,
            Route blocked,
            Shell shell) {
        public Check {
            running = running == null ? List.of() : List.copyOf(running);
            stopped = stopped == null ? List.of() : List.copyOf(stopped);
            absent = absent == null ? List.of() : List.copyOf(absent);
            healthy = healthy == null ? List.of() : List.copyOf(healthy);
            volumes = volumes == null ? List.of() : List.copyOf(volumes);
            images = images == null ? List.of() : List.copyOf(images);
        }
    }

    /** A path a container changed over its image (added, changed or deleted in its own writable layer). */
    public record Changed(@JsonProperty("in") String container, String path) {}
}
