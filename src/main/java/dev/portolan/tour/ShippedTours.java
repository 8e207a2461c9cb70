package dev.portolan.tour;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tours shipped with Portolan: resources under tours/NAME/ (tour.yaml, its lab, its
 * build folders), listed in tours/index.txt because a jar cannot be listed. A tour is
 * copied to a folder of its own before it is read, so its build steps send real folders.
 */
public final class ShippedTours {

    private static final String ROOT = "tours/";
    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    private ShippedTours() {}

    /** The shipped tours' names, in the order a course would take them. */
    public static List<String> names() {
        return new ArrayList<>(filesByTour().keySet());
    }

    /** What a presenter reads to choose a tour: its title, what it shows, for whom, and how many steps. */
    public record About(String title, String summary, String audience, int steps) {}

    /** A shipped tour's {@link About}, from its tour file alone (its lab is not read). */
    public static About about(String name) {
        try {
            var tree = YAML.readTree(resource(name + "/tour.yaml"));
            return new About(tree.path("title").asText(name), tree.path("summary").asText(""), tree.path("audience").asText(""),
                    tree.path("steps").size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped tour " + name, e);
        }
    }

    /** Reads a shipped tour from a fresh copy of its files. */
    public static Tour load(String name) {
        List<String> files = filesByTour().get(name);
        if (files == null) throw new IllegalArgumentException("no shipped tour " + name);
        try {
            // removed when the JVM ends, in the reverse order of registration: each folder after what is in it
            Path folder = Files.createTempDirectory("portolan-tour-" + name + "-");
            folder.toFile().deleteOnExit();
            for (String file : files) {
                Path target = folder.resolve(file.substring(name.length() + 1));
                makeFolders(folder, target.getParent());
                Files.writeString(target, resource(file));
                target.toFile().deleteOnExit();
            }
            return TourFile.read(folder.resolve("tour.yaml")).shippedAs(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shipped tour " + name, e);
        }
    }

    /** Makes the folders from {@code root} down to {@code folder}, each to be removed when the JVM ends. */
    private static void makeFolders(Path root, Path folder) throws IOException {
        if (folder.equals(root) || Files.isDirectory(folder)) return;
        makeFolders(root, folder.getParent());
        Files.createDirectory(folder);
        folder.toFile().deleteOnExit();
    }

    private static Map<String, List<String>> filesByTour() {
        Map<String, List<String>> byTour = new LinkedHashMap<>();
        for (String line : resource("index.txt").lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            byTour.computeIfAbsent(line.substring(0, line.indexOf('/')), t -> new ArrayList<>()).add(line);
        }
        return byTour;
    }

    private static String resource(String path) {
        try (InputStream in = ShippedTours.class.getResourceAsStream(ROOT + path)) {
            if (in == null) throw new IllegalStateException("the shipped tour file " + path + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
