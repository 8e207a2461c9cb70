package dev.portolan.lab;

import com.github.dockerjava.api.DockerClient;
import dev.portolan.engine.ContainerRunner;
import dev.portolan.engine.ProcessOptions;
import dev.portolan.engine.HealthSpec;
import dev.portolan.engine.RunExtras;
import dev.portolan.engine.RunSpec;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.portolan.host.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A lab's container as the engine makes it: its environment expanded, its labels, its health check, its networks. */
final class LabContainers {

    private LabContainers() {}

    static void create(DockerClient docker, LabSpec lab, LabStep.CreateContainer create) {
        if (create.replace() != null) docker.removeContainerCmd(create.replace()).withForce(true).exec();
        LabSpec.Container c = create.spec();
        List<String> env = new ArrayList<>(c.env().entrySet().stream()
                .map(e -> e.getKey() + "=" + expandReplicas(lab, e.getValue())).sorted().toList());
        // each replica knows which one it is, so it can say so
        if (c.replicas() > 1) env.add("REPLICA=" + create.name().substring(create.name().lastIndexOf('-') + 1));
        String firstNetwork = c.networks().isEmpty() ? null : c.networks().getFirst();
        List<String> mounts = new ArrayList<>(c.volumes());
        LabFiles.Mounted files = LabFiles.binds(docker, lab, c);
        mounts.addAll(files.binds());
        RunSpec spec = new RunSpec(c.image(), create.name(), c.command(), env, c.replicas() > 1 ? List.of() : c.ports(),
                mounts, firstNetwork, c.restart());
        LabSpec.HealthCheck h = c.healthcheck();
        HealthSpec health = h == null ? null : new HealthSpec(h.test(), HealthSpec.duration(h.interval(), "interval"),
                HealthSpec.duration(h.timeout(), "timeout"), h.retries(), HealthSpec.duration(h.startPeriod(), "start_period"));
        ProcessOptions options = new ProcessOptions(c.user(), c.workingDir(), c.entrypoint(), c.labels(), c.init(), c.capAdd(),
                c.capDrop(), c.tmpfs(), c.memory() == null ? null : dev.portolan.app.Sizes.parse(c.memory()), c.cpus());
        LabSpec.Logging logging = c.logging();
        // replicas share no fixed address; each answers to the container's aliases, and to its name, as compose's DNS
        // answers for a service with all its replicas
        List<String> aliases = new ArrayList<>(c.aliases());
        if (c.replicas() > 1 && !aliases.contains(c.name())) aliases.add(c.name());
        RunExtras extras = new RunExtras(c.expose(), c.ulimits(), logging == null ? null : logging.driver(),
                logging == null ? null : logging.options(), firstNetwork == null ? List.of() : aliases,
                firstNetwork == null || c.replicas() > 1 ? null : c.ipv4Address().get(firstNetwork));
        String id = new ContainerRunner(docker).run(spec, Map.of(Ownership.LAB, lab.name(), Labs.SPEC, create.specHash()), health,
                c.volumesFrom(), options, extras);
        for (String network : c.networks().stream().skip(1).toList()) {
            ContainerNetwork endpoint = new ContainerNetwork().withAliases(aliases);
            String address = c.replicas() > 1 ? null : c.ipv4Address().get(network);
            if (address != null) endpoint.withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(address));
            docker.connectToNetworkCmd().withNetworkId(network).withContainerId(id).withContainerNetwork(endpoint).exec();
        }
        LabFiles.removeStaleCopies(docker, lab, c, files);
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
}
