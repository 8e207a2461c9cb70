package dev.portolan.engine;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Copies an image from one engine to another without a registry: `docker save` streamed
 * straight into `docker load`, never held whole in memory or on disk.
 */
public final class ImageCopy {

    private ImageCopy() {}

    public static void copy(DockerClient from, DockerClient to, String image) {
        try (InputStream archive = from.saveImageCmd(image).exec()) {
            to.loadImageCmd(archive).exec();
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + image + " failed", e);
        }
    }
}
