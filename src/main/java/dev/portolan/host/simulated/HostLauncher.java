package dev.portolan.host.simulated;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import dev.portolan.engine.EngineErrors;
import dev.portolan.host.Ownership;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates and starts a simulated host's container: `--privileged` first; where the engine
 * refuses it ("unable to apply caps" in some sandboxes), the capability set that DinD
 * needs instead (all capabilities but SYS_RESOURCE, seccomp and AppArmor unconfined, no
 * masked or read-only /proc paths). Engines that refused once are remembered. Its server
 * certificates reach it on its stdin at its first start, not by a copy into the container.
 *
 * <p>Made to survive restarts, whatever stopped it: its API port is chosen once, here, and
 * bound explicitly (the engine would pick a new one at every start, and the docker context
 * would point at the old one); /run and /var/run are tmpfs, so the inner engine never finds
 * a stale pid file or socket of a killed predecessor (any DinD image, symlinked or not); it
 * gets {@value #STOP_GRACE_SECONDS} s to stop, so its engine can stop its own containers
 * first; and it restarts with the local engine unless the user stopped it.
 */
final class HostLauncher {

    static final int API_PORT = 2376;
    /** More than the inner dockerd's own 15 s shutdown timeout plus its containers' 10 s. */
    static final int STOP_GRACE_SECONDS = 30;
    private static final Set<String> REFUSE_PRIVILEGED = ConcurrentHashMap.newKeySet();

    private final DockerClient docker;
    private final String engineId;
    final CertificateHandOver handOver;

    HostLauncher(DockerClient docker) {
        this.docker = docker;
        this.engineId = docker.infoCmd().exec().getId();
        this.handOver = new CertificateHandOver(docker);
    }

    /**
     * Where the container's certificates come from, and what the container is.
     *
     * @param apiPort the 127.0.0.1 port of its TLS API, or 0 to choose a free one
     * @param imageEntrypoint the image's own entrypoint, which Portolan's shell hands over to
     */
    record Plan(SimulatedHostSpec spec, String network, String volume, Path serverCertificates, int apiPort,
            List<String> imageEntrypoint) {}

    /** What was started: the container, how, and the port of its API. */
    record Launched(String containerId, String privilege, int apiPort) {}

    /** Creates the container, hands it its certificates, and starts it; returns its id and mode. */
    Launched launch(Plan plan, java.util.function.Consumer<String> created) {
        List<String> modes = new ArrayList<>(REFUSE_PRIVILEGED.contains(engineId)
                ? List.of("capabilities") : List.of("privileged", "capabilities"));
        String privilegedError = null;
        int apiPort = plan.apiPort() > 0 ? plan.apiPort() : ApiPorts.free();
        int portTries = plan.apiPort() > 0 ? 0 : 2; // a chosen port may be taken before the engine binds it
        byte[] certificates = CertificateHandOver.archive(plan.serverCertificates());
        for (int i = 0; i < modes.size(); i++) {
            String mode = modes.get(i);
            String id = create(plan, mode, apiPort, certificates.length);
            created.accept(id);
            var delivery = handOver.begin(id, certificates);
            try {
                docker.startContainerCmd(id).exec();
                delivery.watch();
                return new Launched(id, mode, apiPort);
            } catch (DockerException e) {
                delivery.hangUp();
                String message = EngineErrors.firstLine(e.getMessage());
                docker.removeContainerCmd(id).withForce(true).exec();
                if (mode.equals("privileged") && refusesPrivileged(message)) {
                    REFUSE_PRIVILEGED.add(engineId);
                    privilegedError = message;
                    continue;
                }
                boolean portTaken = message.contains("address already in use") || message.contains("port is already allocated");
                if (portTaken && message.contains(":" + apiPort) && portTries-- > 0) {
                    apiPort = ApiPorts.free();
                    modes.add(i + 1, mode);
                    continue;
                }
                if (portTaken) {
                    throw new dev.portolan.engine.InvalidInputException("A port of " + plan.spec().name()
                            + " is already in use on this computer: " + message + ". Choose another port.");
                }
                throw new IllegalStateException("This engine can run neither a privileged container"
                        + (privilegedError == null ? "" : " (" + privilegedError + ")")
                        + " nor the capability fallback (" + message + "). Simulated hosts need one of them.", e);
            }
        }
        throw new IllegalStateException("no way to start " + plan.spec().name());
    }

    static boolean refusesPrivileged(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("unable to apply caps") || m.contains("operation not permitted") || m.contains("privileged");
    }

    private String create(Plan plan, String mode, int apiPort, int certificateBytes) {
        SimulatedHostSpec spec = plan.spec();
        Ports bindings = new Ports();
        List<ExposedPort> exposed = new ArrayList<>();
        ExposedPort api = ExposedPort.tcp(API_PORT);
        exposed.add(api);
        bindings.bind(api, Ports.Binding.bindIpAndPort("127.0.0.1", apiPort));
        for (var mapping : spec.ports()) {
            ExposedPort port = ExposedPort.tcp(mapping.hostPort());
            exposed.add(port);
            bindings.bind(port, Ports.Binding.bindIpAndPort("127.0.0.1", mapping.laptopPort()));
        }
        HostConfig host = mode.equals("privileged") ? HostConfig.newHostConfig().withPrivileged(true)
                : new HostConfigWithPaths()
                        .withCapAdd(Capability.ALL).withCapDrop(Capability.SYS_RESOURCE)
                        .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"));
        var size = spec.size();
        if (size.cpus() != null) host.withNanoCPUs(Math.round(size.cpus() * 1e9));
        // no swap beyond the limit: a host sized 256 MB runs out where a 256 MB machine would
        if (size.memoryBytes() != null) host.withMemory(size.memoryBytes()).withMemorySwap(size.memoryBytes());
        host.withPortBindings(bindings)
                .withBinds(new Bind(plan.volume(), new Volume("/var/lib/docker")))
                .withTmpFs(Map.of("/run", "", "/var/run", ""))
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                .withNetworkMode(plan.network());
        return docker.createContainerCmd(spec.image())
                .withEntrypoint(entrypoint(plan, certificateBytes))
                .withStdinOpen(true).withStdInOnce(true)
                .withName(spec.containerName())
                .withHostName(spec.name())
                .withAliases(spec.name())
                .withLabels(labels(spec, mode, apiPort))
                .withStopTimeout(STOP_GRACE_SECONDS)
                .withEnv("DOCKER_TLS_CERTDIR=")
                .withExposedPorts(exposed)
                .withHostConfig(host)
                .withCmd(engineArguments(spec))
                .exec().getId();
    }

    /**
     * A shell in front of the image's own entrypoint. It first takes the server's certificates
     * from its stdin (exactly {@code certificateBytes} of a tar, so no end of input is needed)
     * unless a start before this one already did; it says so on stdout, which tells Portolan
     * that it may hang up. Then, for a sized host: on cgroup v1 the inner engine sees the whole
     * hierarchy and would make its containers beside the host (its limits then hold nothing
     * back), so the shell reads the host's own memory cgroup and hands it to dockerd as
     * --cgroup-parent; on cgroup v2 (a private cgroup namespace, the hierarchy already the
     * host's) it changes nothing.
     */
    private static List<String> entrypoint(Plan plan, int certificateBytes) {
        SimulatedHostSpec spec = plan.spec();
        String certificates = CertificateHandOver.receiveScript(certificateBytes);
        boolean sized = spec.size().cpus() != null || spec.size().memoryBytes() != null;
        String engine = sized
                ? "p=$(sed -n 's/^[0-9]*:memory://p' /proc/self/cgroup); "
                        + "if [ -n \"$p\" ] && [ \"$p\" != / ]; then exec \"$@\" --cgroup-parent=\"$p\"; else exec \"$@\"; fi"
                : "exec \"$@\"";
        List<String> entrypoint = new ArrayList<>(List.of("sh", "-c", certificates + engine, "portolan-host"));
        entrypoint.addAll(plan.imageEntrypoint());
        return entrypoint;
    }

    /** The size a host's container was made with (its limits, its engine's labels), to make it again the same. */
    static SimulatedHostSpec.Size sizeOf(com.github.dockerjava.api.command.InspectContainerResponse inspected) {
        HostConfig config = inspected.getHostConfig();
        Long nano = config == null ? null : config.getNanoCPUs();
        Long memory = config == null ? null : config.getMemory();
        Map<String, String> labels = new java.util.HashMap<>();
        String[] cmd = inspected.getConfig().getCmd();
        if (cmd != null) {
            for (String arg : cmd) {
                if (arg.startsWith("--label=") && arg.indexOf('=', 8) > 8) {
                    labels.put(arg.substring(8, arg.indexOf('=', 8)), arg.substring(arg.indexOf('=', 8) + 1));
                }
            }
        }
        return new SimulatedHostSpec.Size(nano == null || nano == 0 ? null : nano / 1e9, memory == null || memory == 0 ? null : memory,
                labels);
    }

    /** Its engine's command line: the API on TLS, and the engine labels the host was given. */
    static List<String> engineArguments(SimulatedHostSpec spec) {
        List<String> args = new ArrayList<>(List.of("--host=unix:///var/run/docker.sock", "--host=tcp://0.0.0.0:" + API_PORT,
                "--tlsverify", "--tlscacert=/certs/server/ca.pem", "--tlscert=/certs/server/cert.pem", "--tlskey=/certs/server/key.pem"));
        new java.util.TreeMap<>(spec.size().labels()).forEach((k, v) -> args.add("--label=" + k + "=" + v));
        return args;
    }

    /** What marks the container as the host it is; its size too, so the window can say it without asking the engine. */
    private static Map<String, String> labels(SimulatedHostSpec spec, String mode, int apiPort) {
        Map<String, String> labels = new java.util.HashMap<>(Map.of(Ownership.LAB, spec.lab(), Ownership.HOST, spec.name(),
                Ownership.ROLE, Ownership.SIMULATED_HOST, Ownership.PRIVILEGE, mode, Ownership.API_PORT, String.valueOf(apiPort)));
        if (spec.size().cpus() != null) labels.put(Ownership.CPUS, String.valueOf(spec.size().cpus()));
        if (spec.size().memoryBytes() != null) labels.put(Ownership.MEMORY, String.valueOf(spec.size().memoryBytes()));
        return labels;
    }
}
