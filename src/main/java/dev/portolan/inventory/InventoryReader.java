package dev.portolan.inventory;

import static dev.portolan.app.Futures.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import dev.portolan.engine.EngineJson;
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
    /** Containers and the engine's API version are read as JSON (null for a client that is not docker-java's own). */
    private final EngineJson json;

    public InventoryReader(DockerClient docker) {
        this.docker = docker;
        this.json = EngineJson.of(docker);
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

    /**
     * The engine's facts from /info, and its API version from a ping's header: /version costs the
     * engine as much as /info (each runs runc and docker-init to ask their versions, 25-40 ms on a
     * busy laptop) and says nothing else the facts need.
     */
    public EngineFacts facts() {
        Info info = docker.infoCmd().exec();
        String apiVersion = json != null ? json.header("/_ping", "Api-Version") : null;
        if (apiVersion == null) apiVersion = docker.versionCmd().exec().getApiVersion();
        String swarm = info.getSwarm() == null || info.getSwarm().getLocalNodeState() == null
                ? "inactive" : info.getSwarm().getLocalNodeState().getValue();
        return new EngineFacts(
                info.getId(), info.getName(), info.getServerVersion(), apiVersion,
                info.getOperatingSystem(), info.getArchitecture(), info.getKernelVersion(),
                info.getNCPU() == null ? 0 : info.getNCPU(), info.getMemTotal() == null ? 0 : info.getMemTotal(),
                info.getDriver(), swarm);
    }

    public Map<String, ContainerInfo> containers() {
        List<String> ids = new ArrayList<>();
        for (JsonNode listed : json().get("/containers/json?all=1")) ids.add(listed.path("Id").asText());
        return HostInventory.byKey(inParallel(ids, this::container).stream().flatMap(Optional::stream).toList(),
                ContainerInfo::id);
    }

    /** One container, or empty when it is gone. */
    public Optional<ContainerInfo> container(String id) {
        try {
            return Optional.of(ContainerJson.toContainer(json().get("/containers/" + id + "/json")));
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

    private EngineJson json() {
        if (json == null) throw new IllegalStateException("containers are read through a docker-java client of Portolan's own");
        return json;
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
