package dev.portolan.lab;

import com.github.dockerjava.api.DockerClient;
import dev.portolan.app.Futures;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.ExplainedFailure;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import dev.portolan.image.ImageArchives;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Apply as a pipeline, not phases: each host's work starts the moment that host answers,
 * hosts work at the same time, and on a host the image copies, volumes and networks go
 * side by side; then each container is made as soon as what it depends on is made, on
 * whatever host that is. A failed step stops what has not started yet and is named; what
 * depends on it is never made. Each step is reported when it ends, with its duration.
 */
final class LabPipeline {

    /** One step's time, for the closing line. */
    private record Timed(String host, String what, long start, long end) {
        double seconds() {
            return (end - start) / 1e9;
        }
    }

    private final Labs labs;
    private final LabHosts hosts;
    private final DockerClient local;
    private final Progress progress;
    private final Map<String, CompletableFuture<Void>> containersMade = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> imagesBuilt = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final List<Timed> timed = Collections.synchronizedList(new ArrayList<>());
    /** Each image saved once from this computer for all the hosts that need it. */
    private final ImageArchives archives;

    LabPipeline(Labs labs, LabHosts hosts, DockerClient local, Progress progress) {
        this.labs = labs;
        this.hosts = hosts;
        this.local = local;
        this.progress = progress;
        this.archives = new ImageArchives(local);
    }

    /** Runs every host's steps; throws the first failure, naming its step. */
    void run(LabSpec lab) {
        long started = System.nanoTime();
        try (archives; ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            LabImages.Builds builds = LabImages.plan(lab, local);
            lab.containers().forEach(c -> containersMade.put(c.name(), new CompletableFuture<>()));
            for (LabStep step : builds.steps()) {
                LabStep.BuildImage build = (LabStep.BuildImage) step;
                imagesBuilt.put(build.image().name(), CompletableFuture.runAsync(
                        () -> timed(build, () -> LabImages.build(local, lab, build, progress)), parallel));
            }
            List<Future<?>> work = lab.hosts().stream()
                    .<Future<?>>map(host -> parallel.submit(() -> host(lab, host, builds, parallel))).toList();
            for (Future<?> f : work) Futures.join(f);
        }
        RuntimeException failed = failure.get();
        if (failed != null) throw failed;
        if (!timed.isEmpty()) progress.step(summary((System.nanoTime() - started) / 1e9));
    }

    private void host(LabSpec lab, LabSpec.Host host, LabImages.Builds builds, ExecutorService parallel) {
        // what the host is doing between named steps, so a failure there is named too
        String doing = "find its engine";
        try {
            var running = hosts.running(lab, host);
            boolean madeFromNothing = false;
            if (running.isEmpty()) {
                LabStep.HostStep bringUp = hosts.bringUp(lab, host);
                // a new host lacks every image: they are saved here while it starts, and one this computer
                // does not have is said now, not once the host is up (6 s later)
                doing = "find its images";
                prefetchImagesFor(lab, host.name(), bringUp instanceof LabStep.CreateHost);
                doing = "bring it up";
                timed(bringUp, () -> hosts.make(lab, host));
                madeFromNothing = bringUp instanceof LabStep.CreateHost;
            }
            doing = "connect to its engine";
            try (EngineClients clients = running.orElseGet(() -> EngineClients.connect(hosts.endpointOf(lab, host.name())))) {
                DockerClient docker = clients.requests();
                List<LabStep> steps = new ArrayList<>();
                doing = "read what runs there";
                // a host made from nothing just now holds nothing of the lab: its engine, busy starting, is not
                // asked (four lists take it 60-360 ms, on the path to every container of the host)
                Labs.planHost(lab, host.name(), madeFromNothing ? HostState.EMPTY : HostState.read(docker, lab.name()), steps, builds);
                doing = "make its containers";
                List<LabStep> containers = steps.stream().filter(LabPipeline::makesAContainer).toList();
                List<Future<?>> first = steps.stream().filter(s -> !makesAContainer(s)).<Future<?>>map(s -> parallel.submit(() -> {
                    if (s instanceof LabStep.CopyImage copy && imagesBuilt.containsKey(copy.image())) Futures.join(imagesBuilt.get(copy.image()));
                    timed(s, () -> labs.runOnHost(lab, s, docker, archives));
                })).toList();
                for (Future<?> f : first) Futures.join(f);
                List<Future<?>> made = specsOn(lab, host.name()).stream().<Future<?>>map(spec -> parallel.submit(
                        () -> container(lab, spec, containers, docker))).toList();
                for (Future<?> f : made) Futures.join(f);
                // its containers' health checks, while the other hosts still work
                doing = "wait for its containers' health checks";
                LabHealth.waitUntilHealthy(onlyOn(lab, host.name()), h -> docker, progress);
            }
        } catch (CancellationException | InvalidInputException | ExplainedFailure e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new ExplainedFailure(EngineErrors.action(host.name() + ": " + doing, e)));
        } finally {
            // what never got made must not be waited for by other hosts
            specsOn(lab, host.name()).forEach(spec -> containersMade.get(spec.name())
                    .completeExceptionally(new CancellationException("not made")));
        }
    }

    /** Starts saving the images of a host's containers (those the lab does not build: they are saved once built). */
    private void prefetchImagesFor(LabSpec lab, String host, boolean needsEveryImage) {
        specsOn(lab, host).stream().map(LabSpec.Container::image).distinct().filter(image -> !imagesBuilt.containsKey(image))
                .forEach(image -> {
                    String source = labs.localSource(image);
                    if (source != null) archives.prefetch(source);
                    else if (needsEveryImage) throw new InvalidInputException(Labs.notHere(image, host));
                });
    }

    /** A container of the file (all its replicas), once what it depends on is made, wherever that is. */
    private void container(LabSpec lab, LabSpec.Container spec, List<LabStep> steps, DockerClient docker) {
        for (String dependency : spec.madeAfter()) {
            if (containersMade.containsKey(dependency)) Futures.join(containersMade.get(dependency));
        }
        // as compose's depends_on conditions: until it is healthy, or has run to its end
        spec.waitFor().forEach((other, condition) -> {
            if (!condition.equals("started")) {
                timed(new LabStep.Wait(Labs.hostOf(lab, spec.host()), spec.name(), other, condition),
                        () -> LabHealth.waitFor(lab, other, condition, docker, progress));
            }
        });
        // its replicas are independent of each other: made side by side
        List<Thread> replicas = steps.stream().filter(step -> spec.name().equals(specOf(lab, step)))
                .map(step -> Thread.ofVirtual().start(() -> {
                    try {
                        timed(step, () -> labs.runOnHost(lab, step, docker));
                    } catch (RuntimeException recorded) {
                        // timed() kept it as the apply's failure; it is thrown once all replicas are done
                    }
                })).toList();
        for (Thread replica : replicas) join(replica);
        RuntimeException failed = failure.get();
        if (failed != null) throw failed;
        containersMade.get(spec.name()).complete(null);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** The lab as one host sees it: its containers only (for waiting on their health checks). */
    private static LabSpec onlyOn(LabSpec lab, String host) {
        return new LabSpec(lab.name(), lab.description(), lab.hosts(), lab.networks(), lab.volumes(), specsOn(lab, host),
                lab.swarm(), lab.images(), lab.faults());
    }

    private static boolean makesAContainer(LabStep step) {
        return step instanceof LabStep.CreateContainer || step instanceof LabStep.StartContainer;
    }

    /** The container of the file a step makes or starts ("web" for "web-2"). */
    private static String specOf(LabSpec lab, LabStep step) {
        return switch (step) {
            case LabStep.CreateContainer c -> c.spec().name();
            case LabStep.StartContainer s -> lab.containers().stream()
                    .filter(c -> s.name().equals(c.name()) || (c.replicas() > 1 && s.name().matches(java.util.regex.Pattern.quote(c.name()) + "-\\d+")))
                    .map(LabSpec.Container::name).findFirst().orElse(s.name());
            default -> null;
        };
    }

    private static List<LabSpec.Container> specsOn(LabSpec lab, String host) {
        return lab.containers().stream().filter(c -> host.equals(Labs.hostOf(lab, c.host()))).toList();
    }

    /** Runs one step unless an earlier one failed or the user cancelled; reports it with its duration. */
    private void timed(LabStep step, Runnable work) {
        if (failure.get() != null) throw new CancellationException("an earlier step failed");
        progress.checkCancelled();
        long start = System.nanoTime();
        try {
            work.run();
        } catch (CancellationException | InvalidInputException | ExplainedFailure e) {
            fail(e);
            throw e;
        } catch (RuntimeException e) {
            ExplainedFailure named = new ExplainedFailure(EngineErrors.action(step.host() + ": " + step.describe(), e));
            fail(named);
            throw named;
        }
        long end = System.nanoTime();
        timed.add(new Timed(step.host(), step.describe(), start, end));
        progress.step(String.format("%s: %s (%.1f s)", step.host(), step.describe(), (end - start) / 1e9));
    }

    private void fail(RuntimeException e) {
        // a step that did not start because another failed is not the cause
        if (e instanceof CancellationException && failure.get() != null) return;
        // what is still being saved for the hosts will not be loaded
        if (failure.compareAndSet(null, e)) archives.abort();
    }

    /**
     * "9 steps done in 3.2 s; critical path: data: create simulated host data 2.0 s → …": from
     * the step that ended last, back through what each one waited for (the step that ended
     * last before it began), so the chain says where the time went.
     */
    private String summary(double total) {
        List<Timed> all;
        synchronized (timed) {
            all = new ArrayList<>(timed);
        }
        List<Timed> path = new ArrayList<>();
        Timed step = all.stream().max(Comparator.comparingLong(Timed::end)).orElseThrow();
        while (step != null) {
            path.addFirst(step);
            long began = step.start() + WAKE_UP_NANOS;
            Timed current = step;
            // on its host: each step there waited for the one before it (or ran beside it)
            // ending strictly before it ended: two short steps side by side must not lead back to each other
            step = all.stream().filter(t -> t != current && t.host().equals(current.host()) && t.end() <= began
                    && t.end() < current.end()).max(Comparator.comparingLong(Timed::end)).orElse(null);
        }
        StringBuilder text = new StringBuilder();
        for (Timed t : path) {
            text.append(text.isEmpty() ? "" : " → ").append(t.host()).append(": ").append(t.what())
                    .append(String.format(" %.1f s", t.seconds()));
        }
        return String.format("%d steps done in %.1f s; critical path (the host that finished last): %s", all.size(), total, text);
    }

    /** How long after what it waited for a step may begin and still count as waiting for it. */
    private static final long WAKE_UP_NANOS = 20_000_000;
}
