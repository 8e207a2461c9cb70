package dev.portolan.lab;

import static dev.portolan.app.Futures.join;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.engine.ContainerRunner;
import dev.portolan.host.machine.DockerMachine;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.HealthSpec;
import dev.portolan.engine.EngineClients;
import dev.portolan.image.ImageCopy;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.RunSpec;
import dev.portolan.host.Ownership;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHostSpec;
import dev.portolan.host.simulated.SimulatedHosts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Plan, apply and destroy a lab of simulated hosts. Everything made carries the lab's
 * ownership label; a container also carries a hash of its spec, so a changed spec is
 * replaced and an unchanged one left alone: a second apply does nothing, and an apply
 * stopped halfway converges when run again. Blocking: call off the FX thread.
 */
public final class Labs {

    /** The hash of the spec a container was made from. */
    public static final String SPEC = "dev.portolan.spec";
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final DockerClient local;
    private final SimulatedHosts hosts;
    private final String defaultHostImage;
    private final DockerMachine machine;

    /** @param defaultHostImage the DinD image of hosts whose file names none (docker:dind in the app) */
    public Labs(DockerClient local, SimulatedHosts hosts, String defaultHostImage) {
        this(local, hosts, defaultHostImage, null);
    }

    /** @param machine the docker-machine CLI for hosts with provider: docker-machine (null when not installed) */
    public Labs(DockerClient local, SimulatedHosts hosts, String defaultHostImage, DockerMachine machine) {
        this.local = local;
        this.hosts = hosts;
        this.defaultHostImage = defaultHostImage;
        this.machine = machine;
    }

    /** A docker-machine host of a lab is the machine named LAB-HOST. */
    static String machineName(LabSpec lab, String host) {
        return lab.name() + "-" + host;
    }

    private DockerMachine machine(LabSpec.Host host) {
        if (machine == null) {
            throw new InvalidInputException("Host " + host.name() + ": docker-machine is not installed here. Install it,"
                    + " or change the host to provider: simulated (a Docker-in-Docker host on this computer).");
        }
        return machine;
    }

    /** The machine of a docker-machine host when it exists, with its state. */
    private java.util.Optional<dev.portolan.host.machine.Machine> machineOf(LabSpec lab, LabSpec.Host host) {
        String name = machineName(lab, host.name());
        return machine(host).list().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** What apply would do, host by host, in order. */
    public List<LabStep> plan(LabSpec lab) {
        List<LabStep> steps = new ArrayList<>();
        // images the lab builds: built here when missing or when their files changed since
        Map<String, String> builtIds = new HashMap<>();
        Map<String, String> builtFrom = new HashMap<>();
        for (LabSpec.Image image : lab.images()) {
            String hash = filesHash(java.nio.file.Path.of(image.build()));
            String localId = null;
            try {
                var inspected = local.inspectImageCmd(image.name()).exec();
                var labels = inspected.getConfig() == null ? null : inspected.getConfig().getLabels();
                if (labels != null && hash.equals(labels.get(BUILT_FROM))) localId = inspected.getId();
            } catch (com.github.dockerjava.api.exception.NotFoundException missing) {
                // built below
            }
            if (localId == null) steps.add(new LabStep.BuildImage(THIS_COMPUTER, image, hash));
            builtIds.put(image.name(), localId);
            builtFrom.put(image.name(), hash);
        }
        Map<String, EngineClients> clients = new HashMap<>();
        Map<String, HostState> states = new HashMap<>();
        try {
            for (LabSpec.Host host : lab.hosts()) {
                if (host.provider() != LabSpec.Provider.SIMULATED && lab.swarm() != null && swarmMembers(lab).contains(host.name())) {
                    throw new InvalidInputException("Host " + host.name() + ": a lab's Swarm is made of its simulated hosts;"
                            + " this one stays out of it (it may be in a Swarm of its own).");
                }
                HostState state = HostState.EMPTY;
                if (host.provider() == LabSpec.Provider.DOCKER_MACHINE) {
                    var existing = machineOf(lab, host).filter(dev.portolan.host.machine.Machine::isRunning);
                    if (existing.isEmpty()) {
                        steps.add(new LabStep.CreateHost(host.name(), host));
                    } else {
                        EngineClients engine = EngineClients.connect(machine(host).endpoint(existing.get().name()));
                        clients.put(host.name(), engine);
                        state = HostState.read(engine.requests(), lab.name());
                    }
                } else if (host.provider() == LabSpec.Provider.EXISTING) {
                    EngineClients engine = connectExisting(host);
                    clients.put(host.name(), engine);
                    state = HostState.read(engine.requests(), lab.name());
                } else {
                    SimulatedHost running = hosts.find(lab.name(), host.name()).filter(SimulatedHost::isRunning).orElse(null);
                    if (running == null) {
                        steps.add(new LabStep.CreateHost(host.name(), host));
                    } else {
                        EngineClients engine = EngineClients.connect(running.endpoint());
                        clients.put(host.name(), engine);
                        state = HostState.read(engine.requests(), lab.name());
                    }
                }
                states.put(host.name(), state);
                planHost(lab, host.name(), state, steps, builtIds, builtFrom);
            }
            LabSwarm.plan(lab, h -> clients.containsKey(h) ? clients.get(h).requests() : null,
                    h -> states.getOrDefault(h, HostState.EMPTY), steps);
        } finally {
            clients.values().forEach(EngineClients::close);
        }
        return steps;
    }

    private void planHost(LabSpec lab, String host, HostState state, List<LabStep> steps, Map<String, String> builtIds,
            Map<String, String> builtFrom) {
        List<LabSpec.Container> containers = DependencyOrder.of(lab.containers()).stream()
                .filter(c -> host.equals(hostOf(lab, c.host()))).toList();
        containers.stream().map(LabSpec.Container::image).distinct().filter(image -> needsCopy(image, state, builtIds))
                .forEach(image -> steps.add(new LabStep.CopyImage(host, image)));
        lab.volumes().stream().filter(v -> host.equals(hostOf(lab, v.host())) && !state.volumes().contains(v.name()))
                .forEach(v -> steps.add(new LabStep.CreateVolume(host, v.name())));
        lab.networks().stream().filter(n -> host.equals(hostOf(lab, n.host())) && !state.networks().contains(n.name()))
                .forEach(n -> steps.add(new LabStep.CreateNetwork(host, n)));
        List<String> wanted = new ArrayList<>();
        for (LabSpec.Container c : containers) {
            for (int r = 1; r <= c.replicas(); r++) {
                String name = c.replicas() == 1 ? c.name() : c.name() + "-" + r;
                wanted.add(name);
                // the expanded env counts too: a load balancer is replaced when its backends change
                Map<String, String> expanded = new java.util.TreeMap<>();
                c.env().forEach((k, v) -> expanded.put(k, expandReplicas(lab, v)));
                // and so do the files of an image the lab builds: rebuilt, its containers are made again
                String hash = hash(List.of(c, expanded, builtFrom.getOrDefault(c.image(), "")));
                HostState.Existing existing = state.containers().get(name);
                if (existing == null) steps.add(new LabStep.CreateContainer(host, name, c, hash, null));
                else if (!hash.equals(existing.specHash())) steps.add(new LabStep.CreateContainer(host, name, c, hash, existing.id()));
            }
        }
        state.containers().forEach((name, existing) -> {
            if (!wanted.contains(name)) steps.add(new LabStep.RemoveContainer(host, name, existing.id()));
        });
    }

    /**
     * Converges what runs to the file; each step is reported before it runs, cancel is
     * checked between steps. Missing hosts come first, made side by side; then the plan is
     * made again, since a host that kept its data volume may already hold part of the lab.
     */
    public void apply(LabSpec lab, Progress progress) {
        List<LabStep> hostSteps = plan(lab).stream().filter(s -> s instanceof LabStep.CreateHost).toList();
        if (!hostSteps.isEmpty()) {
            progress.checkCancelled();
            hostSteps.forEach(s -> progress.step(s.host() + ": " + s.describe()));
            try (var parallel = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<?>> made = hostSteps.stream()
                        .<java.util.concurrent.Future<?>>map(s -> parallel.submit(() -> run(lab, s, Map.of()))).toList();
                for (var f : made) join(f);
            }
        }
        List<LabStep> steps = plan(lab);
        Map<String, EngineClients> clients = new HashMap<>();
        try {
            for (LabStep step : steps) {
                progress.checkCancelled();
                progress.step(step.host() + ": " + step.describe());
                if (step instanceof LabStep.BuildImage build) {
                    dev.portolan.image.ImageBuild.build(local, java.nio.file.Path.of(build.image().build()), build.image().name(),
                            Map.of(BUILT_FROM, build.filesHash(), Ownership.LAB, lab.name()),
                            dev.portolan.image.ImageBuild.Listener.steps(s -> progress.step(THIS_COMPUTER + ": " + s.instruction())),
                            progress::isCancelled);
                } else {
                    run(lab, step, clients);
                }
            }
            waitUntilHealthy(lab, clients, progress);
            if (lab.swarm() != null && !lab.swarm().managers().isEmpty()) {
                LabSwarm.waitUntilRunning(lab, client(lab, lab.swarm().managers().getFirst(), clients), progress, HEALTHY_WITHIN);
            }
        } finally {
            clients.values().forEach(EngineClients::close);
        }
    }

    /**
     * Waits until every container with a health check says healthy (a lab is up when it
     * works, not when it started); one that turns unhealthy fails the apply with what its
     * check printed. At most {@link #HEALTHY_WITHIN}.
     */
    private void waitUntilHealthy(LabSpec lab, Map<String, EngineClients> clients, Progress progress) {
        Map<String, String> pending = new java.util.LinkedHashMap<>(); // container name -> host
        for (LabSpec.Container c : lab.containers()) {
            if (c.healthcheck() == null || c.healthcheck().test().getFirst().equals("NONE")) continue;
            String host = hostOf(lab, c.host());
            for (int r = 1; r <= c.replicas(); r++) pending.put(c.replicas() == 1 ? c.name() : c.name() + "-" + r, host);
        }
        if (pending.isEmpty()) return;
        progress.step("waiting until " + String.join(", ", pending.keySet()) + (pending.size() == 1 ? " is" : " are") + " healthy");
        long start = System.nanoTime();
        while (!pending.isEmpty()) {
            progress.checkCancelled();
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                DockerClient docker = client(lab, entry.getValue(), clients);
                var health = docker.inspectContainerCmd(entry.getKey()).exec().getState().getHealth();
                String status = health == null ? "none" : health.getStatus();
                if ("healthy".equals(status)) {
                    progress.step(entry.getValue() + ": " + entry.getKey() + " is healthy ("
                            + String.format("%.1f s", (System.nanoTime() - start) / 1e9) + ")");
                    it.remove();
                } else if ("unhealthy".equals(status)) {
                    var log = health.getLog();
                    String output = log == null || log.isEmpty() ? "no output" : log.getLast().getOutput();
                    throw new dev.portolan.engine.InvalidInputException(entry.getValue() + ": " + entry.getKey()
                            + " is unhealthy; its check said: " + dev.portolan.engine.EngineErrors.firstLine(output));
                }
            }
            if (pending.isEmpty()) return;
            if (System.nanoTime() - start > HEALTHY_WITHIN.toNanos()) {
                throw new dev.portolan.engine.InvalidInputException(String.join(", ", pending.keySet())
                        + " did not become healthy within " + HEALTHY_WITHIN.toSeconds() + " s; look at their logs");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }
    }

    static final java.time.Duration HEALTHY_WITHIN = java.time.Duration.ofSeconds(120);

    private void run(LabSpec lab, LabStep step, Map<String, EngineClients> clients) {
        if (step instanceof LabStep.CreateHost create && create.spec().provider() == LabSpec.Provider.DOCKER_MACHINE) {
            String name = machineName(lab, create.host());
            if (machineOf(lab, create.spec()).isPresent()) {
                machine(create.spec()).start(name, line -> { }, Progress.NONE);
            } else {
                String driver = create.spec().driver() == null ? "virtualbox" : create.spec().driver();
                machine(create.spec()).create(name, driver, List.of(), line -> { }, Progress.NONE);
            }
            return;
        }
        if (step instanceof LabStep.CreateHost create) {
            SimulatedHost host = hosts.find(lab.name(), create.host()).orElse(null);
            if (host == null) {
                String image = create.spec().image() == null ? defaultHostImage : create.spec().image();
                hosts.create(new SimulatedHostSpec(lab.name(), create.host(), image,
                        SimulatedHostSpec.parsePorts(String.join(" ", create.spec().ports()))), Progress.NONE);
            } else {
                hosts.start(host, Progress.NONE);
            }
            return;
        }
        DockerClient docker = client(lab, step.host(), clients);
        Map<String, String> owned = Map.of(Ownership.LAB, lab.name());
        switch (step) {
            case LabStep.InitSwarm s -> LabSwarm.run(lab, s, h -> client(lab, h, clients), h -> address(lab, h));
            case LabStep.JoinSwarm s -> LabSwarm.run(lab, s, h -> client(lab, h, clients), h -> address(lab, h));
            case LabStep.CreateOverlayNetwork s -> LabSwarm.run(lab, s, h -> client(lab, h, clients), h -> address(lab, h));
            case LabStep.CreateService s -> LabSwarm.run(lab, s, h -> client(lab, h, clients), h -> address(lab, h));
            case LabStep.RemoveService s -> LabSwarm.run(lab, s, h -> client(lab, h, clients), h -> address(lab, h));
            case LabStep.CopyImage copy -> {
                try {
                    local.inspectImageCmd(copy.image()).exec();
                } catch (NotFoundException e) {
                    throw new InvalidInputException("The image " + copy.image() + " is not on this computer's engine, "
                            + "so it cannot be copied to " + copy.host() + ". Pull or build it first.");
                }
                ImageCopy.copy(local, docker, copy.image());
            }
            case LabStep.CreateVolume volume -> docker.createVolumeCmd().withName(volume.name()).withLabels(owned).exec();
            case LabStep.CreateNetwork network -> docker.createNetworkCmd().withName(network.spec().name())
                    .withDriver(network.spec().driver() == null ? "bridge" : network.spec().driver())
                    .withLabels(owned).exec();
            case LabStep.CreateContainer create -> createContainer(docker, lab, create);
            case LabStep.RemoveContainer remove -> docker.removeContainerCmd(remove.id()).withForce(true).exec();
            case LabStep.CreateHost host -> throw new IllegalStateException("handled above");
            case LabStep.BuildImage build -> throw new IllegalStateException("built by apply, on this computer");
        }
    }

    private static void createContainer(DockerClient docker, LabSpec lab, LabStep.CreateContainer create) {
        if (create.replace() != null) docker.removeContainerCmd(create.replace()).withForce(true).exec();
        LabSpec.Container c = create.spec();
        List<String> env = new ArrayList<>(c.env().entrySet().stream()
                .map(e -> e.getKey() + "=" + expandReplicas(lab, e.getValue())).sorted().toList());
        // each replica knows which one it is, so it can say so
        if (c.replicas() > 1) env.add("REPLICA=" + create.name().substring(create.name().lastIndexOf('-') + 1));
        String firstNetwork = c.networks().isEmpty() ? null : c.networks().getFirst();
        RunSpec spec = new RunSpec(c.image(), create.name(), c.command(), env, c.replicas() > 1 ? List.of() : c.ports(),
                c.volumes(), firstNetwork, c.restart());
        LabSpec.HealthCheck h = c.healthcheck();
        HealthSpec health = h == null ? null : new HealthSpec(h.test(), HealthSpec.duration(h.interval(), "interval"),
                HealthSpec.duration(h.timeout(), "timeout"), h.retries());
        String id = new ContainerRunner(docker).run(spec, Map.of(Ownership.LAB, lab.name(), SPEC, create.specHash()), health,
                c.volumesFrom());
        for (String network : c.networks().stream().skip(1).toList()) {
            docker.connectToNetworkCmd().withNetworkId(network).withContainerId(id).exec();
        }
    }

    /**
     * Copies every volume the lab made, on every host of it, into a tar file under
     * {@code folder} (LAB-HOST-VOLUME-TIME.tar), streamed from the engine: what to do before
     * a destroy that removes the data. Returns the files written.
     */
    public List<java.nio.file.Path> backUp(String labName, java.nio.file.Path folder, Progress progress) {
        List<java.nio.file.Path> written = new ArrayList<>();
        String time = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new InvalidInputException("Cannot make the backup folder " + folder + ": " + e.getMessage());
        }
        for (SimulatedHost host : hosts.list()) {
            if (!host.lab().equals(labName) || !host.isRunning()) continue;
            try (EngineClients clients = EngineClients.connect(host.endpoint())) {
                DockerClient docker = clients.requests();
                var volumes = docker.listVolumesCmd().withFilter("label", List.of(Ownership.LAB + "=" + labName)).exec().getVolumes();
                if (volumes == null || volumes.isEmpty()) continue;
                // any image on the host will do: the container is never started, it only holds the volume for the copy
                String image = docker.listImagesCmd().exec().stream().filter(i -> i.getRepoTags() != null && i.getRepoTags().length > 0)
                        .map(i -> i.getRepoTags()[0]).findFirst().orElseThrow(() -> new InvalidInputException(
                                host.name() + " has no image to read its volumes with"));
                for (var volume : volumes) {
                    progress.checkCancelled();
                    java.nio.file.Path file = folder.resolve(labName + "-" + host.name() + "-" + volume.getName() + "-" + time + ".tar");
                    progress.step(host.name() + ": back up volume " + volume.getName() + " to " + file);
                    String id = docker.createContainerCmd(image).withLabels(Map.of(Ownership.LAB, labName, Ownership.ROLE, "backup"))
                            .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withBinds(
                                    new com.github.dockerjava.api.model.Bind(volume.getName(),
                                            new com.github.dockerjava.api.model.Volume("/" + volume.getName()))))
                            .exec().getId();
                    try (var archive = docker.copyArchiveFromContainerCmd(id, "/" + volume.getName()).exec()) {
                        java.nio.file.Files.copy(archive, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("writing " + file + " failed", e);
                    } finally {
                        docker.removeContainerCmd(id).withForce(true).exec();
                    }
                    written.add(file);
                }
            }
        }
        return written;
    }

    /**
     * As {@link #destroy(String, boolean, Progress)}, and on the lab's existing engines
     * removes what carries the lab's label (containers, networks; volumes only when asked):
     * nothing else there is touched.
     */
    public void destroy(LabSpec lab, boolean removeVolumes, Progress progress) {
        for (LabSpec.Host host : lab.hosts()) {
            if (host.provider() == LabSpec.Provider.DOCKER_MACHINE) {
                // a machine's disk is its data: stopped, it is kept; removed only when asked
                String name = machineName(lab, host.name());
                if (machineOf(lab, host).isEmpty()) continue;
                progress.step(host.name() + (removeVolumes ? ": remove machine " : ": stop machine (its disk is kept) ") + name);
                if (removeVolumes) machine(host).remove(name, line -> { }, Progress.NONE);
                else machine(host).stop(name, line -> { }, Progress.NONE);
                continue;
            }
            if (host.provider() != LabSpec.Provider.EXISTING) continue;
            try (EngineClients engine = connectExisting(host)) {
                DockerClient docker = engine.requests();
                var owned = Map.of(Ownership.LAB, lab.name());
                for (var c : docker.listContainersCmd().withShowAll(true).withLabelFilter(owned).exec()) {
                    progress.step(host.name() + ": remove container " + c.getNames()[0].replaceFirst("^/", ""));
                    docker.removeContainerCmd(c.getId()).withForce(true).exec();
                }
                for (var n : docker.listNetworksCmd().withFilter("label", List.of(Ownership.LAB + "=" + lab.name())).exec()) {
                    progress.step(host.name() + ": remove network " + n.getName());
                    docker.removeNetworkCmd(n.getId()).exec();
                }
                var volumes = docker.listVolumesCmd().withFilter("label", List.of(Ownership.LAB + "=" + lab.name())).exec().getVolumes();
                for (var v : volumes == null ? List.<com.github.dockerjava.api.command.InspectVolumeResponse>of() : volumes) {
                    if (removeVolumes) {
                        progress.step(host.name() + ": remove volume " + v.getName());
                        docker.removeVolumeCmd(v.getName()).exec();
                    } else {
                        progress.step(host.name() + ": keep volume " + v.getName());
                    }
                }
            }
        }
        destroy(lab.name(), removeVolumes, progress);
    }

    /** Removes the lab's simulated hosts and everything in them; their data volumes only when asked. */
    public void destroy(String labName, boolean removeVolumes, Progress progress) {
        for (SimulatedHost host : hosts.list()) {
            if (!host.lab().equals(labName)) continue;
            progress.step(host.name() + ": remove simulated host" + (removeVolumes ? " and its data" : " (its data volume is kept)"));
            hosts.remove(host, !removeVolumes);
        }
        hosts.removeLabNetwork(labName);
    }


    /** The label on an image the lab built: the hash of the files it was built from. */
    static final String BUILT_FROM = "dev.portolan.built-from";
    /** Where BuildImage runs: the laptop's own engine. */
    static final String THIS_COMPUTER = "this computer";
    /**
     * A host needs an image copied when it lacks it, or when the lab built a newer one here;
     * {@code builtIds} holds the local id of each image the lab builds (null: to be built).
     */
    private static boolean needsCopy(String image, HostState state, Map<String, String> builtIds) {
        if (!builtIds.containsKey(image)) return !state.hasImage(image);
        String localId = builtIds.get(image);
        return localId == null || !localId.equals(state.imageId(image));
    }

    /** A hash of a build folder's files (names and contents): a change means building again. */
    static String filesHash(java.nio.file.Path folder) {
        try (var files = java.nio.file.Files.walk(folder)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(java.nio.file.Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (java.io.IOException e) {
            throw new InvalidInputException("Cannot read the build folder " + folder + ": " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.regex.Pattern REPLICAS = java.util.regex.Pattern.compile("\\$\\{replicas:([a-zA-Z0-9_.-]+)}");

    /**
     * "${replicas:web}" becomes "web-1 web-2 web-3": how a load balancer's configuration
     * learns its backends from the lab (the validator has checked that web exists).
     */
    static String expandReplicas(LabSpec lab, String value) {
        return REPLICAS.matcher(value).replaceAll(m -> lab.containers().stream().filter(c -> c.name().equals(m.group(1)))
                .findFirst().map(c -> c.replicas() == 1 ? c.name() : String.join(" ", java.util.stream.IntStream
                        .rangeClosed(1, c.replicas()).mapToObj(r -> c.name() + "-" + r).toList()))
                .orElse(m.group()));
    }

    private DockerClient client(LabSpec lab, String host, Map<String, EngineClients> clients) {
        return clients.computeIfAbsent(host, h -> EngineClients.connect(endpointOf(lab, h))).requests();
    }

    /** Where a lab host's engine answers: a simulated host's TLS API, or the existing engine the file names. */
    private EngineEndpoint endpointOf(LabSpec lab, String host) {
        LabSpec.Host spec = lab.hosts().stream().filter(h -> h.name().equals(host)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no host " + host + " in lab " + lab.name()));
        if (spec.provider() == LabSpec.Provider.EXISTING) return existingEndpoint(spec);
        if (spec.provider() == LabSpec.Provider.DOCKER_MACHINE) return machine(spec).endpoint(machineName(lab, host));
        return hosts.find(lab.name(), host).orElseThrow(() -> new IllegalStateException(host + " is not made yet")).endpoint();
    }

    /** endpoint: a docker context's name, or an address such as unix:///var/run/docker.sock. */
    private EngineEndpoint existingEndpoint(LabSpec.Host spec) {
        String endpoint = spec.endpoint().strip();
        if (endpoint.contains("://")) {
            return new EngineEndpoint(spec.name(), EndpointResolver.parseHost(endpoint, "Host " + spec.name()), null, "lab file");
        }
        return hosts.contexts().read(endpoint);
    }

    private EngineClients connectExisting(LabSpec.Host spec) {
        EngineEndpoint endpoint = existingEndpoint(spec);
        EngineClients engine = EngineClients.connect(endpoint);
        try {
            engine.ping();
        } catch (RuntimeException e) {
            engine.close();
            throw new InvalidInputException("Host " + spec.name() + ": " + EngineErrors.unreachable(endpoint, e));
        }
        return engine;
    }

    private static List<String> swarmMembers(LabSpec lab) {
        List<String> members = new ArrayList<>(lab.swarm().managers());
        members.addAll(lab.swarm().workers());
        return members;
    }

    /** A host's address on its lab network, where the other hosts of the lab reach it. */
    private String address(LabSpec lab, String host) {
        SimulatedHost simulated = hosts.find(lab.name(), host).orElseThrow();
        var networks = local.inspectContainerCmd(simulated.containerId()).exec().getNetworkSettings().getNetworks();
        var onLab = networks.get(SimulatedHosts.networkName(lab.name()));
        if (onLab == null || onLab.getIpAddress() == null) {
            throw new IllegalStateException(host + " is not on its lab network " + SimulatedHosts.networkName(lab.name()));
        }
        return onLab.getIpAddress();
    }

    private static String hostOf(LabSpec lab, String host) {
        return host != null ? host : lab.hosts().size() == 1 ? lab.hosts().getFirst().name() : null;
    }

    /** A short hash of a container's or a service's spec, as it is kept in a label to compare with the file. */
    static String hash(Object c) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(c).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)).substring(0, 16);
        } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a container spec", e);
        }
    }
}
