package dev.portolan.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads an image archive as {@code docker save} streams it, in one pass and without
 * keeping file contents: only each layer's list of paths and sizes. Knows both layouts,
 * the classic one ({@code ID/layer.tar}) and OCI ({@code blobs/sha256/HEX}); the
 * manifest and configuration say which tar is which layer.
 */
public final class ImageArchiveReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON_BYTES = 16 << 20;

    private final Map<String, List<LayerReplay.Entry>> layerTars = new HashMap<>();
    private final Map<String, JsonNode> jsonFiles = new HashMap<>();

    private ImageArchiveReader() {}

    /**
     * Reads {@code archive} to its end; {@code expectedBytes} (the image's size) scales the
     * progress. Throws CancellationException when the progress says so.
     */
    public static ImageContents read(InputStream archive, long expectedBytes, TransferProgress progress) throws IOException {
        ImageArchiveReader reader = new ImageArchiveReader();
        CountingStream counted = new CountingStream(archive, expectedBytes, progress);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(counted)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                progress.checkCancelled();
                if (entry.isFile()) reader.entry(entry, tar);
            }
        }
        progress.transferred(counted.count(), expectedBytes);
        return reader.contents();
    }

    private void entry(TarArchiveEntry entry, InputStream data) throws IOException {
        String name = entry.getName();
        if (name.endsWith("/layer.tar")) {
            layerTars.put(name, listLayer(data));
        } else if (name.endsWith(".json") && entry.getSize() < MAX_JSON_BYTES) {
            jsonFiles.put(name, json(data));
        } else if (name.startsWith("blobs/")) {
            // OCI blobs have no type in their name: look at their first bytes
            BufferedInputStream peek = new BufferedInputStream(data, 1 << 16);
            peek.mark(4);
            int first = peek.read();
            int second = peek.read();
            peek.reset();
            if (first == '{' && entry.getSize() < MAX_JSON_BYTES) jsonFiles.put(name, json(peek));
            else if (first == 0x1f && second == 0x8b) layerTars.put(name, listLayer(new GzipCompressorInputStream(peek)));
            else if (first >= 0) layerTars.put(name, listLayer(peek));
        }
    }

    /** Reads one small JSON entry (Jackson would close the whole archive with it if handed the stream). */
    private static JsonNode json(InputStream entry) throws IOException {
        return JSON.readTree(entry.readAllBytes());
    }

    /** The paths and sizes of one layer's tar; the file contents are skipped, never kept. */
    private static List<LayerReplay.Entry> listLayer(InputStream layer) throws IOException {
        List<LayerReplay.Entry> entries = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(layer);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String path = normalize(entry.getName());
            if (path.isEmpty()) continue;
            entries.add(new LayerReplay.Entry(path, entry.isDirectory() ? 0 : entry.getSize(), entry.isDirectory()));
        }
        return entries;
    }

    static String normalize(String name) {
        String path = name;
        while (path.startsWith("./")) path = path.substring(2);
        while (path.startsWith("/")) path = path.substring(1);
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return path.equals(".") ? "" : path;
    }

    private ImageContents contents() throws IOException {
        JsonNode manifests = jsonFiles.get("manifest.json");
        if (manifests == null || !manifests.isArray() || manifests.isEmpty()) {
            throw new IOException("the archive has no manifest.json: it is not an image as docker save writes it");
        }
        JsonNode manifest = manifests.get(0);
        JsonNode config = jsonFiles.get(manifest.path("Config").asText());
        if (config == null) throw new IOException("the archive lacks the image configuration " + manifest.path("Config").asText());
        List<String> layerFiles = new ArrayList<>();
        manifest.path("Layers").forEach(l -> layerFiles.add(l.asText()));
        List<String> diffIds = new ArrayList<>();
        config.path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));

        List<ImageLayer> layers = new ArrayList<>();
        List<List<FileChange>> changes = new ArrayList<>();
        LayerReplay replay = new LayerReplay();
        long total = 0;
        int next = 0;
        JsonNode history = config.path("history");
        // an image without history (rare, hand-made) still has its layers: one line each
        int lines = history.isEmpty() ? diffIds.size() : history.size();
        for (int i = 0; i < lines; i++) {
            JsonNode line = history.isEmpty() ? JSON.createObjectNode() : history.get(i);
            boolean empty = line.path("empty_layer").asBoolean(false) || next >= diffIds.size();
            String diffId = empty ? null : diffIds.get(next);
            List<LayerReplay.Entry> entries = empty || next >= layerFiles.size() ? List.of()
                    : layerTars.getOrDefault(layerFiles.get(next), List.of());
            if (!empty) next++;
            int index = layers.size();
            long size = entries.stream().mapToLong(LayerReplay.Entry::size).sum();
            total += size;
            changes.add(replay.apply(index, entries));
            String created = line.path("created").asText(null);
            layers.add(new ImageLayer(index, diffId, line.path("created_by").asText(""),
                    created == null ? null : Instant.parse(created), size, line.path("comment").asText("")));
        }
        List<Waste> waste = replay.waste();
        long wasted = waste.stream().mapToLong(Waste::bytes).sum();
        return new ImageContents(layers, changes, waste, total, wasted);
    }
}
