package dev.portolan.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.VolumesFrom;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;

/** Creates and starts a container from a {@link RunSpec}; the "docker run" of Portolan. */
public final class ContainerRunner {

    private final DockerClient docker;

    public ContainerRunner(DockerClient docker) {
        this.docker = docker;
    }

    /** Returns the new container's id. A container that was created but failed to start is removed. */
    public String run(RunSpec spec) {
        return run(spec, java.util.Map.of());
    }

    /** As {@link #run(RunSpec)}, with labels on the container (a lab's ownership, say). */
    public String run(RunSpec spec, java.util.Map<String, String> labels) {
        return run(spec, labels, null);
    }

    /** As above, with a health check (null for the image's own). */
    public String run(RunSpec spec, java.util.Map<String, String> labels, HealthSpec health) {
        return run(spec, labels, health, List.of());
    }

    /** As above, also mounting the volumes of {@code volumesFrom} (volume containers, by name). */
    public String run(RunSpec spec, java.util.Map<String, String> labels, HealthSpec health, List<String> volumesFrom) {
        return run(spec, labels, health, volumesFrom, ProcessOptions.NONE);
    }

    /** As above, the process run as {@code options} say (user, entrypoint, capabilities, limits, ...). */
    public String run(RunSpec spec, java.util.Map<String, String> labels, HealthSpec health, List<String> volumesFrom,
            ProcessOptions options) {
        return run(spec, labels, health, volumesFrom, options, RunExtras.NONE);
    }

    /** As above, with what a compose service adds (exposed ports, ulimits, logging, aliases and address). */
    public String run(RunSpec spec, java.util.Map<String, String> labels, HealthSpec health, List<String> volumesFrom,
            ProcessOptions options, RunExtras extras) {
        Ports bindings = new Ports();
        List<ExposedPort> exposed = spec.parsedPorts().stream().map(p -> {
            ExposedPort port = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol()));
            bindings.bind(port, p.hostIp() == null ? Ports.Binding.bindPort(p.hostPort())
                    : Ports.Binding.bindIpAndPort(p.hostIp(), p.hostPort()));
            return port;
        }).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        extras.exposedPorts().stream().filter(port -> !exposed.contains(port)).forEach(exposed::add);
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(bindings)
                .withBinds(spec.volumes().stream().map(Bind::parse).toList())
                .withRestartPolicy(restartPolicy(spec.restart()));
        if (spec.network() != null && !spec.network().isBlank()) host.withNetworkMode(spec.network());
        if (!volumesFrom.isEmpty()) host.withVolumesFrom(volumesFrom.stream().map(VolumesFrom::new).toArray(VolumesFrom[]::new));
        var create = docker.createContainerCmd(spec.image()).withExposedPorts(exposed).withEnv(spec.env());
        options.applyTo(create, host, labels);
        extras.applyTo(create, host);
        create.withHostConfig(host);
        if (spec.name() != null && !spec.name().isBlank()) create.withName(spec.name());
        if (!spec.command().isEmpty()) create.withCmd(spec.command());
        if (health != null) create.withHealthcheck(healthCheck(health));
        String id;
        try {
            id = create.exec().getId();
        } catch (NotFoundException e) {
            String message = EngineErrors.engineMessage(e);
            if (message.contains("network")) throw e;
            throw new InvalidInputException("The image " + spec.image() + " is not on this host. "
                    + "Pull it, build it, or choose one from the Images tab.");
        }
        try {
            docker.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            docker.removeContainerCmd(id).withForce(true).exec();
            throw e;
        }
        return id;
    }

    private static HealthCheck healthCheck(HealthSpec health) {
        HealthCheck check = new HealthCheck().withTest(health.test());
        if (health.interval() != null) check.withInterval(health.interval().toNanos());
        if (health.timeout() != null) check.withTimeout(health.timeout().toNanos());
        if (health.retries() != null) check.withRetries(health.retries());
        if (health.startPeriod() != null) check.withStartPeriod(health.startPeriod().toNanos());
        return check;
    }

    private static RestartPolicy restartPolicy(String restart) {
        if (restart == null || restart.isBlank()) return RestartPolicy.noRestart();
        return switch (restart) {
            case "always" -> RestartPolicy.alwaysRestart();
            case "unless-stopped" -> RestartPolicy.unlessStoppedRestart();
            case "on-failure" -> RestartPolicy.onFailureRestart(5);
            default -> RestartPolicy.noRestart();
        };
    }
}
