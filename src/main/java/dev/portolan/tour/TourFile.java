package dev.portolan.tour;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.lab.ComposeImport;
import dev.portolan.lab.ComposeReader;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabFileException;
import dev.portolan.lab.LabProblem;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.LabTemplates;
import dev.portolan.lab.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a tour file: YAML into a {@link TourSpec}, its lab (a file beside it or a shipped
 * template), then {@link TourValidator}'s checks. Every problem comes back as
 * file:line:column, as for lab files; a tour with any problem gives no tour at all.
 */
public final class TourFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TourFile() {}

    /** A compose file read as compose reads it, then imported as a lab as `portolan import` does. */
    private static LabSpec imported(TourSpec.Compose compose, Path folder) {
        Path file = folder.resolve(compose.file());
        if (!Files.isRegularFile(file)) throw new InvalidInputException("There is no compose file " + file + " beside the tour.");
        var read = ComposeReader.read(List.of(file), ComposeReader.Options.defaults());
        var imported = ComposeImport.convert(read, ComposeImport.labName(read, folder.getFileName().toString()),
                compose.hosts() == null ? 1 : compose.hosts());
        return LabFile.parse(imported.labYaml(), compose.file() + " (imported)", folder);
    }

    /** A shipped tour by the name `portolan tour ls` prints, or a tour file. */
    public static Tour load(String nameOrFile) {
        if (ShippedTours.names().contains(nameOrFile)) return ShippedTours.load(nameOrFile);
        Path file = Path.of(nameOrFile);
        if (!Files.exists(file) && !nameOrFile.endsWith(".yaml") && !nameOrFile.endsWith(".yml")) {
            throw new InvalidInputException("There is no shipped tour named " + nameOrFile + " (`portolan tour ls` lists them: "
                    + String.join(", ", ShippedTours.names()) + "), nor a tour file by that name.");
        }
        return read(file);
    }

    /** Reads and checks a tour file. */
    public static Tour read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("There is no tour file " + file + (file.isAbsolute() ? "" : " (looked for "
                    + file.toAbsolutePath() + ")") + ". `portolan tour ls` lists the shipped tours.");
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the tour file " + file + ": " + e.getMessage() + ".");
        }
        String name = file.getFileName().toString().replaceFirst("\\.(tour\\.)?ya?ml$", "");
        return parse(text, file.getFileName().toString(), file.toAbsolutePath().getParent(), name);
    }

    /**
     * Parses and checks a tour's text; its lab file and build folders are found in {@code folder}.
     *
     * @param name the tour's name, as lists show it
     */
    public static Tour parse(String text, String fileName, Path folder, String name) {
        if (text.isBlank()) throw new LabFileException(List.of(new LabProblem(fileName, 1, 1,
                "the file is empty; a tour needs a title, a lab or template, and steps")));
        TourSpec spec;
        try {
            spec = YAML.readValue(text, TourSpec.class);
        } catch (JsonProcessingException e) {
            throw new LabFileException(List.of(YamlFiles.problem(fileName, text, e)));
        }
        if (spec == null) throw new LabFileException(List.of(new LabProblem(fileName, 1, 1, "the file is empty")));
        var header = TourValidator.checkHeader(spec, LabTemplates.NAMES);
        if (!header.isEmpty()) throw YamlFiles.problems(text, fileName, header);
        LabSpec lab = spec.lab() != null ? LabFile.read(folder.resolve(spec.lab()))
                : spec.compose() != null ? imported(spec.compose(), folder)
                : LabFile.parse(LabTemplates.text(spec.template()), spec.template());
        var steps = TourValidator.checkSteps(spec, lab, folder);
        if (!steps.isEmpty()) throw YamlFiles.problems(text, fileName, steps);
        return new Tour(name, spec, lab, folder, folder.resolve(fileName), false);
    }
}
