package dev.portolan.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Ownership;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The files a lab's container mounts from this computer (compose's bind mounts, secrets and
 * configs). A host cannot see this computer's disk, so they are copied into a volume the lab
 * owns on the container's host, named after their content: a change makes a new copy (and a
 * new container, as the digest is part of its spec hash); an unchanged one is copied once,
 * however many replicas mount it. Each is then bind-mounted from that volume where the file
 * said, read-only kept.
 */
final class LabFiles {

    /** On a files volume: the container of the lab it holds the files of. */
    static final String FILES_OF = "dev.portolan.files-of";
    /** On a files volume: whether a container may write to it (then it is data, kept like any volume). */
    static final String WRITABLE = "dev.portolan.files-writable";
    /** More than this is a data set, not configuration: it belongs in a volume of its own. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final String INSIDE = "/portolan-files";
    private static final Map<String, Object> COPYING = new ConcurrentHashMap<>();

    private LabFiles() {}

    /** What the files are (names, modes, contents, targets): "" when the container has none, so its spec hash stays as it was. */
    static String digest(LabSpec.Container c) {
        return c.files().isEmpty() ? "" : digest(c, archive(c));
    }

    private static String digest(LabSpec.Container c, byte[] tar) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(tar);
            for (LabSpec.FileMount f : c.files()) digest.update((f.target() + ":" + f.readOnlyMount() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The volume holding a container's files (null when it has none), and the binds that mount them. */
    record Mounted(String volume, List<String> binds) {
        static final Mounted NONE = new Mounted(null, List.of());
    }

    /**
     * Copies the container's files to its host unless that copy is there already, and returns
     * the binds that mount them ("/var/lib/docker/volumes/V/_data/0/nginx.conf:/etc/nginx/nginx.conf:ro").
     * The files are read once: their archive names the copy and is what is copied.
     */
    static Mounted binds(DockerClient docker, LabSpec lab, LabSpec.Container c) {
        if (c.files().isEmpty()) return Mounted.NONE;
        byte[] tar = archive(c);
        String volume = c.name() + "-files-" + digest(c, tar);
        String mountpoint;
        // replicas are made side by side: one copies, the others wait for it and use the copy
        synchronized (COPYING.computeIfAbsent(System.identityHashCode(docker) + "/" + volume, k -> new Object())) {
            mountpoint = existing(docker, volume);
            if (mountpoint == null) mountpoint = copy(docker, lab, c, volume, tar);
        }
        List<String> binds = new ArrayList<>();
        for (int i = 0; i < c.files().size(); i++) {
            LabSpec.FileMount f = c.files().get(i);
            String source = mountpoint + "/" + i + (isFolder(f) ? "" : "/" + fileName(f));
            binds.add(source + ":" + f.target() + (f.readOnlyMount() ? ":ro" : ""));
        }
        return new Mounted(volume, binds);
    }

    /**
     * Removes the earlier copies of a container's files that no container mounts any more;
     * a copy a container could write to is data and stays (a destroy asked to remove volumes takes it).
     */
    static void removeStaleCopies(DockerClient docker, LabSpec lab, LabSpec.Container c, Mounted current) {
        if (current.volume() == null) return;
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(FILES_OF + "=" + c.name(),
                Ownership.LAB + "=" + lab.name(), WRITABLE + "=false")).exec().getVolumes();
        for (var v : volumes == null ? List.<com.github.dockerjava.api.command.InspectVolumeResponse>of() : volumes) {
            if (v.getName().equals(current.volume())) continue;
            try {
                docker.removeVolumeCmd(v.getName()).exec();
            } catch (RuntimeException inUse) {
                // a replica not yet replaced still mounts it: the next apply removes it
            }
        }
    }

    private static String existing(DockerClient docker, String volume) {
        try {
            return docker.inspectVolumeCmd(volume).exec().getMountpoint();
        } catch (NotFoundException missing) {
            return null;
        }
    }

    /** A volume filled through a container that is created, never started, and removed: the engine writes the files itself. */
    private static String copy(DockerClient docker, LabSpec lab, LabSpec.Container c, String volume, byte[] tar) {
        boolean writable = c.files().stream().anyMatch(f -> !f.readOnlyMount());
        docker.createVolumeCmd().withName(volume).withLabels(Map.of(Ownership.LAB, lab.name(), FILES_OF, c.name(),
                WRITABLE, Boolean.toString(writable))).exec();
        String helper = null;
        try {
            helper = docker.createContainerCmd(c.image()).withCmd("portolan-files").withEntrypoint("portolan-files")
                    .withLabels(Map.of(Ownership.LAB, lab.name()))
                    .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(volume, new Volume(INSIDE)))).exec().getId();
            docker.copyArchiveToContainerCmd(helper).withRemotePath(INSIDE).withTarInputStream(new ByteArrayInputStream(tar)).exec();
            return docker.inspectVolumeCmd(volume).exec().getMountpoint();
        } catch (RuntimeException e) {
            // half a copy is no copy: the next apply copies again
            removeHelper(docker, helper);
            removeQuietly(() -> docker.removeVolumeCmd(volume).exec());
            throw e;
        } finally {
            removeHelper(docker, helper);
        }
    }

    private static void removeHelper(DockerClient docker, String helper) {
        if (helper != null) removeQuietly(() -> docker.removeContainerCmd(helper).withForce(true).exec());
    }

    private static void removeQuietly(Runnable remove) {
        try {
            remove.run();
        } catch (RuntimeException gone) {
            // already gone, or the host is lost: the next apply tidies up
        }
    }

    /** The files as one tar: entry i holds the i-th mount (a file under its own name, or a folder's contents). */
    static byte[] archive(LabSpec.Container c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < c.files().size(); i++) {
                LabSpec.FileMount f = c.files().get(i);
                directory(tar, i + "/", 0755);
                if (f.content() != null) {
                    file(tar, i + "/" + fileName(f), f.content().getBytes(StandardCharsets.UTF_8), 0644);
                } else if (isFolder(f)) {
                    Path root = Path.of(f.source());
                    try (var walk = Files.walk(root)) {
                        for (Path p : walk.sorted().toList()) {
                            if (p.equals(root)) continue;
                            String name = i + "/" + root.relativize(p).toString().replace('\\', '/');
                            if (Files.isDirectory(p)) directory(tar, name + "/", mode(p, 0755));
                            else if (Files.isRegularFile(p)) file(tar, name, Files.readAllBytes(p), mode(p, 0644));
                        }
                    }
                } else {
                    file(tar, i + "/" + fileName(f), Files.readAllBytes(Path.of(f.source())), mode(Path.of(f.source()), 0644));
                }
                if (bytes.size() > MAX_BYTES) {
                    throw new InvalidInputException("files of " + c.name() + ": " + f.source() + " makes more than "
                            + MAX_BYTES / 1024 / 1024 + " MB; files are for configuration: put data in a volume");
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException("files of " + c.name() + ": " + e.getFile() + " is not on this computer");
        } catch (IOException e) {
            throw new InvalidInputException("files of " + c.name() + ": cannot read " + e.getMessage());
        }
        return bytes.toByteArray();
    }

    private static void directory(TarArchiveOutputStream tar, String name, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
        // no times: the same files make the same copy, and so the same digest
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** The file's own permission bits (a script stays executable); {@code fallback} where the disk has none (Windows). */
    private static int mode(Path p, int fallback) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
            int mode = 0;
            for (PosixFilePermission permission : permissions) mode |= 1 << (8 - permission.ordinal());
            return mode;
        } catch (UnsupportedOperationException | IOException e) {
            return fallback;
        }
    }

    static boolean isFolder(LabSpec.FileMount f) {
        return f.content() == null && f.source() != null && Files.isDirectory(Path.of(f.source()));
    }

    /** The name the file has inside its copy: the target's own name, so the mount reads as it would in the container. */
    private static String fileName(LabSpec.FileMount f) {
        String target = f.target() == null ? "file" : f.target().replaceAll("/+$", "");
        String name = target.substring(target.lastIndexOf('/') + 1);
        return name.isEmpty() ? "file" : name;
    }
}
