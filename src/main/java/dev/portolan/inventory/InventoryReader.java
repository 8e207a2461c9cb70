package dev.portolan.inventory;

import static dev.portolan.app.Futures.join;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads resources from one engine into inventory records. Inspects run side by side on
 * virtual threads, so 200 containers cost about as much as a handful; an image's layers
 * are inspected once per process ({@link ImageLayerCache}).
 */
public final class InventoryReader {

    private final DockerClient docker;

    public InventoryReader(DockerClient docker) {
        this.docker = docker;
    }

    /** A full snapshot: facts, containers, images, volumes and networks. */
    public HostInventory readAll() {
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<EngineFacts> facts = parallel.submit(this::facts);
            Future<Map<String, ImageInfo>> images = parallel.submit(() -> images(Map.of()));
            Future<Map<String, VolumeInfo>> volumes = parallel.submit(this::volumes);
            Future<Map<String, NetworkInfo>> networks = parallel.submit(this::networks);
            Map<String, ContainerInfo> containers = containers();
            return new HostInventory(join(facts), containers, join(images), join(volumes), join(networks));
        }
    }

    public EngineFacts facts() {
        Info info;
        Version version;
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Version> asked = parallel.submit(() -> docker.versionCmd().exec());
            info = docker.infoCmd().exec();
            version = join(asked);
        }
        String swarm = info.getSwarm() == null || info.getSwarm().getLocalNodeState() == null
                ? "inactive" : info.getSwarm().getLocalNodeState().getValue();
        return new EngineFacts(
                info.getId(), info.getName(), version.getVersion(), version.getApiVersion(),
                info.getOperatingSystem(), info.getArchitecture(), info.getKernelVersion(),
                info.getNCPU() == null ? 0 : info.getNCPU(), info.getMemTotal() == null ? 0 : info.getMemTotal(),
                info.getDriver(), swarm);
    }

    public Map<String, ContainerInfo> containers() {
        List<String> ids = docker.listContainersCmd().withShowAll(true).exec().stream().map(Container::getId).toList();
        return HostInventory.byKey(inParallel(ids, this::container).stream().flatMap(Optional::stream).toList(),
                ContainerInfo::id);
    }

    /** One container, or empty when it is gone. */
    public Optional<ContainerInfo> container(String id) {
        try {
            return Optional.of(toContainer(docker.inspectContainerCmd(id).exec()));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    /** All images; layers are taken from {@code known} when an image's id is already there. */
    public Map<String, ImageInfo> images(Map<String, ImageInfo> known) {
        List<Image> listed = docker.listImagesCmd().exec();
        List<Optional<ImageInfo>> read = inParallel(listed, image -> {
            ImageInfo old = known.get(image.getId());
            List<String> layers = old != null ? old.layers()
                    : ImageLayerCache.get(image.getId()).orElseGet(() -> layersOf(image.getId()));
            return Optional.of(new ImageInfo(image.getId(), tagsOf(image), orZero(image.getSize()),
                    Instant.ofEpochSecond(orZero(image.getCreated())), layers,
                    emptyToNull(image.getParentId()), orEmpty(image.getLabels())));
        });
        return HostInventory.byKey(read.stream().flatMap(Optional::stream).toList(), ImageInfo::id);
    }

    public Map<String, VolumeInfo> volumes() {
        var response = docker.listVolumesCmd().exec();
        List<VolumeInfo> volumes = new ArrayList<>();
        if (response.getVolumes() != null) {
            response.getVolumes().forEach(v -> volumes.add(
                    new VolumeInfo(v.getName(), v.getDriver(), v.getMountpoint(), orEmpty(v.getLabels()), null)));
        }
        return HostInventory.byKey(volumes, VolumeInfo::name);
    }

    public Map<String, NetworkInfo> networks() {
        List<NetworkInfo> networks = new ArrayList<>();
        for (Network n : docker.listNetworksCmd().exec()) {
            var config = n.getIpam() == null || n.getIpam().getConfig() == null || n.getIpam().getConfig().isEmpty()
                    ? null : n.getIpam().getConfig().getFirst();
            networks.add(new NetworkInfo(n.getId(), n.getName(), n.getDriver(), n.getScope(),
                    config == null ? null : config.getSubnet(), config == null ? null : config.getGateway(),
                    Boolean.TRUE.equals(n.getInternal()), Boolean.TRUE.equals(n.isAttachable()),
                    orEmpty(n.getLabels())));
        }
        return HostInventory.byKey(networks, NetworkInfo::id);
    }

    /** One image by id or name, as the image list would show it; empty when there is none. */
    public Optional<ImageInfo> image(String idOrName) {
        try {
            var i = docker.inspectImageCmd(idOrName).exec();
            List<String> tags = i.getRepoTags() == null ? List.of() : i.getRepoTags().stream().sorted().toList();
            List<String> layers = i.getRootFS() == null || i.getRootFS().getLayers() == null ? List.of() : i.getRootFS().getLayers();
            ImageLayerCache.put(i.getId(), layers);
            Instant created = i.getCreated() == null ? null : Instant.parse(i.getCreated());
            Map<String, String> labels = i.getConfig() == null ? null : i.getConfig().getLabels();
            return Optional.of(new ImageInfo(i.getId(), tags, orZero(i.getSize()), created, layers,
                    emptyToNull(i.getParent()), orEmpty(labels)));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private List<String> layersOf(String imageId) {
        try {
            var rootFs = docker.inspectImageCmd(imageId).exec().getRootFS();
            List<String> layers = rootFs == null || rootFs.getLayers() == null ? List.of() : rootFs.getLayers();
            ImageLayerCache.put(imageId, layers);
            return layers;
        } catch (NotFoundException gone) {
            return List.of();
        }
    }

    static ContainerInfo toContainer(InspectContainerResponse c) {
        var state = c.getState();
        var settings = c.getNetworkSettings();
        List<ContainerInfo.PortMapping> ports = new ArrayList<>();
        if (settings != null && settings.getPorts() != null) {
            settings.getPorts().getBindings().forEach((exposed, bindings) -> {
                if (bindings == null || bindings.length == 0) {
                    ports.add(new ContainerInfo.PortMapping(null, 0, exposed.getPort(), exposed.getProtocol().toString()));
                } else {
                    for (var b : bindings) {
                        ports.add(new ContainerInfo.PortMapping(b.getHostIp(), parsePort(b.getHostPortSpec()),
                                exposed.getPort(), exposed.getProtocol().toString()));
                    }
                }
            });
        }
        // a container that does not run has no ports bound: what it asks for is in its host config
        if (ports.isEmpty() && c.getHostConfig() != null && c.getHostConfig().getPortBindings() != null) {
            c.getHostConfig().getPortBindings().getBindings().forEach((exposed, bindings) -> {
                if (bindings == null) return;
                for (var b : bindings) {
                    ports.add(new ContainerInfo.PortMapping(b.getHostIp(), parsePort(b.getHostPortSpec()),
                            exposed.getPort(), exposed.getProtocol().toString()));
                }
            });
        }
        ports.sort(java.util.Comparator.comparingInt(ContainerInfo.PortMapping::containerPort)
                .thenComparing(p -> p.hostIp() == null ? "" : p.hostIp()));
        List<ContainerInfo.NetworkAttachment> networks = new ArrayList<>();
        if (settings != null && settings.getNetworks() != null) {
            settings.getNetworks().forEach((name, n) -> networks.add(new ContainerInfo.NetworkAttachment(
                    name, n.getNetworkID(), emptyToNull(n.getIpAddress()),
                    n.getAliases() == null ? List.of() : n.getAliases())));
        }
        networks.sort(java.util.Comparator.comparing(ContainerInfo.NetworkAttachment::network));
        List<ContainerInfo.Mount> mounts = new ArrayList<>();
        if (c.getMounts() != null) {
            for (var m : c.getMounts()) {
                boolean volume = m.getName() != null && !m.getName().isBlank();
                mounts.add(new ContainerInfo.Mount(volume ? "volume" : "bind", volume ? m.getName() : null,
                        m.getSource(), m.getDestination() == null ? "" : m.getDestination().getPath(),
                        !Boolean.FALSE.equals(m.getRW())));
            }
        }
        String command = c.getPath() == null ? "" : (c.getPath() + " " + String.join(" ",
                c.getArgs() == null ? new String[0] : c.getArgs())).strip();
        String name = c.getName() == null ? c.getId() : c.getName().replaceFirst("^/", "");
        return new ContainerInfo(c.getId(), name,
                c.getConfig() == null ? "" : c.getConfig().getImage(), c.getImageId(), command,
                state == null ? State.UNKNOWN : State.of(state.getStatus()),
                state == null || state.getHealth() == null ? Health.NONE : Health.of(state.getHealth().getStatus()),
                c.getRestartCount() == null ? 0 : c.getRestartCount(),
                state == null || state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue(),
                state != null && Boolean.TRUE.equals(state.getOOMKilled()),
                ports, networks, mounts,
                c.getConfig() == null ? Map.of() : orEmpty(c.getConfig().getLabels()),
                parseTime(c.getCreated()), state == null ? null : parseTime(state.getStartedAt()));
    }

    private static <T, R> List<R> inParallel(List<T> items, Function<T, R> read) {
        if (items.size() <= 1) return items.stream().map(read).toList();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            // at most 16 requests at once: the engine answers them no faster beyond that
            var gate = new java.util.concurrent.Semaphore(16);
            List<Future<R>> futures = items.stream().map(item -> parallel.submit(() -> {
                gate.acquire();
                try {
                    return read.apply(item);
                } finally {
                    gate.release();
                }
            })).toList();
            return futures.stream().map(dev.portolan.app.Futures::join).toList();
        }
    }


    private static List<String> tagsOf(Image image) {
        if (image.getRepoTags() == null) return List.of();
        return java.util.Arrays.stream(image.getRepoTags()).filter(t -> !t.equals("<none>:<none>")).sorted().toList();
    }

    private static int parsePort(String spec) {
        if (spec == null || spec.isBlank()) return 0;
        try {
            return Integer.parseInt(spec.contains("-") ? spec.substring(0, spec.indexOf('-')) : spec);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Instant parseTime(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) return null;
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
