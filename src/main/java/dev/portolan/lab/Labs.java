package dev.portolan.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Ownership;
import dev.portolan.host.Progress;
import dev.portolan.host.machine.DockerMachine;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.image.ImageArchives;
import dev.portolan.image.ImageCopy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Plan, apply and destroy a lab on its hosts (simulated, existing engines or docker-machine
 * hosts: {@link LabHosts}). Everything made carries the lab's ownership label; a container
 * also carries a hash of its spec, so a changed spec is replaced and an unchanged one left
 * alone: a second apply does nothing, and an apply stopped halfway converges when run
 * again. Blocking: call off the FX thread.
 */
public final class Labs {

    /** The hash of the spec a container was made from. */
    public static final String SPEC = "dev.portolan.spec";
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final DockerClient local;
    private final LabHosts hosts;
    private final ImageSubstitutes substitutes;

    /** @param defaultHostImage the DinD image of hosts whose file names none (docker:dind in the app) */
    public Labs(DockerClient local, SimulatedHosts hosts, String defaultHostImage) {
        this(local, hosts, defaultHostImage, null);
    }

    /** @param machine the docker-machine CLI for hosts with provider: docker-machine (null when not installed) */
    public Labs(DockerClient local, SimulatedHosts hosts, String defaultHostImage, DockerMachine machine) {
        this.local = local;
        this.hosts = new LabHosts(local, hosts, machine, defaultHostImage);
        this.substitutes = ImageSubstitutes.fromEnvironment();
    }

    /**
     * What apply would do, host by host, in order. A host that is stopped or made again from
     * its kept data shows only that step: what is inside it is seen once it is up.
     */
    public List<LabStep> plan(LabSpec lab) {
        LabImages.Builds builds = LabImages.plan(lab, local);
        List<LabStep> steps = new ArrayList<>(builds.steps());
        Map<String, EngineClients> clients = new HashMap<>();
        Map<String, HostState> states = new HashMap<>();
        java.util.Set<String> waking = new java.util.HashSet<>();
        try {
            for (LabSpec.Host host : lab.hosts()) {
                if (host.provider() != LabSpec.Provider.SIMULATED && lab.swarm() != null && swarmMembers(lab).contains(host.name())) {
                    throw new InvalidInputException("Host " + host.name() + ": a lab's Swarm is made of its simulated hosts;"
                            + " this one stays out of it (it may be in a Swarm of its own).");
                }
                HostState state = HostState.EMPTY;
                var running = hosts.running(lab, host);
                if (running.isEmpty()) {
                    LabStep.HostStep up = hosts.bringUp(lab, host);
                    steps.add(up);
                    // a stopped host, or one made again from its kept data, holds what it held: what it
                    // still lacks is known once it is up, and apply plans again then
                    if (!(up instanceof LabStep.CreateHost)) {
                        waking.add(host.name());
                        continue;
                    }
                } else {
                    clients.put(host.name(), running.get());
                    state = HostState.read(running.get().requests(), lab.name());
                }
                states.put(host.name(), state);
                planHost(lab, host.name(), state, steps, builds);
            }
            if (lab.swarm() == null || swarmMembers(lab).stream().noneMatch(waking::contains)) {
                LabSwarm.plan(lab, h -> clients.containsKey(h) ? clients.get(h).requests() : null,
                        h -> states.getOrDefault(h, HostState.EMPTY), steps);
            }
        } finally {
            clients.values().forEach(EngineClients::close);
        }
        return steps;
    }

    /** What one host needs, given what it holds: pure, so it is unit-tested without an engine. */
    static void planHost(LabSpec lab, String host, HostState state, List<LabStep> steps, LabImages.Builds builds) {
        List<LabSpec.Container> containers = DependencyOrder.of(lab.containers()).stream()
                .filter(c -> host.equals(hostOf(lab, c.host()))).toList();
        containers.stream().map(LabSpec.Container::image).distinct().filter(image -> builds.needsCopy(image, state))
                .forEach(image -> steps.add(new LabStep.CopyImage(host, image)));
        lab.volumes().stream().filter(v -> host.equals(hostOf(lab, v.host())) && !state.volumes().contains(v.name()))
                .forEach(v -> steps.add(new LabStep.CreateVolume(host, v.name())));
        lab.networks().stream().filter(n -> host.equals(hostOf(lab, n.host())) && !state.networks().contains(n.name()))
                .forEach(n -> steps.add(new LabStep.CreateNetwork(host, n)));
        List<String> wanted = new ArrayList<>();
        for (LabSpec.Container c : containers) {
            // one hash for all its replicas, worked out once (the files it mounts are read for it)
            // the expanded env counts too: a load balancer is replaced when its backends change
            Map<String, String> expanded = new java.util.TreeMap<>();
            c.env().forEach((k, v) -> expanded.put(k, LabContainers.expandReplicas(lab, v)));
            // and so do the files of an image the lab builds: rebuilt, its containers are made again
            // and the files it mounts from this computer (only when it has some: labs without keep their hashes)
            String files = LabFiles.digest(c);
            String hash = hash(files.isEmpty() ? List.of(c, expanded, builds.filesOf(c.image()))
                    : List.of(c, expanded, builds.filesOf(c.image()), files));
            for (int r = 1; r <= c.replicas(); r++) {
                String name = c.replicas() == 1 ? c.name() : c.name() + "-" + r;
                wanted.add(name);
                HostState.Existing existing = state.containers().get(name);
                if (existing == null) steps.add(new LabStep.CreateContainer(host, name, c, hash, null));
                else if (!hash.equals(existing.specHash())) steps.add(new LabStep.CreateContainer(host, name, c, hash, existing.id()));
                else if (!existing.isRunning() && keepsRunning(c)) steps.add(new LabStep.StartContainer(host, name, existing.id(), existing.state()));
            }
        }
        state.containers().forEach((name, existing) -> {
            if (!wanted.contains(name)) steps.add(new LabStep.RemoveContainer(host, name, existing.id()));
        });
    }

    /**
     * A container the file means to keep running: its restart policy says so. One that
     * runs and ends (a backup, a migration) is left alone when it has exited.
     */
    private static boolean keepsRunning(LabSpec.Container c) {
        return "always".equals(c.restart()) || "unless-stopped".equals(c.restart());
    }

    /**
     * Converges what runs to the file, as a pipeline ({@link LabPipeline}): each host's work
     * starts when that host answers, hosts work at once, containers wait only for what they
     * depend on. What needs every host at once (the Swarm) is planned again and run after,
     * in order; then apply waits until every health check passes. Cancel is checked between
     * steps; an apply stopped halfway converges when run again.
     */
    public void apply(LabSpec lab, Progress progress) {
        new LabPipeline(this, hosts, local, progress).run(lab);
        // the pipeline did every host's own work, health checks included; what needs all hosts at
        // once (the Swarm) is planned now
        if (lab.swarm() == null) return;
        java.time.Instant swarmSteps = java.time.Instant.now();
        List<LabStep> steps = plan(lab);
        // several of its steps run side by side, each with its own host's client
        Map<String, EngineClients> clients = new java.util.concurrent.ConcurrentHashMap<>();
        try (ImageArchives archives = new ImageArchives(local)) {
            new SwarmPhase(progress, step -> {
                switch (step) {
                    case LabStep.BuildImage build -> LabImages.build(local, lab, build, progress);
                    case LabStep.CopyImage copy -> runOnHost(lab, copy, client(lab, copy.host(), clients), archives);
                    default -> run(lab, step, clients);
                }
            }).run(steps);
            LabHealth.waitUntilHealthy(lab, h -> client(lab, h, clients), progress);
            if (lab.swarm() != null && !lab.swarm().managers().isEmpty()) {
                LabHealth.waitUntilServicesRun(lab, client(lab, lab.swarm().managers().getFirst(), clients), swarmSteps,
                        progress);
            }
        } finally {
            clients.values().forEach(EngineClients::close);
        }
    }

    private void run(LabSpec lab, LabStep step, Map<String, EngineClients> clients) {
        if (step instanceof LabStep.HostStep up) {
            hosts.make(lab, up.spec());
            return;
        }
        switch (step) {
            // the Swarm's steps, run on the managers and members they name
            case LabStep.InitSwarm _, LabStep.JoinSwarm _, LabStep.LabelNode _, LabStep.SetNode _, LabStep.LeaveSwarm _,
                    LabStep.CreateOverlayNetwork _, LabStep.CreateService _, LabStep.UpdateService _, LabStep.RemoveService _ ->
                    LabSwarm.run(lab, step, h -> client(lab, h, clients), h -> hosts.address(lab, h));
            default -> runOnHost(lab, step, client(lab, step.host(), clients));
        }
    }

    /** A step that touches only its own host's engine: an image copy, a volume, a network, a container. */
    void runOnHost(LabSpec lab, LabStep step, DockerClient docker) {
        runOnHost(lab, step, docker, null);
    }

    /** As above; an image is loaded from {@code archives} (saved once for all hosts) unless that is null. */
    void runOnHost(LabSpec lab, LabStep step, DockerClient docker, ImageArchives archives) {
        Map<String, String> owned = Map.of(Ownership.LAB, lab.name());
        switch (step) {
            case LabStep.CopyImage copy -> copyImage(docker, copy, archives);
            case LabStep.CreateVolume volume -> docker.createVolumeCmd().withName(volume.name()).withLabels(owned).exec();
            case LabStep.CreateNetwork network -> {
                var create = docker.createNetworkCmd().withName(network.spec().name())
                        .withDriver(network.spec().driver() == null ? "bridge" : network.spec().driver()).withLabels(owned);
                // a fixed subnet, so containers can have fixed addresses on it
                if (network.spec().subnet() != null) {
                    create.withIpam(new com.github.dockerjava.api.model.Network.Ipam().withConfig(
                            new com.github.dockerjava.api.model.Network.Ipam.Config().withSubnet(network.spec().subnet())));
                }
                create.exec();
            }
            case LabStep.CreateContainer create -> LabContainers.create(docker, lab, create);
            case LabStep.StartContainer start -> {
                try {
                    docker.startContainerCmd(start.id()).exec();
                } catch (com.github.dockerjava.api.exception.NotModifiedException alreadyRunning) {
                    // started meanwhile (an apply killed just after asking, or its restart policy): what the plan wanted
                }
            }
            case LabStep.RemoveContainer remove -> docker.removeContainerCmd(remove.id()).withForce(true).exec();
            default -> throw new IllegalStateException(step.describe() + " is not a step of one host");
        }
    }


    /**
     * Sends an image from this computer to a host; when this computer has only its
     * substitute, sends that and tags it on the host with the name the lab uses.
     */
    private void copyImage(DockerClient host, LabStep.CopyImage copy, ImageArchives archives) {
        String source = localSource(copy.image());
        if (source == null) throw new InvalidInputException(notHere(copy.image(), copy.host()));
        if (archives == null) ImageCopy.copy(local, host, source);
        else archives.loadInto(host, source);
        if (!source.equals(copy.image())) {
            String[] repoAndTag = dev.portolan.image.ImagePull.split(copy.image());
            host.tagImageCmd(source, repoAndTag[0], repoAndTag[1]).exec();
        }
    }

    /** Why {@code image} cannot go to {@code host}, and what to do. */
    static String notHere(String image, String host) {
        return "The image " + image + " is not on this computer's engine, so it cannot be copied to " + host
                + ". Pull or build it first (docker pull " + image + ").";
    }

    /** The image this computer's engine sends for {@code image}: itself, or its substitute; null when it has neither. */
    String localSource(String image) {
        if (hasLocally(image)) return image;
        String substitute = substitutes.source(image);
        return hasLocally(substitute) ? substitute : null;
    }

    private boolean hasLocally(String image) {
        try {
            local.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Every host of the lab as it is now: running, lost, stopped, kept data, or absent, with the reason. */
    public List<LabHostStatus> status(LabSpec lab) {
        return dev.portolan.app.Futures.inParallel(lab.hosts(), h -> hosts.status(lab, h));
    }

    /**
     * The simulated hosts of a lab named as `portolan ls` lists it, when its file is not at hand:
     * those with a container and those whose data an earlier destroy kept. Empty when there are none.
     */
    public List<LabHostStatus> status(String labName) {
        var simulated = hosts.simulated();
        java.util.SortedSet<String> names = new java.util.TreeSet<>(simulated.dataVolumes(labName).keySet());
        simulated.list().stream().filter(h -> h.lab().equals(labName)).forEach(h -> names.add(h.name()));
        return dev.portolan.app.Futures.inParallel(List.copyOf(names), name -> {
            var condition = simulated.condition(labName, name);
            return new LabHostStatus(name, "simulated", condition.state().word(), condition.reason());
        });
    }

    /**
     * Copies every volume the lab made, on every simulated host of it, into a tar file under
     * {@code folder} (LAB-HOST-VOLUME-TIME.tar), streamed from the engine: what to do before
     * a destroy that removes the data. Returns the files written.
     */
    public List<java.nio.file.Path> backUp(String labName, java.nio.file.Path folder, Progress progress) {
        return LabTeardown.backUp(hosts, labName, folder, progress);
    }

    /**
     * Removes the lab: its simulated hosts (their data volumes only when asked), and on its
     * existing engines and machines only what carries its label.
     */
    public void destroy(LabSpec lab, boolean removeVolumes, Progress progress) {
        LabTeardown.destroyOutside(hosts, lab, removeVolumes, progress);
        destroy(lab.name(), removeVolumes, progress);
    }

    /**
     * Removes the lab's simulated hosts and everything in them; their data volumes only when
     * asked, then also those an earlier destroy kept.
     */
    public void destroy(String labName, boolean removeVolumes, Progress progress) {
        hosts.simulated().removeLab(labName, !removeVolumes, progress);
    }


    private DockerClient client(LabSpec lab, String host, Map<String, EngineClients> clients) {
        return clients.computeIfAbsent(host, h -> EngineClients.connect(hosts.endpointOf(lab, h))).requests();
    }

    private static List<String> swarmMembers(LabSpec lab) {
        List<String> members = new ArrayList<>(lab.swarm().managers());
        members.addAll(lab.swarm().workers());
        return members;
    }

    static String hostOf(LabSpec lab, String host) {
        return host != null ? host : lab.hosts().size() == 1 ? lab.hosts().getFirst().name() : null;
    }

    /** A short hash of a container's or a service's spec, as it is kept in a label to compare with the file. */
    static String hash(Object c) {
        try {
            byte[] canonical = canonical(c).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a container spec", e);
        }
    }

    /** The text a spec's hash is made of: its JSON, map keys sorted. */
    static String canonical(Object c) {
        try {
            return CANONICAL.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a container spec", e);
        }
    }
}
