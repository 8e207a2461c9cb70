package dev.portolan.host;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The containers {@link VolumeArchive} copies through: each holds one volume at {@link #MOUNT}
 * and is created, never started, from an image of one empty file that Portolan makes and
 * loads itself, so any engine has it whatever images it holds.
 */
final class VolumeHelper {

    /** The helper's image: a file system of one empty file, made here and loaded; it never runs. */
    static final String IMAGE = "portolan/volume-helper:1";
    /** Where a helper holds its volume: a backup's files are under data/. */
    static final String MOUNT = "/data";

    private final DockerClient docker;

    VolumeHelper(DockerClient docker) {
        this.docker = docker;
    }

    /** A container that only holds the volume for a copy: created, never started. */
    String create(String volume, String purpose) {
        ensureImage();
        return docker.createContainerCmd(IMAGE).withCmd("none")
                .withLabels(Map.of(Ownership.ROLE, "volume-" + purpose))
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(volume, new Volume(MOUNT))))
                .exec().getId();
    }

    void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    private void ensureImage() {
        try {
            docker.inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException e) {
            docker.loadImageCmd(new ByteArrayInputStream(image(docker.versionCmd().exec().getArch()))).exec();
        }
    }

    /**
     * The helper image as `docker save` writes one: a layer holding one empty file (an
     * image needs a layer), its config and the manifest that tags it. Loaded, not imported:
     * the engine's import endpoint did not take a stream from the client library here.
     */
    static byte[] image(String architecture) {
        try {
            byte[] layer = tar(Map.of(".portolan-volume-helper", new byte[0]));
            String diffId = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(layer));
            String config = "{\"architecture\":\"" + architecture + "\",\"os\":\"linux\",\"config\":{},"
                    + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}";
            String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"" + IMAGE + "\"],\"Layers\":[\"layer.tar\"]}]";
            var files = new LinkedHashMap<String, byte[]>();
            files.put("layer.tar", layer);
            files.put("config.json", config.getBytes(StandardCharsets.UTF_8));
            files.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            return tar(files);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static byte[] tar(Map<String, byte[]> files) {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                var entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
