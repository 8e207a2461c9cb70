package dev.portolan.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A lab as its YAML file declares it: hosts, networks, volumes, containers and an
 * optional Swarm. Plain data; {@link LabValidator} checks that the parts fit together.
 */
public record LabSpec(
        String name,
        String description,
        List<Host> hosts,
        List<Network> networks,
        List<Volume> volumes,
        List<Container> containers,
        Swarm swarm,
        List<Image> images,
        Map<String, List<FaultEntry>> faults) {

    public LabSpec {
        faults = faults == null ? Map.of() : Map.copyOf(faults);
        images = images == null ? List.of() : List.copyOf(images);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        networks = networks == null ? List.of() : List.copyOf(networks);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    /** Where a host comes from. */
    public enum Provider {
        @JsonProperty("simulated") SIMULATED,
        @JsonProperty("docker-machine") DOCKER_MACHINE,
        @JsonProperty("existing") EXISTING
    }

    /**
     * @param image    the DinD image of a simulated host (docker:dind by default)
     * @param ports    "8080:80": this computer's 127.0.0.1:8080 to the host's port 80
     * @param endpoint for an existing host: a docker context name or an address
     * @param driver   for a docker-machine host (virtualbox by default)
     */
    /**
     * {@code address}: where the lab's other hosts reach an existing host, for a swarm (a simulated host's is known).
     * {@code cpus}, {@code memory} ("512m", "2g"): the host's size, as a production machine's — a simulated host's
     * container limits, a docker-machine VM's CPUs and memory; {@code labels}: its engine's labels and its Swarm node's,
     * for placement constraints.
     */
    public record Host(String name, Provider provider, String image, List<String> ports, String endpoint, String driver,
            String address,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double cpus,
            @JsonInclude(JsonInclude.Include.NON_NULL) String memory,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels) {
        public Host {
            provider = provider == null ? Provider.SIMULATED : provider;
            ports = ports == null ? List.of() : List.copyOf(ports);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        /** Whether a size or labels are asked for. */
        public boolean isSized() {
            return cpus != null || memory != null || !labels.isEmpty();
        }
    }

    /** A network on one host (bridge), or across the Swarm's hosts (overlay) when host is absent. */
    public record Network(String name, String host, String driver, String subnet) {}

    /**
     * An image the lab builds on this computer from a folder with a Dockerfile (relative to
     * the lab file), then copies to the hosts whose containers use it; {@code dockerfile}
     * (another file in the folder), build {@code args} and a {@code target} stage as compose has them.
     */
    public record Image(String name, String build,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String dockerfile,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> args,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String target) {
        public Image {
            args = args == null ? Map.of() : Map.copyOf(args);
        }

        public Image(String name, String build) {
            this(name, build, null, null, null);
        }
    }

    /** A named volume on one host. */
    public record Volume(String name, String host) {}

    /** A container, or {@code replicas} of them (named NAME-1, NAME-2, ... when more than one). */
    public record Container(
            String name,
            String host,
            String image,
            Integer replicas,
            List<String> command,
            Map<String, String> env,
            List<String> ports,
            List<String> volumes,
            List<String> networks,
            String restart,
            HealthCheck healthcheck,
            @JsonProperty("depends_on") List<String> dependsOn,
            @JsonProperty("volumes_from") List<String> volumesFrom,
            // how the process runs; left out of the spec's hash when unset, so labs written before keep their containers
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String user,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("working_dir") String workingDir,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> entrypoint,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Boolean init,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("cap_add") List<String> capAdd,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("cap_drop") List<String> capDrop,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tmpfs,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String memory,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Double cpus,
            // what a staging copy of a compose service needs as well
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FileMount> files,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> expose,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("wait_for") Map<String, String> waitFor,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> ulimits,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Logging logging,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> aliases,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("ipv4_address") Map<String, String> ipv4Address) {

        public Container {
            replicas = replicas == null ? 1 : replicas;
            command = command == null ? List.of() : List.copyOf(command);
            env = env == null ? Map.of() : Map.copyOf(env);
            ports = ports == null ? List.of() : List.copyOf(ports);
            volumes = volumes == null ? List.of() : List.copyOf(volumes);
            networks = networks == null ? List.of() : List.copyOf(networks);
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
            volumesFrom = volumesFrom == null ? List.of() : List.copyOf(volumesFrom);
            entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
            capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
            tmpfs = tmpfs == null ? List.of() : List.copyOf(tmpfs);
            files = files == null ? List.of() : List.copyOf(files);
            expose = expose == null ? List.of() : List.copyOf(expose);
            waitFor = waitFor == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(waitFor));
            ulimits = ulimits == null ? Map.of() : Map.copyOf(ulimits);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            ipv4Address = ipv4Address == null ? Map.of() : Map.copyOf(ipv4Address);
        }

        /** What must be made before it: what it depends on, waits for, and takes volumes from. */
        public List<String> madeAfter() {
            java.util.LinkedHashSet<String> before = new java.util.LinkedHashSet<>(dependsOn);
            before.addAll(waitFor.keySet());
            before.addAll(volumesFrom);
            return List.copyOf(before);
        }
    }

    /**
     * A file or folder of this computer put into the container: copied to the host at apply
     * (into a volume the lab owns) and again whenever it changes, then mounted at {@code target}.
     * {@code source} is relative to the lab file; or {@code content} gives the file's text
     * (a compose config with content:).
     */
    public record FileMount(String source,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String content,
            String target,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("read_only") Boolean readOnly) {

        public FileMount {
            readOnly = Boolean.TRUE.equals(readOnly) ? Boolean.TRUE : null; // false and absent are the same mount
        }

        public boolean readOnlyMount() {
            return Boolean.TRUE.equals(readOnly);
        }
    }

    /** Where a container's output goes: a logging driver (json-file, local, none, ...) and its options. */
    public record Logging(String driver, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> options) {
        public Logging {
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    /**
     * One fault of a named list a lab can switch on (`portolan fault on LAB.yaml NAME`):
     * exactly one of stop, kill, pause, kill-engine, restart-engine, disconnect, cut, drop,
     * delay, naming the lab's hosts (node1) and containers (node1/db) as the lab does.
     */
    public record FaultEntry(String stop, String kill, String pause,
            @JsonProperty("kill-engine") String killEngine,
            @JsonProperty("restart-engine") String restartEngine,
            String disconnect, String network, String signal,
            List<String> cut, @JsonProperty("one-way") Boolean oneWay,
            String drop, String share,
            String delay, String latency, String jitter) {}

    /** A health check, as in compose: test, interval, timeout, retries, and the start period whose failures do not count. */
    public record HealthCheck(List<String> test, String interval, String timeout, Integer retries,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("start_period") String startPeriod) {
        public HealthCheck {
            test = test == null ? List.of() : List.copyOf(test);
        }

        public HealthCheck(List<String> test, String interval, String timeout, Integer retries) {
            this(test, interval, timeout, retries, null);
        }
    }

    /**
     * A Swarm over some of the lab's hosts, with its services; {@code drain}: members whose nodes run no
     * task (as before maintenance), the others active.
     */
    public record Swarm(List<String> managers, List<String> workers, List<Service> services,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> drain) {
        public Swarm {
            managers = managers == null ? List.of() : List.copyOf(managers);
            workers = workers == null ? List.of() : List.copyOf(workers);
            services = services == null ? List.of() : List.copyOf(services);
            drain = drain == null ? List.of() : List.copyOf(drain);
        }
    }

    /**
     * A Swarm service. {@code constraints}: where its tasks may run, as `docker service create --constraint` says it
     * (node.labels.zone==b); {@code update}: how a change of it rolls out (absent: one task at a time, rolled back on failure);
     * {@code endpointMode}: vip (a virtual IP, load-balanced by the kernel's IPVS; the default) or dnsrr (its name
     * resolves to its tasks' own addresses: works where the kernel has no IPVS; its ports are published on the
     * nodes that run a task).
     */
    public record Service(String name, String image, Integer replicas, List<String> command, List<String> ports,
            List<String> networks, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> constraints,
            @JsonInclude(JsonInclude.Include.NON_NULL) Update update,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("endpoint_mode") String endpointMode) {
        public Service {
            replicas = replicas == null ? 1 : replicas;
            command = command == null ? List.of() : List.copyOf(command);
            ports = ports == null ? List.of() : List.copyOf(ports);
            networks = networks == null ? List.of() : List.copyOf(networks);
            constraints = constraints == null ? List.of() : List.copyOf(constraints);
        }
    }

    /** A service's rolling update, as `docker service update --update-*` says it: durations such as 5s. */
    public record Update(@JsonInclude(JsonInclude.Include.NON_NULL) Integer parallelism,
            @JsonInclude(JsonInclude.Include.NON_NULL) String delay,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("failure_action") String failureAction,
            @JsonInclude(JsonInclude.Include.NON_NULL) String monitor) {}
}
