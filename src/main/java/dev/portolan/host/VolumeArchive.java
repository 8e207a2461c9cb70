package dev.portolan.host;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.ExplainedFailure;
import dev.portolan.engine.InvalidInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed's backup container, on any engine: a volume streamed to a tar file on this
 * computer with its SHA-256 beside it (FILE.sha256, in sha256sum's format, so
 * {@code sha256sum -c} checks it too), and such a file restored into a volume. The copy
 * goes through a helper container that is created but never started, made from an empty
 * image Portolan loads itself, so it works on any engine, whatever images it has.
 */
public final class VolumeArchive {


    public record Written(Path file, long bytes, String sha256) {}

    public record Restored(String volume, long bytes, boolean created) {}

    private final DockerClient docker;
    private final VolumeHelper helpers;
    private final String hostName;

    public VolumeArchive(EngineClients clients, String hostName) {
        this.docker = clients.requests();
        this.helpers = new VolumeHelper(docker);
        this.hostName = hostName;
    }

    /**
     * Streams {@code volume} into {@code file}: written as FILE.partial and renamed only once
     * whole, so a cancelled or failed backup never leaves a file that looks like one.
     */
    public Written backup(String volume, Path file, Progress progress) {
        requireVolume(volume);
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new InvalidInputException("Cannot write the backup into " + folder + ": it is not a folder you can write to. "
                    + "Choose another place.");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        String helper = helpers.create(volume, "backup");
        MessageDigest sha = sha256();
        AtomicLong bytes = new AtomicLong();
        try (InputStream archive = docker.copyArchiveFromContainerCmd(helper, VolumeHelper.MOUNT).exec();
                OutputStream out = Files.newOutputStream(partial)) {
            copy(new DigestInputStream(archive, sha), out, bytes, progress, "Backing up " + volume);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("writing " + file + " failed", e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        } finally {
            helpers.remove(helper);
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(manifest(file), hex + "  " + file.getFileName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + " failed", e);
        }
        progress.step(String.format("Backed up %s on %s: %,d bytes, SHA-256 %s", volume, hostName, bytes.get(), hex.substring(0, 12)));
        return new Written(file, bytes.get(), hex);
    }

    /**
     * Restores a backup into {@code volume}: its checksum is checked before anything is
     * touched; a volume that does not exist is made; one that holds data is replaced only
     * with {@code force}, and only when no container uses it.
     */
    public Restored restore(Path file, String volume, boolean force, Progress progress) {
        String expected = expectedChecksum(file);
        progress.step("Checking " + file.getFileName() + " against its SHA-256");
        String actual = checksum(file);
        if (!actual.equals(expected)) {
            throw new InvalidInputException(file.getFileName() + "'s SHA-256 is " + actual + ", but " + manifest(file).getFileName()
                    + " says " + expected + ": the file is damaged or is not the one that was backed up. Nothing was changed.");
        }
        requireBackupLayout(file);
        boolean created = false;
        var existing = findVolume(volume);
        if (existing == null) {
            docker.createVolumeCmd().withName(volume).exec();
            created = true;
        } else if (!isEmpty(volume)) {
            if (!force) {
                throw new InvalidInputException("The volume " + volume + " on " + hostName + " already holds data. Restore with "
                        + "--force to replace it, or into a new volume. Nothing was changed.");
            }
            List<String> users = docker.listContainersCmd().withShowAll(true).withVolumeFilter(List.of(volume)).exec().stream()
                    .map(c -> c.getNames()[0].replaceFirst("^/", "")).toList();
            if (!users.isEmpty()) {
                throw new InvalidInputException("The volume " + volume + " on " + hostName + " is used by " + String.join(", ", users)
                        + ": remove " + (users.size() == 1 ? "that container" : "those containers") + " first (apply makes a lab's "
                        + "containers again), or restore into a new volume. Nothing was changed.");
            }
            progress.step("Replacing the contents of " + volume);
            docker.removeVolumeCmd(volume).exec();
            docker.createVolumeCmd().withName(volume).withDriver(existing.getDriver())
                    .withLabels(existing.getLabels() == null ? Map.of() : existing.getLabels()).exec();
        }
        String helper = helpers.create(volume, "restore");
        AtomicLong bytes = new AtomicLong();
        long total = size(file);
        try (InputStream in = Files.newInputStream(file)) {
            InputStream counted = new FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (progress.isCancelled()) throw new CancellationException("cancelled");
                    int n = super.read(b, off, len);
                    if (n > 0) report(bytes.getAndAdd(n), bytes.get(), total, progress, "Restoring " + volume);
                    return n;
                }
            };
            docker.copyArchiveToContainerCmd(helper).withRemotePath("/").withTarInputStream(counted).exec();
        } catch (IOException | RuntimeException e) {
            // the engine may wrap the stream's cancellation in its own exception: ask the progress, not the exception
            boolean cancelled = progress.isCancelled();
            if (created) {
                // the volume is made again as it was before: absent
                helpers.remove(helper);
                docker.removeVolumeCmd(volume).exec();
                if (cancelled) throw new CancellationException("cancelled");
                throw e instanceof IOException io ? new UncheckedIOException("reading " + file + " failed", io) : (RuntimeException) e;
            }
            throw new ExplainedFailure("The restore into " + volume + " on " + hostName + " stopped after " + bytes.get() + " of "
                    + total + " bytes (" + (cancelled ? "cancelled" : e.getMessage()) + "): the volume holds part of the backup. "
                    + "Restore again with --force to replace it whole.");
        } finally {
            helpers.remove(helper);
        }
        progress.step(String.format("Restored %s on %s from %s: %,d bytes", volume, hostName, file.getFileName(), bytes.get()));
        return new Restored(volume, bytes.get(), created);
    }

    /** The file beside a backup that holds its SHA-256. */
    public static Path manifest(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    public static String checksum(Path file) {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String expectedChecksum(Path file) {
        if (!Files.isRegularFile(file)) throw new InvalidInputException("There is no backup file " + file + ".");
        Path manifest = manifest(file);
        if (!Files.isRegularFile(manifest)) {
            throw new InvalidInputException("There is no " + manifest.getFileName() + " beside " + file.getFileName()
                    + ": without its checksum the backup cannot be checked. Nothing was changed.");
        }
        try {
            String line = Files.readString(manifest, StandardCharsets.UTF_8).strip();
            String hex = line.split("\\s+")[0];
            if (!hex.matches("[0-9a-f]{64}")) throw new InvalidInputException(manifest + " does not hold a SHA-256: " + line);
            return hex;
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + manifest + ": " + e.getMessage());
        }
    }

    /** A backup holds the volume's files under data/ (where the helper mounts it); another tar would land beside the volume. */
    private static void requireBackupLayout(Path file) {
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(file))) {
            var first = tar.getNextEntry();
            if (first == null || !(first.getName().equals("data") || first.getName().startsWith("data/"))) {
                throw new InvalidInputException(file.getFileName() + " is not a volume backup made by Portolan (its files are not "
                        + "under data/). Nothing was changed.");
            }
        } catch (IOException e) {
            throw new InvalidInputException(file.getFileName() + " is not a tar file (" + e.getMessage() + "). Nothing was changed.");
        }
    }

    private void requireVolume(String volume) {
        if (findVolume(volume) == null) {
            throw new InvalidInputException("There is no volume " + volume + " on " + hostName + ".");
        }
    }

    private com.github.dockerjava.api.command.InspectVolumeResponse findVolume(String volume) {
        try {
            return docker.inspectVolumeCmd(volume).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** Whether the volume holds nothing: its archive has no entry below the mount's own folder. */
    private boolean isEmpty(String volume) {
        String helper = helpers.create(volume, "check");
        try (var archive = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                docker.copyArchiveFromContainerCmd(helper, VolumeHelper.MOUNT).exec())) {
            int entries = 0;
            while (archive.getNextEntry() != null) {
                if (++entries > 1) return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the volume " + volume + " failed", e);
        } finally {
            helpers.remove(helper);
        }
    }

    private static void copy(InputStream in, OutputStream out, AtomicLong bytes, Progress progress, String what) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            progress.checkCancelled();
            out.write(buffer, 0, n);
            report(bytes.getAndAdd(n), bytes.get(), -1, progress, what);
        }
    }

    /** A step each time another 8 MB has gone through (a few lines for a small volume, not one per buffer). */
    private static void report(long before, long done, long total, Progress progress, String what) {
        long step = 8L << 20;
        if (done / step > before / step) {
            progress.step(what + ": " + (done >> 20) + " MB" + (total > 0 ? " of " + (total >> 20) + " MB" : ""));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the rename never happened: a .partial file left behind does not look like a backup
        }
    }
}
