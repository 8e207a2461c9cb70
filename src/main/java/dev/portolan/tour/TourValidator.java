package dev.portolan.tour;

import dev.portolan.app.Durations;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.RunSpec;
import dev.portolan.image.ImageBuild;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.YamlFiles.Finding;
import dev.portolan.tour.TourSpec.Action;
import dev.portolan.tour.TourSpec.Check;
import dev.portolan.tour.TourSpec.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Checks that a tour fits its lab: each step says something and does at most one thing,
 * every container, host, volume and image it names is one the lab (or an earlier run step)
 * has, build folders hold a Dockerfile, faults are lists the lab declares. Each finding
 * names its place (a JSON pointer), so the problem comes back at file:line:column.
 */
final class TourValidator {

    private final TourSpec tour;
    private final LabSpec lab;
    private final Path folder;
    private final TourNames names;
    private final List<Finding> findings = new ArrayList<>();

    private TourValidator(TourSpec tour, LabSpec lab, Path folder) {
        this.tour = tour;
        this.lab = lab;
        this.folder = folder;
        this.names = new TourNames(lab, tour.steps());
    }

    /** The problems of the tour as a whole: title, lab or template, steps. Needs no lab. */
    static List<Finding> checkHeader(TourSpec tour, List<String> templates) {
        List<Finding> found = new ArrayList<>();
        if (blank(tour.title())) found.add(new Finding("/title", "title: give the tour a title, such as: Volumes outlive containers"));
        long sources = java.util.stream.Stream.of(tour.lab(), tour.template(), tour.compose()).filter(Objects::nonNull).count();
        if (sources == 0) {
            found.add(new Finding("", "lab: name the lab the tour starts from (a lab file beside it), or template: one of "
                    + String.join(", ", templates) + ", or compose: {file: compose.yaml}"));
        } else if (sources > 1) {
            found.add(new Finding(tour.template() != null ? "/template" : "/compose", "give one of lab:, template: and compose:"));
        } else if (tour.compose() != null && (tour.compose().file() == null || tour.compose().file().isBlank())) {
            found.add(new Finding("/compose", "compose: file: the compose file beside the tour, such as compose.yaml"));
        } else if (tour.template() != null && !templates.contains(tour.template())) {
            found.add(new Finding("/template", "template: there is no template " + tour.template() + "; there are "
                    + String.join(", ", templates)));
        }
        if (tour.steps().isEmpty()) found.add(new Finding("/steps", "steps: a tour needs at least one step"));
        return found;
    }

    /** The problems of each step against the lab. */
    static List<Finding> checkSteps(TourSpec tour, LabSpec lab, Path folder) {
        TourValidator v = new TourValidator(tour, lab, folder);
        for (int i = 0; i < tour.steps().size(); i++) v.step("/steps/" + i, tour.steps().get(i));
        return v.findings;
    }

    private void add(String pointer, String message) {
        findings.add(new Finding(pointer, message));
    }

    private void step(String at, Step step) {
        if (step == null) {
            add(at, "a step needs at least a title and say:");
            return;
        }
        if (blank(step.title())) add(at + "/title", "title: give the step a short title, such as: Trash the container");
        if (blank(step.say())) add(at + "/say", "say: what the step shows, in a few sentences (markdown)");
        if (step.within() != null) {
            try {
                Durations.parse(step.within());
            } catch (IllegalArgumentException e) {
                add(at + "/within", "within: " + e.getMessage());
            }
        }
        if (step.action() != null) action(at + "/do", step.action());
        if (step.check() != null) {
            check(at + "/check", step.check());
            if (blank(step.hint())) add(at + "/hint", "hint: say what to try when the check fails");
        }
    }

    private void action(String at, Action a) {
        List<String> given = new ArrayList<>();
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("apply", a.apply());
        fields.put("run", a.run());
        fields.put("start", a.start());
        fields.put("stop", a.stop());
        fields.put("kill", a.kill());
        fields.put("remove", a.remove());
        fields.put("exec", a.exec());
        fields.put("build", a.build());
        fields.put("connect", a.connect());
        fields.put("disconnect", a.disconnect());
        fields.put("fault", a.fault());
        fields.put("heal", a.heal());
        fields.put("probe", a.probe());
        fields.put("layers", a.layers());
        fields.put("shell", a.shell());
        fields.forEach((k, v) -> {
            if (v != null) given.add(k);
        });
        if (given.size() != 1) {
            add(at, "do: exactly one of " + String.join(", ", fields.keySet()) + (given.isEmpty() ? "" : "; this step gives "
                    + String.join(" and ", given)));
            return;
        }
        if (Boolean.FALSE.equals(a.apply()) || Boolean.FALSE.equals(a.heal())) add(at, "do: apply: true or heal: true, or leave it out");
        for (String verb : List.of("start", "stop", "kill", "remove")) {
            if (fields.get(verb) instanceof String c) container(at + "/" + verb, c);
        }
        if (a.run() != null) run(at + "/run", a.run());
        if (a.exec() != null) exec(at + "/exec", a.exec());
        if (a.build() != null) build(at + "/build", a.build());
        for (TourSpec.Link link : Stream.of(a.connect(), a.disconnect()).filter(Objects::nonNull).toList()) {
            container(at + (a.connect() != null ? "/connect" : "/disconnect") + "/container", link.container());
            if (blank(link.network())) add(at, "network: name the network, such as backend");
        }
        if (a.fault() != null && !lab.faults().containsKey(a.fault())) {
            add(at + "/fault", "fault: the lab names no fault list " + a.fault() + (lab.faults().isEmpty() ? " (its file has no faults:)"
                    : "; it names " + String.join(", ", new java.util.TreeSet<>(lab.faults().keySet()))));
        }
        if (a.probe() != null) route(at + "/probe", a.probe());
        if (a.layers() != null) resolve(at + "/layers", () -> names.thing(a.layers(), "image"));
        if (a.shell() != null) shell(at + "/shell", a.shell());
    }

    private void run(String at, TourSpec.Run run) {
        resolve(at + "/host", () -> names.host(run.host()));
        List<String> env = run.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        for (String problem : RunSpec.problems(run.image(), run.name(), env, run.ports(), run.volumes(),
                run.restart() == null ? "no" : run.restart())) {
            add(at, "run: " + problem);
        }
        if (blank(run.name())) add(at + "/name", "run: name the container, so later steps can name it too");
    }

    private void exec(String at, TourSpec.Exec exec) {
        container(at + "/in", exec.container());
        if (exec.command().isEmpty()) add(at + "/command", "command: what to run inside, such as [cat, /data/log]");
    }

    private void build(String at, TourSpec.Build build) {
        resolve(at + "/host", () -> names.host(build.host()));
        if (blank(build.folder())) {
            add(at + "/folder", "folder: the folder with the Dockerfile, relative to the tour file");
            return;
        }
        String problem = ImageBuild.problem(folder.resolve(build.folder()).normalize(), build.tag());
        if (problem != null) add(at + "/folder", "build: " + problem);
    }

    private void shell(String at, TourSpec.Shell shell) {
        resolve(at + "/host", () -> names.host(shell.host()));
        if (blank(shell.command())) add(at + "/command", "command: the shell command, such as docker ps");
    }

    private void route(String at, TourSpec.Route route) {
        container(at + "/from", route.from());
        if (blank(route.to())) {
            add(at + "/to", "to: a container (NAME, HOST/NAME, with :PORT or not)");
            return;
        }
        String to = route.to().replaceFirst(":\\d+$", "");
        if (!to.matches("\\d+(\\.\\d+){3}")) container(at + "/to", to);
    }

    private void check(String at, Check c) {
        boolean any = false;
        for (var list : List.of(Map.entry("running", c.running()), Map.entry("stopped", c.stopped()),
                Map.entry("absent", c.absent()), Map.entry("healthy", c.healthy()))) {
            for (int i = 0; i < list.getValue().size(); i++) container(at + "/" + list.getKey() + "/" + i, list.getValue().get(i));
            any |= !list.getValue().isEmpty();
        }
        for (int i = 0; i < c.volumes().size(); i++) {
            String v = c.volumes().get(i);
            resolve(at + "/volumes/" + i, () -> names.thing(v, "volume"));
        }
        for (int i = 0; i < c.images().size(); i++) {
            String image = c.images().get(i);
            resolve(at + "/images/" + i, () -> names.thing(image, "image"));
        }
        any |= !c.volumes().isEmpty() || !c.images().isEmpty();
        if (c.exec() != null) exec(at + "/exec", c.exec());
        if (c.changed() != null) {
            container(at + "/changed/in", c.changed().container());
            if (blank(c.changed().path())) add(at + "/changed/path", "path: the file the container changed, such as /data/note");
        }
        if (c.reaches() != null) route(at + "/reaches", c.reaches());
        if (c.blocked() != null) route(at + "/blocked", c.blocked());
        if (c.shell() != null) shell(at + "/shell", c.shell());
        any |= Stream.of(c.exec(), c.changed(), c.reaches(), c.blocked(), c.shell()).anyMatch(Objects::nonNull);
        if (!any) add(at, "check: give at least one condition: running, stopped, absent, healthy, volumes, images, exec, changed, "
                + "reaches, blocked, shell");
    }

    private void container(String at, String reference) {
        resolve(at, () -> names.container(reference));
    }

    private void resolve(String at, java.util.function.Supplier<?> lookup) {
        try {
            lookup.get();
        } catch (InvalidInputException e) {
            add(at, e.getMessage());
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
