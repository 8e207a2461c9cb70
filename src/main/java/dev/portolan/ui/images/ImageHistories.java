package dev.portolan.ui.images;

import dev.portolan.image.ImageLayer;
import dev.portolan.operations.HostOperations;
import dev.portolan.ui.jobs.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Images' histories, read once: an image id names its content, so its history never
 * changes and one read serves every host that holds it. Shared by the windows that draw
 * layers.
 */
final class ImageHistories {

    /** At most this many history reads at once, across hosts. */
    private static final int AT_ONCE = 8;

    /** What a round of reads left unread: images whose host was lost or that went away meanwhile. */
    record Unread(int count, String firstReason) {}

    private final Map<String, List<ImageLayer>> read = new ConcurrentHashMap<>();

    /** The history of an image if read, else null. */
    List<ImageLayer> known(String imageId) {
        return read.get(imageId);
    }

    /**
     * Reads the histories not known yet, each from a host that holds the image, off the FX
     * thread; {@code ended} gets what could not be read, on the FX thread.
     */
    Job<Unread> readMissing(Map<String, HostOperations> holderOf, Consumer<String> steps, Consumer<Job.Outcome<Unread>> ended) {
        Map<String, HostOperations> missing = new java.util.LinkedHashMap<>(holderOf);
        missing.keySet().removeAll(read.keySet());
        return Job.start("Reading the histories of " + missing.size() + " images", progress -> {
            AtomicInteger done = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            String[] reason = {null};
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(AT_ONCE);
                List<Future<?>> reads = new ArrayList<>();
                missing.forEach((image, host) -> reads.add(pool.submit(() -> {
                    if (progress.isCancelled()) return;
                    slots.acquireUninterruptibly();
                    try {
                        read.put(image, host.layers(image));
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        synchronized (reason) {
                            if (reason[0] == null) reason[0] = e.getMessage();
                        }
                    } finally {
                        slots.release();
                        progress.step("Read " + done.incrementAndGet() + " of " + missing.size() + " histories");
                    }
                })));
                for (Future<?> f : reads) f.get();
            }
            return new Unread(failed.get(), reason[0]);
        }, steps, ended);
    }
}
