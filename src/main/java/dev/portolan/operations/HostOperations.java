package dev.portolan.operations;

import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.ContainerRunner;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.Inspector;
import dev.portolan.engine.RunSpec;
import dev.portolan.image.FileChange;
import dev.portolan.image.ImageArchiveReader;
import dev.portolan.image.ImageBuild;
import dev.portolan.image.ImageContents;
import dev.portolan.image.ImageCopy;
import dev.portolan.image.ImageLayer;
import dev.portolan.image.ImageLayers;
import dev.portolan.image.ImagePull;
import dev.portolan.image.TransferProgress;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.inventory.InventoryReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything a person does to one host, whoever asks: the window, the command line, a
 * tour step. It holds no engine client of its own: each call takes the host's current
 * clients once (the watcher's, which come and go with the connection), so a host lost
 * between a check and its use cannot be — a call on a host that is not connected throws
 * {@link HostNotConnectedException}, which says what to do. Blocking: call off the FX thread.
 */
public final class HostOperations implements AutoCloseable {

    private final String host;
    private final Supplier<EngineClients> clients;
    /** The connection {@link #connect} opened, closed with this; null when the clients are someone else's. */
    private EngineClients owned;

    /**
     * @param host    the host's name, as messages say it
     * @param clients the host's clients while connected, null while not
     */
    public HostOperations(String host, Supplier<EngineClients> clients) {
        this.host = host;
        this.clients = clients;
    }

    /** The operations of an engine connected for the caller's whole use (the command line, a lab). */
    public static HostOperations of(EngineClients connected) {
        return new HostOperations(connected.endpoint().name(), () -> connected);
    }

    /** Connects to an engine for the caller's whole use (a `portolan` command); closing this closes it. */
    public static HostOperations connect(EngineEndpoint endpoint) {
        EngineClients connected = EngineClients.connect(endpoint);
        HostOperations operations = of(connected);
        operations.owned = connected;
        return operations;
    }

    @Override
    public void close() {
        if (owned != null) owned.close();
    }

    public String host() {
        return host;
    }

    public boolean isConnected() {
        return clients.get() != null;
    }

    private EngineClients clients() {
        EngineClients now = clients.get();
        if (now == null) throw new HostNotConnectedException(host);
        return now;
    }

    private ContainerOps containers() {
        return new ContainerOps(clients());
    }

    // --- containers

    public void start(String container) {
        containers().start(container);
    }

    public void stop(String container) {
        containers().stop(container);
    }

    public void restart(String container) {
        containers().restart(container);
    }

    public void pause(String container) {
        containers().pause(container);
    }

    public void unpause(String container) {
        containers().unpause(container);
    }

    public void kill(String container) {
        containers().kill(container);
    }

    public void kill(String container, String signal) {
        containers().kill(container, signal);
    }

    /** Removes a container (stopping it first); its anonymous volumes only when asked, named ones never. */
    public void remove(String container, boolean withVolumes) {
        containers().remove(container, withVolumes);
    }

    /** Removes a volume; the engine refuses while a container uses it. Only what the user asked for by name. */
    public void removeVolume(String volume) {
        clients().requests().removeVolumeCmd(volume).exec();
    }

    /** Removes an image by id; the engine refuses while a container uses it. */
    public void removeImage(String image) {
        clients().requests().removeImageCmd(image).exec();
    }

    public void connect(String container, String network) {
        containers().connect(container, network);
    }

    public void connect(String container, String network, List<String> aliases) {
        containers().connect(container, network, aliases);
    }

    /**
     * A container's health as its check last said: healthy, unhealthy, starting; "none" when it
     * has no check, "absent" when there is no such container.
     */
    public String health(String container) {
        try {
            var state = clients().requests().inspectContainerCmd(container).exec().getState();
            return state.getHealth() == null || state.getHealth().getStatus() == null ? "none" : state.getHealth().getStatus();
        } catch (NotFoundException e) {
            return "absent";
        }
    }

    /** Whether the host has a container by this name or id, running or not. */
    public boolean hasContainer(String container) {
        return findFacts(container).isPresent();
    }

    /** A container's facts, or empty when the host has no such container: one request, for a caller that asks often. */
    public Optional<ContainerFacts> findFacts(String container) {
        try {
            return Optional.of(ContainerFacts.of(clients().requests().inspectContainerCmd(container).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public boolean hasVolume(String volume) {
        try {
            clients().requests().inspectVolumeCmd(volume).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The names of the host's containers, running or not. */
    public List<String> containerNames() {
        return clients().requests().listContainersCmd().withShowAll(true).exec().stream()
                .map(c -> c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", ""))
                .toList();
    }

    /** What faults need to know of a container: its state, main process and addresses. */
    public ContainerFacts facts(String container) {
        return findFacts(container).orElseThrow(() -> new InvalidInputException("There is no container " + container + " on "
                + host + ": `docker ps -a` there lists those it has."));
    }

    /**
     * A container's own writable layer: what it added, changed and deleted over its image
     * (`docker diff`), paths without their leading slash, as an image's layers list them.
     */
    public List<FileChange> changes(String container) {
        try {
            var diff = clients().requests().containerDiffCmd(container).exec();
            return diff == null ? List.of() : diff.stream().map(c -> new FileChange(c.getPath().replaceFirst("^/", ""), 0, false,
                    switch (c.getKind()) {
                        case 1 -> FileChange.Change.ADDED;
                        case 2 -> FileChange.Change.REMOVED;
                        default -> FileChange.Change.MODIFIED;
                    }, -1)).toList();
        } catch (NotFoundException e) {
            throw new InvalidInputException("There is no container " + container + " on " + host
                    + " any more: it was removed, and its writable layer with it.");
        }
    }

    public void disconnect(String container, String network) {
        containers().disconnect(container, network);
    }

    /** Streams a container's log lines until it ends or the handle is closed. */
    public AutoCloseable logs(String container, boolean follow, boolean timestamps, int tail, Consumer<String> lines) {
        return containers().logs(container, follow, timestamps, tail, lines);
    }

    /** A container's log with each line's time, and word when it ends: null when the container stopped, else the error. */
    public AutoCloseable logs(String container, int tail, Consumer<String> stampedLines, Consumer<Throwable> ended) {
        return containers().logs(container, true, true, tail, stampedLines, ended);
    }

    public ContainerOps.ExecResult exec(String container, List<String> command, Duration timeout) throws InterruptedException {
        return containers().exec(container, command, timeout);
    }

    /** Creates and starts a container; returns its id. */
    /** A command in a throwaway container joined to {@code container}'s network namespace; the container is always removed. */
    public ContainerOps.ExecResult runJoined(String image, String container, List<String> command, Map<String, String> labels,
            Duration timeout) throws InterruptedException {
        return containers().runJoined(image, container, command, labels, timeout);
    }

    public boolean hasImage(String image) {
        return containers().hasImage(image);
    }

    public String run(RunSpec spec) {
        return new ContainerRunner(clients().requests()).run(spec);
    }

    /** The inspect JSON of a container, image, volume or network ({@code kind}), as `docker inspect` prints it. */
    public String inspect(String kind, String key) {
        return Inspector.inspect(clients().requests(), kind, key);
    }

    // --- images

    public void pull(String reference, ImagePull.Listener listener, BooleanSupplier cancelled) {
        ImagePull.pull(clients().requests(), host, reference, listener, cancelled);
    }

    /** Builds an image from a folder; returns it as the inventory shows images (empty if it went meanwhile). */
    public Optional<ImageInfo> build(Path folder, String tag, ImageBuild.Listener listener, BooleanSupplier cancelled) {
        EngineClients engine = clients();
        String id = ImageBuild.build(engine.requests(), folder, tag, listener, cancelled);
        return new InventoryReader(engine.requests()).image(id);
    }

    // --- volumes

    /** Streams a volume into a tar file on this computer, its SHA-256 beside it; never a half file that looks whole. */
    public dev.portolan.host.VolumeArchive.Written backUpVolume(String volume, Path file, dev.portolan.host.Progress progress) {
        return new dev.portolan.host.VolumeArchive(clients(), host).backup(volume, file, progress);
    }

    /** Restores a backup into a volume after checking its SHA-256; a volume with data is replaced only when forced. */
    public dev.portolan.host.VolumeArchive.Restored restoreVolume(Path file, String volume, boolean force,
            dev.portolan.host.Progress progress) {
        return new dev.portolan.host.VolumeArchive(clients(), host).restore(file, volume, force, progress);
    }

    /** This host's engine, for the Swarm operations (which speak to whichever member manages). */
    com.github.dockerjava.api.DockerClient requests() {
        return clients().requests();
    }

    /** `docker service rollback`: the service's previous spec, which the engine keeps (docker-java has no call for it). */
    void rollbackService(String id, long version) {
        EngineClients engine = clients();
        var current = engine.requests().inspectServiceCmd(id).exec().getSpec();
        try {
            byte[] body = new com.fasterxml.jackson.databind.ObjectMapper()
                    .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).writeValueAsBytes(current);
            engine.post("/services/" + id + "/update?version=" + version + "&rollback=previous", body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends an image to another host, streamed from this engine's save into the other's load. */
    public void copyImageTo(HostOperations target, String image, TransferProgress progress) {
        ImageCopy.copy(clients().requests(), target.clients().requests(), image, progress);
    }

    /** An image's layers from its history: two small requests. */
    public List<ImageLayer> layers(String image) {
        try {
            return ImageLayers.read(clients().requests(), image);
        } catch (NotFoundException e) {
            throw noSuchImage(image);
        }
    }

    /** An image's files per layer, read in one pass over `docker save` as it streams. */
    public ImageContents contents(String image, long expectedBytes, TransferProgress progress) throws IOException {
        EngineClients engine = clients();
        try {
            engine.requests().inspectImageCmd(image).exec(); // `save` of a missing image fails only once streaming
        } catch (NotFoundException e) {
            throw noSuchImage(image);
        }
        try (InputStream archive = engine.stream().saveImageCmd(image).exec()) {
            return ImageArchiveReader.read(archive, expectedBytes, progress);
        }
    }

    private InvalidInputException noSuchImage(String image) {
        return new InvalidInputException("There is no image " + image + " on " + host + ": `docker images` there lists those"
                + " it has; pull or build it, or copy it from a host that has it.");
    }
}
