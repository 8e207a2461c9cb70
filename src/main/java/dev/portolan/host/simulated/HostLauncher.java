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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Creates and starts a simulated host's container: `--privileged` first; where the engine
 * refuses it ("unable to apply caps" in some sandboxes), the capability set that DinD
 * needs instead (all capabilities but SYS_RESOURCE, seccomp and AppArmor unconfined, no
 * masked or read-only /proc paths). Engines that refused once are remembered.
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

    HostLauncher(DockerClient docker) {
        this.docker = docker;
        this.engineId = docker.infoCmd().exec().getId();
    }

    /**
     * Where the container's certificates come from, and what the container is.
     *
     * @param apiPort the 127.0.0.1 port of its TLS API, or 0 to choose a free one
     */
    record Plan(SimulatedHostSpec spec, String network, String volume, Path serverCertificates, int apiPort) {}

    /** What was started: the container, how, and the port of its API. */
    record Launched(String containerId, String privilege, int apiPort) {}

    /** Creates, copies the certificates into, and starts the container; returns its id and mode. */
    Launched launch(Plan plan, java.util.function.Consumer<String> created) {
        List<String> modes = new ArrayList<>(REFUSE_PRIVILEGED.contains(engineId)
                ? List.of("capabilities") : List.of("privileged", "capabilities"));
        String privilegedError = null;
        int apiPort = plan.apiPort() > 0 ? plan.apiPort() : ApiPorts.free();
        int portTries = plan.apiPort() > 0 ? 0 : 2; // a chosen port may be taken before the engine binds it
        for (int i = 0; i < modes.size(); i++) {
            String mode = modes.get(i);
            String id = create(plan, mode, apiPort);
            created.accept(id);
            copyCertificates(id, plan.serverCertificates());
            try {
                docker.startContainerCmd(id).exec();
                return new Launched(id, mode, apiPort);
            } catch (DockerException e) {
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

    private String create(Plan plan, String mode, int apiPort) {
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
        host.withPortBindings(bindings)
                .withBinds(new Bind(plan.volume(), new Volume("/var/lib/docker")))
                .withTmpFs(Map.of("/run", "", "/var/run", ""))
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart())
                .withNetworkMode(plan.network());
        return docker.createContainerCmd(spec.image())
                .withName(spec.containerName())
                .withHostName(spec.name())
                .withAliases(spec.name())
                .withLabels(Map.of(Ownership.LAB, spec.lab(), Ownership.HOST, spec.name(),
                        Ownership.ROLE, Ownership.SIMULATED_HOST, Ownership.PRIVILEGE, mode,
                        Ownership.API_PORT, String.valueOf(apiPort)))
                .withStopTimeout(STOP_GRACE_SECONDS)
                .withEnv("DOCKER_TLS_CERTDIR=")
                .withExposedPorts(exposed)
                .withHostConfig(host)
                .withCmd("--host=unix:///var/run/docker.sock", "--host=tcp://0.0.0.0:" + API_PORT, "--tlsverify",
                        "--tlscacert=/certs/server/ca.pem", "--tlscert=/certs/server/cert.pem",
                        "--tlskey=/certs/server/key.pem")
                .exec().getId();
    }

    /** Puts the server's certificates in /certs/server of the container (read by its engine when it starts). */
    void copyCertificates(String containerId, Path serverCertificates) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (String dir : new String[] {"certs/", "certs/server/"}) {
                TarArchiveEntry entry = new TarArchiveEntry(dir);
                entry.setMode(0755);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (String file : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
                byte[] content = Files.readAllBytes(serverCertificates.resolve(file));
                TarArchiveEntry entry = new TarArchiveEntry("certs/server/" + file);
                entry.setSize(content.length);
                entry.setMode(file.equals("key.pem") ? 0600 : 0644);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the host's certificates", e);
        }
        docker.copyArchiveToContainerCmd(containerId).withRemotePath("/")
                .withTarInputStream(new ByteArrayInputStream(bytes.toByteArray())).exec();
    }
}
