package dev.portolan.image;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Copies an image from one engine to another without a registry: {@code docker save}
 * streamed straight into {@code docker load}, never held whole in memory or on disk.
 */
public final class ImageCopy {

    private ImageCopy() {}

    public static void copy(DockerClient from, DockerClient to, String image) {
        copy(from, to, image, TransferProgress.NONE);
    }

    /**
     * As above, reporting the bytes sent against the image's size; when cancelled, the
     * stream is cut and the target engine drops the partial archive.
     */
    public static void copy(DockerClient from, DockerClient to, String image, TransferProgress progress) {
        Long size = from.inspectImageCmd(image).exec().getSize();
        try (InputStream archive = from.saveImageCmd(image).exec();
                CountingStream counted = new CountingStream(archive, size == null ? 0 : size, progress)) {
            to.loadImageCmd(counted).exec();
            progress.checkCancelled();
            progress.transferred(counted.count(), counted.count());
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + image + " failed", e);
        }
    }
}
