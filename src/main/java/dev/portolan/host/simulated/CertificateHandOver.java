package dev.portolan.host.simulated;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a simulated host's server certificates into its container, to /certs/server.
 *
 * <p>At a host's first start they go in on its stdin: an attach before the start costs a few
 * milliseconds, where a copy into the container costs this engine 130-160 ms (it runs itself
 * again to unpack the archive). The host's entrypoint ({@link #receiveScript}) reads exactly
 * the archive's bytes, unpacks them and says so on stdout, and Portolan hangs up. Where the
 * attach cannot be made, or the entrypoint has not said so a while after the start, they are
 * copied in instead, and the hang-up ends the entrypoint's wait: it finds them there.
 */
final class CertificateHandOver {

    /** What the entrypoint prints once it has the certificates (in the host's log, first line). */
    static final String RECEIVED = "portolan:certificates-received";
    private static final Logger LOG = LoggerFactory.getLogger(CertificateHandOver.class);
    private static final int ATTACH_SECONDS = 10;

    private final DockerClient docker;
    /** How long after the start the entrypoint may take to say it has them. */
    Duration patience = Duration.ofSeconds(15);
    /** What the container's stdin is fed from; a test stands in a transport that delivers nothing. */
    Function<byte[], InputStream> stdin = ByteArrayInputStream::new;

    CertificateHandOver(DockerClient docker) {
        this.docker = docker;
    }

    /** The shell that takes {@code bytes} of certificates from stdin, unless an earlier start did. */
    static String receiveScript(int bytes) {
        return "[ -s /certs/server/key.pem ] || { head -c " + bytes + " | tar -xf - -C / && echo " + RECEIVED + "; }; ";
    }

    /** One container's hand-over, begun before its start. */
    final class Delivery extends ResultCallback.Adapter<Frame> {
        private final String containerId;
        private final byte[] archive;
        private final CountDownLatch ended = new CountDownLatch(1);
        /** The attach answered, or failed: no need to wait longer for it. */
        private final CountDownLatch attachSettled = new CountDownLatch(1);
        private volatile boolean attached;

        private Delivery(String containerId, byte[] archive) {
            this.containerId = containerId;
            this.archive = archive;
        }

        @Override
        public void onStart(java.io.Closeable stream) {
            super.onStart(stream);
            attached = true;
            attachSettled.countDown();
        }

        @Override
        public void onNext(Frame frame) {
            if (new String(frame.getPayload(), StandardCharsets.UTF_8).contains(RECEIVED)) hangUp();
        }

        @Override
        public void onComplete() {
            ended.countDown(); // the container stopped or went away
            super.onComplete();
        }

        @Override
        public void onError(Throwable throwable) {
            ended.countDown();
            attachSettled.countDown();
            super.onError(throwable);
        }

        /**
         * Called once the container started: where the entrypoint has not said it has them
         * within {@link #patience}, they are copied in and the hang-up ends its wait. Off the
         * caller's thread.
         */
        void watch() {
            Thread.ofVirtual().name("certificates-" + containerId).start(() -> {
                try {
                    if (ended.await(patience.toMillis(), TimeUnit.MILLISECONDS)) return;
                    LOG.warn("{} has not taken its certificates from its stdin; copying them in", containerId);
                    copy(containerId, archive);
                } catch (RuntimeException gone) {
                    LOG.info("copying the certificates into {} failed: {}", containerId, gone.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                hangUp();
            });
        }

        /** Ends the attach, which closes the container's stdin. */
        void hangUp() {
            ended.countDown();
            try {
                close();
            } catch (IOException ignored) {
                // the stream is gone either way
            }
        }
    }

    /**
     * Begins the hand-over to a created container: its stdin is attached and fed the archive.
     * Where that cannot be made, the archive is copied in now, and the entrypoint finds it.
     */
    Delivery begin(String containerId, byte[] archive) {
        Delivery delivery = new Delivery(containerId, archive);
        try {
            docker.attachContainerCmd(containerId).withStdIn(stdin.apply(archive))
                    .withStdOut(true).withFollowStream(true).exec(delivery);
            // a failed attach settles at once: no waiting out the timeout before the copy
            if (delivery.attachSettled.await(ATTACH_SECONDS, TimeUnit.SECONDS) && delivery.attached) return delivery;
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            LOG.info("no attach to {} ({}); copying its certificates in", containerId, e.toString());
        }
        delivery.hangUp();
        copy(containerId, archive);
        return delivery;
    }

    /** Puts the archive's certificates into the container (created or running), by the engine's copy. */
    void copy(String containerId, byte[] archive) {
        docker.copyArchiveToContainerCmd(containerId).withRemotePath("/")
                .withTarInputStream(new ByteArrayInputStream(archive)).exec();
    }

    /** The server's certificates as a tar of certs/server/, the key readable by root only. */
    static byte[] archive(Path serverCertificates) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (String dir : new String[] {"certs/", "certs/server/"}) {
                TarArchiveEntry entry = new TarArchiveEntry(dir);
                entry.setMode(0755);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (String file : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
                byte[] content = Files.readAllBytes(serverCertificates.resolve(file));
                TarArchiveEntry entry = new TarArchiveEntry("certs/server/" + file);
                entry.setSize(content.length);
                entry.setMode(file.equals("key.pem") ? 0600 : 0644);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the host's certificates", e);
        }
        return bytes.toByteArray();
    }
}
