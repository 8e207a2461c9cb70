package dev.portolan.cli;

import dev.portolan.host.Progress;
import dev.portolan.lab.Labs;
import dev.portolan.operations.ConnectedHosts;
import dev.portolan.operations.Faults;
import dev.portolan.tour.ShippedTours;
import dev.portolan.tour.Tour;
import dev.portolan.tour.TourFile;
import dev.portolan.tour.TourRunner;
import dev.portolan.tour.TourSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `portolan tour ls|check`: the shipped tours, and a tour run end to end with no display, each step done then checked. */
@Command(name = "tour", description = "Teaching tours: list the shipped ones, or run one end to end and check every step.",
        subcommands = {TourCommand.Ls.class, TourCommand.Check.class})
final class TourCommand {

    /** The tour's steps passed, but one check did not hold. */
    static final int CHECK_FAILED = 3;

    @Command(name = "ls", description = "The shipped tours: the name `tour check` takes, first on each line, then the title and "
            + "the number of steps.")
    static final class Ls extends LabCommands.LabCommand {
        @Override
        public Integer call() throws Exception {
            List<String> names = ShippedTours.names();
            int width = names.stream().mapToInt(String::length).max().orElse(0);
            StringBuilder text = new StringBuilder();
            List<Map<String, Object>> json = new ArrayList<>();
            for (String name : names) {
                ShippedTours.About about = ShippedTours.about(name);
                text.append(String.format("%-" + width + "s  %s (%d %s)%n", name, about.title(), about.steps(),
                        about.steps() == 1 ? "step" : "steps"));
                json.add(Map.of("name", name, "title", about.title(), "steps", about.steps(), "summary", about.summary()));
            }
            print(json, text.toString().stripTrailing());
            return 0;
        }
    }

    @Command(name = "check", description = "Run a tour end to end with no display: its lab, then each step's action and check. "
            + "Exits " + CHECK_FAILED + " naming the first step whose check failed, with its hint.")
    static final class Check extends LabCommands.LabCommand {
        @Parameters(paramLabel = "NAME|TOUR.yaml", description = "A shipped tour (`portolan tour ls`) or a tour file.")
        String tourName;

        @Option(names = "--keep", description = "Leave the tour's lab running at the end (else a lab the run made is destroyed, "
                + "with its volumes: they are the tour's own).")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            Tour tour = TourFile.load(tourName);
            long start = System.nanoTime();
            return withEngine(local -> {
                Labs labs = labs(local);
                try (ConnectedHosts hosts = new ConnectedHosts(local)) {
                    Faults faults = faults(local, hosts);
                    TourRunner runner = new TourRunner(tour, local, labs, hosts, () -> faults);
                    boolean existed = runner.labExists();
                    try {
                        return run(runner, start);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.CancellationException("interrupted");
                    } finally {
                        if (!existed && !keep) {
                            labs.destroy(tour.lab(), true, Progress.NONE);
                            faults.healOn(tour.lab().name());
                            if (!json) out().println("Destroyed the lab " + tour.lab().name() + " this run made (--keep keeps it).");
                        }
                    }
                }
            });
        }

        private int run(TourRunner runner, long start) throws InterruptedException {
            Tour tour = runner.tour();
            if (!json) out().println("Tour " + tour.name() + ": " + tour.spec().title() + " (" + tour.steps().size() + " steps)");
            Duration lab = runner.startLab(json ? Progress.NONE : printing());
            if (!json) out().printf("  lab %s ready in %.1f s%n", tour.lab().name(), lab.toMillis() / 1000.0);
            List<Map<String, Object>> steps = new ArrayList<>();
            for (int i = 0; i < tour.steps().size(); i++) {
                TourSpec.Step step = tour.steps().get(i);
                TourRunner.Outcome done = runner.doStep(i, Progress.NONE);
                TourRunner.Result checked = runner.check(i, () -> Thread.currentThread().isInterrupted());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("step", i + 1);
                entry.put("title", step.title());
                entry.put("did", done.text());
                entry.put("seconds", done.took().toMillis() / 1000.0);
                entry.put("checkSeconds", checked.took().toMillis() / 1000.0);
                entry.put("passed", checked.passed());
                steps.add(entry);
                if (!json) {
                    out().printf("  %s %d. %s — %.1f s%s%n", checked.passed() ? "✓" : "✗", i + 1, step.title(),
                            done.took().toMillis() / 1000.0, step.check() == null ? ""
                                    : String.format(", checked in %.1f s", checked.took().toMillis() / 1000.0));
                    out().println("       " + done.text());
                    // what was checked, for the tour's author (a failure says what was found below)
                    checked.lines().stream().filter(TourRunner.Line::passed).forEach(line -> out().println("       ✓ " + line.what()));
                }
                if (!checked.passed()) {
                    entry.put("failed", checked.failure());
                    entry.put("hint", checked.hint());
                    printed(Map.of("tour", tour.name(), "passed", false, "steps", steps), "Step " + (i + 1) + " (" + step.title()
                            + ") did not pass: " + checked.failure() + "\n  Hint: " + checked.hint());
                    return CHECK_FAILED;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            printed(Map.of("tour", tour.name(), "passed", true, "seconds", seconds, "steps", steps),
                    String.format("Every step of %s passed (%.1f s).", tour.name(), seconds));
            return 0;
        }

        private void printed(Object value, String text) {
            try {
                print(value, text);
            } catch (Exception e) {
                throw new IllegalStateException("cannot write the answer as JSON", e);
            }
        }
    }
}
