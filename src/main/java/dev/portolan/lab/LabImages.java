package dev.portolan.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Ownership;
import dev.portolan.host.Progress;
import dev.portolan.image.ImageBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images a lab builds on this computer: built when missing or when the files of
 * their folder changed (the image keeps a hash of them in a label), then copied to the
 * hosts that lack them or hold an older build.
 */
final class LabImages {

    private static final Logger LOG = LoggerFactory.getLogger(LabImages.class);

    /** The label on an image the lab built: the hash of the files it was built from. */
    static final String BUILT_FROM = "dev.portolan.built-from";
    /** Where a build runs, as the plan says it: the laptop's own engine. */
    static final String THIS_COMPUTER = "this computer";

    /**
     * What the plan knows of the lab's images: the builds to do, the local id of each image
     * (null when it is to be built) and the hash of the files each comes from.
     */
    record Builds(List<LabStep> steps, Map<String, String> localIds, Map<String, String> filesHashes) {

        /** A host needs an image copied when it lacks it, or when the lab built a newer one here. */
        boolean needsCopy(String image, HostState state) {
            if (!localIds.containsKey(image)) return !state.hasImage(image);
            String localId = localIds.get(image);
            return localId == null || !localId.equals(state.imageId(image));
        }

        /** For a container's spec hash: rebuilt, its image's files make it a new container. */
        String filesOf(String image) {
            return filesHashes.getOrDefault(image, "");
        }
    }

    private LabImages() {}

    static Builds plan(LabSpec lab, DockerClient local) {
        List<LabStep> steps = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        for (LabSpec.Image image : lab.images()) {
            String hash = filesHash(Path.of(image.build()));
            // another Dockerfile, other arguments or another stage are another image
            if (image.dockerfile() != null || !image.args().isEmpty() || image.target() != null) {
                hash = Labs.hash(List.of(hash, String.valueOf(image.dockerfile()), new java.util.TreeMap<>(image.args()),
                        String.valueOf(image.target())));
            }
            String localId = null;
            try {
                var inspected = local.inspectImageCmd(image.name()).exec();
                var labels = inspected.getConfig() == null ? null : inspected.getConfig().getLabels();
                if (labels != null && hash.equals(labels.get(BUILT_FROM))) localId = inspected.getId();
            } catch (NotFoundException missing) {
                // to be built
            }
            if (localId == null) steps.add(new LabStep.BuildImage(THIS_COMPUTER, image, hash));
            ids.put(image.name(), localId);
            hashes.put(image.name(), hash);
        }
        return new Builds(steps, ids, hashes);
    }

    static void build(DockerClient local, LabSpec lab, LabStep.BuildImage build, Progress progress) {
        LabSpec.Image image = build.image();
        String previous = previousBuild(local, lab, image.name());
        String built = ImageBuild.build(local, Path.of(image.build()), image.name(),
                Map.of(BUILT_FROM, build.filesHash(), Ownership.LAB, lab.name()),
                new ImageBuild.Options(image.dockerfile(), image.args(), image.target()),
                ImageBuild.Listener.steps(s -> progress.step(THIS_COMPUTER + ": " + s.instruction())), progress::isCancelled);
        if (previous != null) removeReplaced(local, previous, built, image.name());
    }

    /** The id of the image under that name when this lab built it: the build that a new one replaces. */
    private static String previousBuild(DockerClient local, LabSpec lab, String name) {
        try {
            var inspected = local.inspectImageCmd(name).exec();
            var labels = inspected.getConfig() == null ? null : inspected.getConfig().getLabels();
            boolean ours = labels != null && labels.containsKey(BUILT_FROM) && lab.name().equals(labels.get(Ownership.LAB));
            return ours ? inspected.getId() : null;
        } catch (NotFoundException missing) {
            return null;
        }
    }

    /**
     * Removes the lab's earlier build once a new one has its name: left, every edit of the
     * build folder would leave an untagged image behind. Not forced: the engine keeps it
     * while a container uses it or another name points to it.
     */
    private static void removeReplaced(DockerClient local, String previous, String built, String name) {
        // the build's id as the engine said it, whole ("sha256:…") or short: the same build, from the cache, stays
        if (previous.replace("sha256:", "").startsWith(built.replace("sha256:", ""))) return;
        try {
            local.removeImageCmd(previous).exec();
            LOG.info("Removed the earlier build {} of {}", previous, name);
        } catch (NotFoundException | ConflictException kept) {
            LOG.info("Kept the earlier build {} of {}: {}", previous, name, kept.getMessage());
        }
    }

    /** A hash of a build folder's files (names and contents): a change means building again. */
    static String filesHash(Path folder) {
        try (var files = Files.walk(folder)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the build folder " + folder + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
