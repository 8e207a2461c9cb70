package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's mounts as a lab holds them: named volumes stay volumes; files and folders of
 * this computer (bind mounts), secrets and configs become the container's {@code files:},
 * copied to its host at apply; tmpfs mounts stay tmpfs. What cannot exist in a lab — this
 * computer's Docker socket, its devices, a path it does not have — is listed with the reason.
 */
final class ComposeMounts {

    private final ComposeContext context;

    ComposeMounts(ComposeContext context) {
        this.context = context;
    }

    /** Puts volumes:, files: and tmpfs: on the container {@code c}. */
    void map(String at, String service, JsonNode spec, String host, Map<String, Object> c) {
        List<String> volumes = new ArrayList<>();
        List<Map<String, Object>> files = new ArrayList<>();
        List<String> tmpfs = new ArrayList<>();
        int anonymous = 0;
        for (JsonNode volume : spec.path("volumes")) {
            Mount m = volume.isObject() ? longForm(volume) : shortForm(volume.asText());
            String where = at + ".volumes." + (volume.isObject() ? m.target() : volume.asText());
            if (m.target() == null || !m.target().startsWith("/")) {
                context.notMapped(where, "its target is not a path in the container; not mapped");
            } else if (m.type().equals("tmpfs")) {
                tmpfs.add(m.target());
            } else if (m.source() == null || m.source().isEmpty()) {
                // compose makes an anonymous volume; a lab names it, so it can be found and kept
                String name = service + "-" + (++anonymous == 1 ? "data" : "data" + anonymous);
                context.volumeOn(host, name);
                volumes.add(name + ":" + m.target());
                context.notes.add(where + ": an anonymous volume; the lab names it " + name);
            } else if (m.type().equals("volume") || !looksLikePath(m.source())) {
                context.volumeOn(host, m.source());
                volumes.add(m.source() + ":" + m.target() + (m.readOnly() ? ":ro" : ""));
            } else {
                Map<String, Object> file = bind(where, m);
                if (file != null) files.add(file);
            }
        }
        secretsAndConfigs(at, spec, files);
        tmpfs.addAll(0, ComposeContext.strings(spec.path("tmpfs")));
        if (!volumes.isEmpty()) c.put("volumes", volumes);
        if (!files.isEmpty()) c.put("files", files);
        if (!tmpfs.isEmpty()) c.put("tmpfs", tmpfs);
    }

    private record Mount(String type, String source, String target, boolean readOnly) {}

    private static Mount shortForm(String text) {
        String[] parts = text.split(":");
        if (parts.length == 1) return new Mount("volume", null, parts[0], false);
        boolean readOnly = parts.length > 2 && parts[2].contains("ro");
        return new Mount(looksLikePath(parts[0]) ? "bind" : "volume", parts[0], parts[1], readOnly);
    }

    private static Mount longForm(JsonNode v) {
        return new Mount(v.path("type").asText("volume"), v.path("source").isMissingNode() ? null : v.path("source").asText(),
                v.path("target").isMissingNode() ? null : v.path("target").asText(), v.path("read_only").asBoolean(false));
    }

    private static boolean looksLikePath(String source) {
        return source.startsWith(".") || source.startsWith("/") || source.startsWith("~") || source.matches("[A-Za-z]:[\\\\/].*");
    }

    /** A bind mount of this computer's file or folder: copied at apply; or why it cannot be. */
    private Map<String, Object> bind(String where, Mount m) {
        if (m.source().endsWith("docker.sock")) {
            context.notMapped(where, "the Docker socket of this computer cannot exist in a lab: a container there must not"
                    + " drive this computer's engine (to drive its own host's engine, mount that host's socket by hand)");
            return null;
        }
        String source = m.source().replaceAll("/+$", "");
        if (source.isEmpty() || List.of("/var/run", "/run", "/var/lib/docker").stream().anyMatch(p -> source.equals(p) || source.startsWith(p + "/"))) {
            context.notMapped(where, (source.isEmpty() ? "/" : source) + " is this computer's own system or engine state; a host of"
                    + " the lab has its own, and this computer's is not handed over");
            return null;
        }
        if (source.equals("/dev") || source.equals("/sys") || source.equals("/proc")
                || m.source().startsWith("/dev/") || m.source().startsWith("/sys/") || m.source().startsWith("/proc/")) {
            context.notMapped(where, m.source() + " is a device or a kernel file of this computer; a host of the lab has its own"
                    + " and this computer's cannot be handed to it");
            return null;
        }
        Path local = context.local(m.source());
        if (!Files.exists(local)) {
            context.notMapped(where, local + " is not on this computer (compose would mount an empty folder); not mapped:"
                    + " make it, then import again");
            return null;
        }
        long size = size(local);
        if (size < 0) {
            context.notMapped(where, local + " cannot be read whole here; not mapped");
            return null;
        }
        if (size > LabFiles.MAX_BYTES) {
            context.notMapped(where, local + " holds more than " + LabFiles.MAX_BYTES / 1024 / 1024 + " MB: too much to copy at every apply; not mapped"
                    + " (put the data in a volume, or restore it there from a backup)");
            return null;
        }
        return file(local.toString(), null, m.target(), m.readOnly());
    }

    private static Map<String, Object> file(String source, String content, String target, boolean readOnly) {
        Map<String, Object> file = new LinkedHashMap<>();
        if (source != null) file.put("source", source);
        if (content != null) file.put("content", content);
        file.put("target", target);
        if (readOnly) file.put("read_only", true);
        return file;
    }

    /** secrets: at /run/secrets/NAME, configs: at /NAME (or their target); both read-only, as compose mounts them. */
    private void secretsAndConfigs(String at, JsonNode spec, List<Map<String, Object>> files) {
        for (String kind : List.of("secrets", "configs")) {
            for (JsonNode use : spec.path(kind)) {
                String name = use.isObject() ? use.path("source").asText() : use.asText();
                String target = use.isObject() && use.hasNonNull("target") ? use.path("target").asText() : null;
                if (target == null) target = kind.equals("secrets") ? "/run/secrets/" + name : "/" + name;
                else if (kind.equals("secrets") && !target.startsWith("/")) target = "/run/secrets/" + target;
                String where = at + "." + kind + "." + name;
                JsonNode declared = context.compose.path(kind).path(name);
                if (declared.isMissingNode()) {
                    context.notMapped(where, "the file declares no " + kind + "." + name + "; not mapped");
                } else if (declared.hasNonNull("file")) {
                    Path local = context.local(declared.path("file").asText());
                    if (Files.isRegularFile(local)) files.add(file(local.toString(), null, target, true));
                    else context.notMapped(where, local + " is not on this computer; not mapped");
                } else if (declared.hasNonNull("content")) {
                    files.add(file(null, declared.path("content").asText(), target, true));
                } else if (declared.hasNonNull("environment")) {
                    context.notMapped(where, "comes from the variable " + declared.path("environment").asText()
                            + "; not mapped (a lab file does not keep secrets: put it in a file and name it under file:)");
                } else {
                    context.notMapped(where, "is external (made by hand on a Swarm); not mapped: give it file: for a lab");
                }
            }
        }
    }

    /** The bytes under {@code path}, counted only until there are too many; -1 when some cannot be read. */
    private static long size(Path path) {
        long[] total = {0};
        try (var walk = Files.walk(path)) {
            var files = walk.filter(Files::isRegularFile).iterator();
            while (files.hasNext() && total[0] <= LabFiles.MAX_BYTES) total[0] += Files.size(files.next());
            return total[0];
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }
}
