package dev.portolan.lab;

import dev.portolan.engine.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a lab file: YAML into a {@link LabSpec}, then the checks of {@link LabValidator}.
 * Every problem comes back as file:line:column and what was expected; a file with any
 * problem gives no spec at all, so nothing is applied from it.
 */
public final class LabFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LabFile() {}

    /** A lab from maps and lists as a file would hold them (an import's), not yet checked. */
    static LabSpec fromTree(Object tree) {
        return YAML.convertValue(tree, LabSpec.class);
    }

    /** Reads and checks a lab file; a file that is not there or cannot be read is said so, as bad input. */
    public static LabSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            String where = file.isAbsolute() ? "" : " (looked for " + file.toAbsolutePath() + ")";
            throw new InvalidInputException("There is no lab file " + file + where
                    + ". Check the name, or make one from a template in the window (Labs ▸ New lab from a template).");
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the lab file " + file + ": " + e.getMessage() + ".");
        }
        return parse(text, file.getFileName().toString(), file.toAbsolutePath().getParent());
    }

    /** Parses and checks {@code text}; {@code fileName} is used in the problems; build folders are taken as they are. */
    public static LabSpec parse(String text, String fileName) {
        return parse(text, fileName, null);
    }

    /**
     * As above; the images' build folders are relative to {@code folder} (the lab file's),
     * and come out absolute.
     */
    public static LabSpec parse(String text, String fileName, Path folder) {
        if (text.isBlank()) {
            throw new LabFileException(List.of(new LabProblem(fileName, 1, 1,
                    "the file is empty; a lab needs at least a name and one host")));
        }
        LabSpec spec;
        try {
            spec = YAML.readValue(text, LabSpec.class);
        } catch (JsonProcessingException e) {
            throw new LabFileException(List.of(YamlFiles.problem(fileName, text, e)));
        } catch (RuntimeException e) {
            // Jackson wraps errors from record constructors; still a problem of the file, not a crash
            throw new LabFileException(List.of(new LabProblem(fileName, 1, 1, "cannot read the lab: " + e.getMessage())));
        }
        if (spec == null) {
            throw new LabFileException(List.of(new LabProblem(fileName, 1, 1,
                    "the file is empty; a lab needs at least a name and one host")));
        }
        if (folder != null) spec = resolved(spec, folder);
        List<LabValidator.Finding> findings = LabValidator.check(spec);
        if (findings.isEmpty()) return spec;
        throw YamlFiles.problems(text, fileName, findings.stream().map(f -> new YamlFiles.Finding(f.pointer(), f.message())).toList());
    }

    /** The lab with its build folders and its containers' files taken from {@code folder}, absolute. */
    private static LabSpec resolved(LabSpec spec, Path folder) {
        var images = spec.images().stream().map(i -> i.build() == null ? i : new LabSpec.Image(i.name(),
                folder.resolve(i.build()).normalize().toString(), i.dockerfile(), i.args(), i.target())).toList();
        var containers = spec.containers().stream().map(c -> c.files().isEmpty() ? c : withFiles(c, c.files().stream()
                .map(f -> f.source() == null ? f : new LabSpec.FileMount(folder.resolve(f.source()).normalize().toString(),
                        f.content(), f.target(), f.readOnly())).toList())).toList();
        return new LabSpec(spec.name(), spec.description(), spec.hosts(), spec.networks(), spec.volumes(), containers,
                spec.swarm(), images, spec.faults());
    }

    static LabSpec.Container withFiles(LabSpec.Container c, List<LabSpec.FileMount> files) {
        return new LabSpec.Container(c.name(), c.host(), c.image(), c.replicas(), c.command(), c.env(), c.ports(), c.volumes(),
                c.networks(), c.restart(), c.healthcheck(), c.dependsOn(), c.volumesFrom(), c.user(), c.workingDir(), c.entrypoint(),
                c.labels(), c.init(), c.capAdd(), c.capDrop(), c.tmpfs(), c.memory(), c.cpus(), files, c.expose(), c.waitFor(),
                c.ulimits(), c.logging(), c.aliases(), c.ipv4Address());
    }
}
