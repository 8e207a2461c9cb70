package dev.portolan.tour;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.lab.LabCompletions;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.LabTemplates;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may be typed in a tour file: the tour schema's keys and choices, and where a key
 * names a container, host, network, volume, image or fault list, the names its lab has (and
 * the containers the tour's own run steps make).
 */
public final class TourCompletions {

    private static final JsonNode SCHEMA = LabCompletions.schema(TourCompletions.class, "tour.schema.json");
    private static final Map<String, String> REFERENCES = Map.ofEntries(
            Map.entry("stop", "containers"), Map.entry("start", "containers"), Map.entry("kill", "containers"),
            Map.entry("remove", "containers"), Map.entry("in", "containers"), Map.entry("from", "containers"),
            Map.entry("to", "containers"), Map.entry("container", "containers"), Map.entry("running", "containers"),
            Map.entry("stopped", "containers"), Map.entry("absent", "containers"), Map.entry("healthy", "containers"),
            Map.entry("host", "hosts"), Map.entry("network", "networks"), Map.entry("volumes", "volumes"),
            Map.entry("images", "images"), Map.entry("layers", "images"), Map.entry("fault", "faults"),
            Map.entry("template", "templates"));
    private static final Pattern RUN_NAME = Pattern.compile("(?m)(?:^[ \\t]*(?:-[ \\t]+)?|[{,][ \\t]*)name:[ \\t]*[\"']?([A-Za-z0-9_.-]+)");

    private TourCompletions() {}

    /** Completions for a tour over {@code lab}; with no lab (not readable yet) keys and choices only. */
    public static LabCompletions over(LabSpec lab) {
        return LabCompletions.of(SCHEMA, REFERENCES, text -> names(lab, text));
    }

    static Map<String, Set<String>> names(LabSpec lab, String text) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        Set<String> containers = new LinkedHashSet<>();
        names.put("templates", new LinkedHashSet<>(LabTemplates.NAMES));
        if (lab != null) {
            for (LabSpec.Container c : lab.containers()) {
                if (c.replicas() > 1) for (int r = 1; r <= c.replicas(); r++) containers.add(c.name() + "-" + r);
                else containers.add(c.name());
            }
            names.put("hosts", new LinkedHashSet<>(lab.hosts().stream().map(LabSpec.Host::name).toList()));
            names.put("networks", new LinkedHashSet<>(lab.networks().stream().map(LabSpec.Network::name).toList()));
            names.put("volumes", new LinkedHashSet<>(lab.volumes().stream().map(LabSpec.Volume::name).toList()));
            names.put("images", new LinkedHashSet<>(lab.containers().stream().map(LabSpec.Container::image).toList()));
            names.put("faults", new LinkedHashSet<>(lab.faults().keySet()));
        }
        // the containers the tour's run steps make are names too
        Matcher run = RUN_NAME.matcher(text);
        while (run.find()) containers.add(run.group(1));
        names.put("containers", containers);
        return names;
    }
}
