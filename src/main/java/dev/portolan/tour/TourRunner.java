package dev.portolan.tour;

import dev.portolan.app.Durations;
import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.RunSpec;
import dev.portolan.host.Progress;
import dev.portolan.host.faults.Fault;
import dev.portolan.image.ImageBuild;
import dev.portolan.image.ImageLayer;
import dev.portolan.lab.LabFaults;
import dev.portolan.lab.Labs;
import dev.portolan.operations.ContainerFacts;
import dev.portolan.operations.Faults;
import dev.portolan.operations.HostOperations;
import dev.portolan.operations.HostsByName;
import dev.portolan.operations.LocalEngine;
import dev.portolan.operations.Probe;
import dev.portolan.tour.TourNames.OnHost;
import dev.portolan.tour.TourSpec.Action;
import dev.portolan.tour.TourSpec.Check;
import dev.portolan.tour.TourSpec.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Does a tour's steps on a live lab and checks them: the same for the window's *Do it* and
 * *Check* and for `portolan tour check`. Every operation goes through the host layer (a
 * host's {@link HostOperations} by its name, {@link Labs}, {@link Faults}, {@link Probe}).
 * Blocking: call off the FX thread.
 */
public final class TourRunner {

    /** What a step's action did, in a sentence; an image whose layers the window may open. */
    public record Outcome(String text, Duration took, Optional<OnHost> layers) {}

    /** One condition of a check: what was asked, whether it held, what was found. */
    public record Line(String what, boolean passed, String found) {}

    /** A check's answer: each condition, the hint when one failed, and how long it took to hold (or to give up). */
    public record Result(boolean passed, List<Line> lines, String hint, Duration took) {
        /** The first condition that failed, with what was found; empty when all held. */
        public String failure() {
            return lines.stream().filter(l -> !l.passed()).findFirst().map(l -> l.what() + ": " + l.found()).orElse("");
        }
    }

    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 250;

    private final Tour tour;
    private final TourNames names;
    private final LocalEngine local;
    private final Labs labs;
    private final HostsByName hosts;
    private final java.util.function.Supplier<Faults> faults;

    /** @param faults the fault operations of the moment (the window's follow its connections) */
    public TourRunner(Tour tour, LocalEngine local, Labs labs, HostsByName hosts, java.util.function.Supplier<Faults> faults) {
        this.tour = tour;
        this.names = tour.names();
        this.local = local;
        this.labs = labs;
        this.hosts = hosts;
        this.faults = faults;
    }

    public Tour tour() {
        return tour;
    }

    /** Makes the tour's lab as its file says: where every tour starts, and what a reset goes back to. */
    public Duration startLab(Progress progress) {
        long start = System.nanoTime();
        labs.apply(tour.lab(), progress);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Whether every host of the tour's lab exists already (a tour run then leaves the lab as it found it). */
    public boolean labExists() {
        return labs.status(tour.lab()).stream().noneMatch(s -> s.state().equals("absent"));
    }

    /** Does step {@code index}'s action; a step with none does nothing. */
    public Outcome doStep(int index, Progress progress) throws InterruptedException {
        Action a = tour.steps().get(index).action();
        long start = System.nanoTime();
        String text = a == null ? "Nothing to do: this step only shows." : act(a, progress);
        Optional<OnHost> layers = a != null && a.layers() != null ? Optional.of(names.thing(a.layers(), "image")) : Optional.empty();
        return new Outcome(text, Duration.ofNanos(System.nanoTime() - start), layers);
    }

    private String act(Action a, Progress progress) throws InterruptedException {
        if (Boolean.TRUE.equals(a.apply())) {
            labs.apply(tour.lab(), progress);
            return tour.lab().name() + " is as its lab file says.";
        }
        if (a.run() != null) return run(a.run());
        if (a.start() != null) return on(a.start(), (ops, c) -> ops.start(c), "started");
        if (a.stop() != null) return on(a.stop(), (ops, c) -> ops.stop(c), "stopped");
        if (a.kill() != null) return on(a.kill(), (ops, c) -> ops.kill(c), "killed");
        if (a.remove() != null) return on(a.remove(), (ops, c) -> ops.remove(c, false), "removed (its named volumes are kept)");
        if (a.exec() != null) {
            ContainerOps.ExecResult r = exec(a.exec());
            int expected = a.exec().expectedExit();
            if (r.exitCode() != expected) {
                throw new InvalidInputException("`" + String.join(" ", a.exec().command()) + "` in " + a.exec().container()
                        + " exited " + r.exitCode() + ", not " + expected + ": " + r.output().strip());
            }
            return "Ran `" + TourCommands.quoted(a.exec().command()) + "` in " + a.exec().container() + shortOutput(r.output());
        }
        if (a.build() != null) return build(a.build(), progress);
        if (a.connect() != null) {
            OnHost c = names.container(a.connect().container());
            hosts.operations(c.host()).connect(c.name(), a.connect().network());
            return c.name() + " is on the network " + a.connect().network() + " too.";
        }
        if (a.disconnect() != null) {
            OnHost c = names.container(a.disconnect().container());
            hosts.operations(c.host()).disconnect(c.name(), a.disconnect().network());
            return c.name() + " has left the network " + a.disconnect().network() + ".";
        }
        if (a.fault() != null) {
            var made = faults.get().injectAll(LabFaults.specs(tour.lab(), a.fault()), null);
            return String.join(" ", made.stream().map(Faults.Injected::outcome).toList());
        }
        if (Boolean.TRUE.equals(a.heal())) {
            List<String> healed = healLabFaults();
            return healed.isEmpty() ? "No fault of " + tour.lab().name() + " was in force." : String.join(" ", healed);
        }
        if (a.probe() != null) {
            Probe.Result r = probe(a.probe());
            return r.from() + (r.reaches() ? " reaches " : " does not reach ") + r.to()
                    + r.checks().stream().filter(c -> !c.passed()).findFirst().map(c -> ": " + c.what() + " — " + c.found()).orElse(".");
        }
        if (a.layers() != null) {
            OnHost image = names.thing(a.layers(), "image");
            List<ImageLayer> layers = hosts.operations(image.host()).layers(image.name());
            return image.name() + " on " + image.labHost() + " has " + layers.size() + " steps, from the base up: "
                    + String.join(" · ", layers.stream()
                            .map(l -> shorten(l.instruction().isEmpty() ? "(no history)" : l.instruction(), 32)).toList());
        }
        if (a.shell() != null) {
            TourShell.Result r = shell(a.shell());
            int expected = a.shell().expectedExit();
            if (r.exitCode() != expected) {
                throw new InvalidInputException("`" + a.shell().command() + "` exited " + r.exitCode() + ", not " + expected + ": "
                        + r.output().strip());
            }
            return "Ran `" + a.shell().command() + "`" + shortOutput(r.output());
        }
        throw new IllegalStateException("a step's action with nothing in it passed the validator");
    }

    private String run(TourSpec.Run run) {
        String host = names.host(run.host());
        HostOperations ops = hosts.operations(host);
        // the tour made it: doing the step again makes it again
        if (ops.hasContainer(run.name())) ops.remove(run.name(), false);
        List<String> env = run.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        ops.run(new RunSpec(run.image(), run.name(), run.command(), env, run.ports(), run.volumes(), run.network(),
                run.restart() == null ? "no" : run.restart()));
        return run.name() + " runs on " + (run.host() == null ? tour.lab().hosts().getFirst().name() : run.host()) + ".";
    }

    private String build(TourSpec.Build build, Progress progress) {
        var ops = hosts.operations(names.host(build.host()));
        List<String> steps = new ArrayList<>();
        ops.build(tour.folder().resolve(build.folder()).normalize(), build.tag(), ImageBuild.Listener.steps(step -> {
            String line = "step " + step.number() + "/" + step.of() + ": " + step.instruction() + (step.cached() ? " (cached)" : "");
            progress.step(line);
            steps.add(line);
        }), progress::isCancelled);
        return build.tag() + " is built on " + (build.host() == null ? tour.lab().hosts().getFirst().name() : build.host())
                + ": "
                + steps.stream().filter(l -> !l.endsWith("(cached)")).count() + " of " + steps.size() + " steps made a new layer or setting.";
    }

    @FunctionalInterface
    private interface ContainerAction {
        void on(HostOperations ops, String container);
    }

    private String on(String reference, ContainerAction action, String done) {
        OnHost c = names.container(reference);
        action.on(hosts.operations(c.host()), c.name());
        return c.name() + " on " + c.labHost() + " is " + done + ".";
    }

    /** Heals the faults in force on this lab's hosts (and no other). */
    private List<String> healLabFaults() {
        List<String> healed = new ArrayList<>();
        Faults now = faults.get();
        for (Fault f : now.inForce()) {
            boolean ours = f.spec().targets().stream().allMatch(t -> t.host().startsWith(tour.lab().name() + "/"));
            if (ours) healed.add(now.heal(f.id()));
        }
        return healed;
    }

    /**
     * Goes back to before step {@code index}: the lab as its file says, its faults healed, the
     * containers this step and later ones run removed, so the step can be done again.
     */
    public void reset(int index, Progress progress) {
        healLabFaults();
        for (int i = index; i < tour.steps().size(); i++) {
            Action a = tour.steps().get(i).action();
            if (a == null || a.run() == null) continue;
            HostOperations ops = hosts.operations(names.host(a.run().host()));
            if (ops.hasContainer(a.run().name())) {
                progress.step("removing " + a.run().name());
                ops.remove(a.run().name(), false);
            }
        }
        labs.apply(tour.lab(), progress);
    }

    // ---- checks

    /**
     * Checks step {@code index}, asking again until every condition holds or the step's
     * {@code within} is over; a step without a check passes at once.
     */
    public Result check(int index, BooleanSupplier cancelled) throws InterruptedException {
        Step step = tour.steps().get(index);
        long start = System.nanoTime();
        if (step.check() == null) return new Result(true, List.of(), null, Duration.ZERO);
        long deadline = start + Tour.within(step).toNanos();
        while (true) {
            List<Line> lines = lines(step.check());
            boolean passed = lines.stream().allMatch(Line::passed);
            if (passed || System.nanoTime() > deadline || cancelled.getAsBoolean()) {
                return new Result(passed, lines, passed ? null : step.hint(), Duration.ofNanos(System.nanoTime() - start));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private List<Line> lines(Check c) throws InterruptedException {
        List<Line> lines = new ArrayList<>();
        for (String name : c.running()) {
            lines.add(stateLine(name, "running", facts -> facts.running() && !facts.paused()));
        }
        for (String name : c.stopped()) lines.add(stateLine(name, "stopped", facts -> !facts.running()));
        for (String name : c.absent()) {
            OnHost on = names.container(name);
            boolean there = hosts.operations(on.host()).hasContainer(on.name());
            lines.add(new Line(name + " is gone", !there, there ? "it is still there" : "no such container"));
        }
        for (String name : c.healthy()) {
            OnHost on = names.container(name);
            String health = hosts.operations(on.host()).health(on.name());
            lines.add(new Line(name + " is healthy", health.equals("healthy"), health));
        }
        for (String name : c.volumes()) {
            OnHost on = names.thing(name, "volume");
            boolean there = hosts.operations(on.host()).hasVolume(on.name());
            lines.add(new Line("volume " + name + " exists", there, there ? "it does" : "no such volume"));
        }
        for (String name : c.images()) {
            OnHost on = names.thing(name, "image");
            boolean there = hosts.operations(on.host()).hasImage(on.name());
            lines.add(new Line("image " + name + " is on " + on.labHost(), there, there ? "it is" : "no such image"));
        }
        if (c.exec() != null) lines.add(execLine(c.exec()));
        if (c.changed() != null) {
            OnHost on = names.container(c.changed().container());
            String path = c.changed().path().replaceFirst("^/", "");
            var changes = hosts.operations(on.host()).changes(on.name());
            boolean changed = changes.stream().anyMatch(f -> f.path().equals(path));
            lines.add(new Line(c.changed().container() + " changed /" + path + " over its image", changed,
                    changed ? "in its own writable layer" : changes.size() + " changes, not that one"));
        }
        if (c.reaches() != null) {
            Probe.Result r = probe(c.reaches());
            lines.add(new Line(c.reaches().from() + " reaches " + c.reaches().to(), r.reaches(), probeFound(r)));
        }
        if (c.blocked() != null) {
            Probe.Result r = probe(c.blocked());
            lines.add(new Line(c.blocked().from() + " does not reach " + c.blocked().to(), !r.reaches(), probeFound(r)));
        }
        if (c.shell() != null) {
            TourShell.Result r = shell(c.shell());
            int exit = c.shell().expectedExit();
            boolean holds = r.exitCode() == exit && (c.shell().output() == null || r.output().contains(c.shell().output()));
            lines.add(new Line("`" + c.shell().command() + "` exits " + exit + (c.shell().output() == null ? ""
                    : " saying " + c.shell().output()), holds, "exit " + r.exitCode() + shortOutput(r.output())));
        }
        return lines;
    }

    private Line stateLine(String name, String word, java.util.function.Predicate<ContainerFacts> holds) {
        OnHost on = names.container(name);
        HostOperations ops = hosts.operations(on.host());
        var found = ops.findFacts(on.name());
        if (found.isEmpty()) return new Line(name + " is " + word, false, "there is no such container on " + on.labHost());
        var facts = found.get();
        return new Line(name + " is " + word, holds.test(facts), facts.paused() ? "paused" : facts.running() ? "running" : "stopped");
    }

    private Line execLine(TourSpec.Exec exec) throws InterruptedException {
        String what = "`" + TourCommands.quoted(exec.command()) + "` in " + exec.container();
        int exit = exec.expectedExit();
        OnHost on = names.container(exec.container());
        if (!hosts.operations(on.host()).findFacts(on.name()).map(ContainerFacts::running).orElse(false)) {
            return new Line(what, false, exec.container() + " is not running, so nothing can run in it");
        }
        ContainerOps.ExecResult r = exec(exec);
        boolean holds = r.exitCode() == exit && (exec.output() == null || r.output().contains(exec.output()));
        return new Line(what + " exits " + exit + (exec.output() == null ? "" : " saying " + exec.output()), holds,
                (r.timedOut() ? "still running after " + Durations.format(EXEC_TIMEOUT) : "exit " + r.exitCode()) + shortOutput(r.output()));
    }

    private ContainerOps.ExecResult exec(TourSpec.Exec exec) throws InterruptedException {
        OnHost on = names.container(exec.container());
        return hosts.operations(on.host()).exec(on.name(), exec.command(), EXEC_TIMEOUT);
    }

    private Probe.Result probe(TourSpec.Route route) {
        OnHost from = names.container(route.from());
        String to = route.to();
        String port = to.matches(".*:\\d+$") ? to.substring(to.lastIndexOf(':')) : "";
        String target = port.isEmpty() ? to : to.substring(0, to.length() - port.length());
        String toPath = target.matches("\\d+(\\.\\d+){3}") ? target : names.container(target).path();
        return new Probe(local, hosts).probe(from.path(), toPath + port);
    }

    private static String probeFound(Probe.Result r) {
        return r.checks().stream().filter(c -> !c.passed()).findFirst().map(c -> c.what() + ": " + c.found())
                .orElse("every check passed");
    }

    private TourShell.Result shell(TourSpec.Shell shell) throws InterruptedException {
        String host = names.host(shell.host());
        EngineEndpoint endpoint = local.registry().endpointOf(host, local);
        return TourShell.run(shell.command(), endpoint, EXEC_TIMEOUT);
    }

    /** The command a learner types at a terminal for this step's action: the docker CLI's words, on the step's host. */
    public String commandFor(int index) {
        return TourCommands.of(tour, names, tour.steps().get(index).action());
    }

    private static String shortOutput(String output) {
        String text = output == null ? "" : output.strip();
        if (text.isEmpty()) return ".";
        return ": " + shorten(text.replace('\n', ' '), 120);
    }

    private static String shorten(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
