package dev.portolan.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.engine.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Images saved once from one engine and loaded into many: a lab's hosts need the same
 * images, and the engine they come from (this computer's) is busy starting those hosts.
 * The first to ask for an image saves it to a file of its own (or {@link #prefetch} does,
 * before any host answers), the others wait for that file and read it too. The files live
 * in a folder only this user can read, made at the first save, and go when this is closed;
 * what an apply killed mid-save left is removed by a later one's first save, a day after.
 */
public final class ImageArchives implements AutoCloseable {

    private final DockerClient from;
    /** Made at the first save: an apply that sends no image (or fails before) leaves nothing behind. */
    private Path folder;
    private final Map<String, CompletableFuture<Path>> saved = new ConcurrentHashMap<>();
    /** Saves under way, closed by {@link #abort} so that a failed apply does not wait for them. */
    private final Set<InputStream> saving = ConcurrentHashMap.newKeySet();

    private static final String PREFIX = "portolan-images-";
    /** Far longer than any apply: a folder this old was left by one that was killed (SIGKILL, a crash) mid-save. */
    private static final Duration STALE = Duration.ofHours(24);

    public ImageArchives(DockerClient from) {
        this.from = from;
    }

    /** Where the saved images are; null until the first save (tests look). */
    synchronized Path folder() {
        return folder;
    }

    private synchronized Path madeFolder() {
        if (folder != null) return folder;
        try {
            folder = Files.createTempDirectory(PREFIX);
            removeStale(folder.getParent(), Files.getOwner(folder));
            try {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: a user's temp folder is already their own
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for images on their way to the hosts", e);
        }
    }

    /**
     * Deletes what applies killed while saving left in the temp folder (a half-written image can
     * be hundreds of MB): this user's image folders not touched for {@link #STALE}. Nothing else is
     * looked at; what cannot be deleted is left.
     */
    private static void removeStale(Path temp, java.nio.file.attribute.UserPrincipal user) {
        java.time.Instant before = java.time.Instant.now().minus(STALE);
        try (Stream<Path> entries = Files.list(temp)) {
            for (Path old : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                try {
                    if (Files.isDirectory(old, java.nio.file.LinkOption.NOFOLLOW_LINKS) && user.equals(Files.getOwner(old))
                            && Files.getLastModifiedTime(old).toInstant().isBefore(before)) {
                        deleteTree(old);
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // another user's, or going meanwhile: not ours to clean
                }
            }
        } catch (IOException unreadable) {
            // a temp folder that cannot be listed is the system's to clean
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Starts saving {@code image} now, on a thread of its own, so that it is ready when a host answers. */
    public void prefetch(String image) {
        archive(image);
    }

    /** Loads {@code image} into {@code to}: from the saved file, once it is saved (by this call or an earlier one). */
    public void loadInto(DockerClient to, String image) {
        Path file;
        try {
            file = archive(image).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        try (InputStream in = Files.newInputStream(file)) {
            to.loadImageCmd(in).exec();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the saved " + image + " failed", e);
        }
    }

    private CompletableFuture<Path> archive(String image) {
        return saved.computeIfAbsent(image, name -> {
            CompletableFuture<Path> done = new CompletableFuture<>();
            Thread.ofVirtual().name("save-" + name).start(() -> {
                try {
                    done.complete(save(name));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
            return done;
        });
    }

    private Path save(String image) {
        InputStream archive;
        try {
            archive = from.saveImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new InvalidInputException("This computer's engine has no image " + image
                    + " to send to the hosts. Pull or build it first.");
        }
        saving.add(archive);
        try (archive) {
            Path file = Files.createTempFile(madeFolder(), "image-", ".tar");
            Files.copy(archive, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("saving " + image + " from this computer's engine failed", e);
        } finally {
            saving.remove(archive);
        }
    }

    /** Cuts the saves under way: nothing will load them. */
    public void abort() {
        for (InputStream archive : saving) {
            try {
                archive.close();
            } catch (IOException ignored) {
                // it is being given up
            }
        }
    }

    /** Cuts what is still being saved, waits for it to stop, and deletes the saved files. */
    @Override
    public void close() {
        abort();
        for (CompletableFuture<Path> save : saved.values()) {
            try {
                save.join();
            } catch (CompletionException givenUp) {
                // cut by abort, or failed: its file goes with the folder
            }
        }
        Path made = folder();
        if (made == null) return;
        try {
            deleteTree(made);
        } catch (IOException ignored) {
            // a temp folder left behind is the system's to clean
        }
    }
}
