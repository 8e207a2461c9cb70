package dev.portolan.lab;

import dev.portolan.app.Futures;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.ExplainedFailure;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the steps that need the whole Swarm, after every host's own work, in the plan's order
 * except where nothing depends on it: the images go to the members from the start, side by
 * side (each read once from this computer), while the Swarm is started and joined; workers
 * join at once (managers one after another, as Raft wants them); services wait for the
 * images. Each step is reported when it ends, with its duration, and a closing line says
 * the whole phase's.
 */
final class SwarmPhase {

    private final Progress progress;
    private final Consumer<LabStep> run;

    /** @param run runs one step (an image copy with the phase's shared archives); called from several threads */
    SwarmPhase(Progress progress, Consumer<LabStep> run) {
        this.progress = progress;
        this.run = run;
    }

    void run(List<LabStep> steps) {
        if (steps.isEmpty()) return;
        long started = System.nanoTime();
        // an image the lab builds is copied once it is built: builds first, in order
        steps.stream().filter(s -> s instanceof LabStep.BuildImage).forEach(this::timed);
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> copies = steps.stream().filter(s -> s instanceof LabStep.CopyImage)
                    .<Future<?>>map(copy -> parallel.submit(() -> timed(copy))).toList();
            List<LabStep> rest = steps.stream().filter(s -> !(s instanceof LabStep.CopyImage || s instanceof LabStep.BuildImage))
                    .toList();
            boolean copied = false;
            for (List<LabStep> stage : stages(rest)) {
                if (!copied && stage.stream().anyMatch(SwarmPhase::needsImages)) {
                    copies.forEach(Futures::join);
                    copied = true;
                }
                stage.stream().<Future<?>>map(step -> parallel.submit(() -> timed(step))).toList().forEach(Futures::join);
            }
            copies.forEach(Futures::join);
        }
        progress.step(String.format("%d Swarm steps done in %.1f s", steps.size(), (System.nanoTime() - started) / 1e9));
    }

    /** The steps in order, a run of worker joins as one stage: each touches its own member only. */
    private static List<List<LabStep>> stages(List<LabStep> steps) {
        List<List<LabStep>> stages = new ArrayList<>();
        for (LabStep step : steps) {
            if (!stages.isEmpty() && isWorkerJoin(step) && isWorkerJoin(stages.getLast().getFirst())) stages.getLast().add(step);
            else stages.add(new ArrayList<>(List.of(step)));
        }
        return stages;
    }

    private static boolean isWorkerJoin(LabStep step) {
        return step instanceof LabStep.JoinSwarm join && !join.asManager();
    }

    /** A service's tasks start on members that must have its image: there is no registry to pull it from. */
    private static boolean needsImages(LabStep step) {
        return step instanceof LabStep.CreateService || step instanceof LabStep.UpdateService;
    }

    /** Runs one step and reports it with its duration; a failure names the step. */
    private void timed(LabStep step) {
        progress.checkCancelled();
        long start = System.nanoTime();
        try {
            run.accept(step);
        } catch (CancellationException | InvalidInputException | ExplainedFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExplainedFailure(EngineErrors.action(step.host() + ": " + step.describe(), e));
        }
        progress.step(String.format("%s: %s (%.1f s)", step.host(), step.describe(), (System.nanoTime() - start) / 1e9));
    }
}
