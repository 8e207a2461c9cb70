package dev.portolan.bench;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineClients;
import dev.portolan.image.FileTree;
import dev.portolan.image.ImageArchiveReader;
import dev.portolan.image.ImageContents;
import dev.portolan.image.ImageLayers;
import dev.portolan.image.TransferProgress;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;

/**
 * Opens one image's layer tree as the Layers window does, in a JVM of its own, so the
 * benchmark can give it a small heap; prints the time, the files and the peak heap used.
 */
public final class LayerTreeProbe {

    public static void main(String[] args) throws Exception {
        String image = args[0];
        try (EngineClients clients = EngineClients.connect(EndpointResolver.forThisProcess().resolve())) {
            long start = System.nanoTime();
            Result result = open(clients, image);
            double millis = (System.nanoTime() - start) / 1e6;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("ms=%.0f files=%d wastedBytes=%d peakHeapMB=%.1f maxHeapMB=%.0f%n", millis, result.files(),
                    result.contents().wastedBytes(), peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        }
    }

    record Result(ImageContents contents, int files) {}

    /** History, the archive streamed through the reader, and the merged tree of the top layer. */
    static Result open(EngineClients clients, String image) throws Exception {
        ImageLayers.read(clients.requests(), image);
        long size = clients.requests().inspectImageCmd(image).exec().getSize();
        ImageContents contents;
        try (InputStream archive = clients.stream().saveImageCmd(image).exec()) {
            contents = ImageArchiveReader.read(archive, size, TransferProgress.NONE);
        }
        var merged = contents.mergedUpTo(contents.layers().size() - 1);
        FileTree.of(merged);
        return new Result(contents, merged.size());
    }
}
