package dev.portolan.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The lab templates shipped with Portolan, as text to start a lab file from. */
public final class LabTemplates {

    /** The templates' file names. */
    public static final List<String> NAMES = List.of("sample.yaml", "web-db.yaml", "load-balancer.yaml", "swarm.yaml", "volume-container.yaml",
            "logging-sidecar.yaml");

    /** The small lab the first-run screen offers: three simulated hosts. */
    public static final String SAMPLE = "sample.yaml";

    private LabTemplates() {}

    /** The template's first comment line, as a menu shows it: "Web + database: ..." */
    public static String title(String name) {
        return text(name).lines().filter(l -> l.startsWith("#")).findFirst().map(l -> l.substring(1).strip())
                .map(l -> l.endsWith(",") || l.endsWith(":") ? l.substring(0, l.length() - 1) : l).orElse(name);
    }

    public static String text(String name) {
        try (InputStream in = LabTemplates.class.getResourceAsStream("templates/" + name)) {
            if (in == null) throw new IllegalArgumentException("no template named " + name + "; there are " + NAMES);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + name, e);
        }
    }
}
