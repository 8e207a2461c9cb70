package dev.portolan.cli;

import dev.portolan.lab.ComposeExport;
import dev.portolan.lab.LabSpec;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `portolan export-compose LAB.yaml`: the lab as compose files, one per host. */
@Command(name = "export-compose", description = "Write the lab as compose files, one per host (LAB-HOST.compose.yaml), for going"
        + " back to compose; `portolan import` of them all gives the same lab.")
final class ExportComposeCommand extends LabCommands.LabFileCommand {

    @Option(names = {"-o", "--output"}, paramLabel = "FOLDER", description = "Where to write them (default: beside the lab file).")
    Path output;

    @Override
    public Integer call() throws Exception {
        LabSpec lab = lab();
        Path folder = output != null ? output : file.toAbsolutePath().getParent();
        List<Path> written = ComposeExport.write(lab, folder);
        print(written.stream().map(Path::toString).toList(), "Wrote " + written.size() + (written.size() == 1 ? " compose file:" : " compose files:")
                + written.stream().map(p -> "\n  " + p).reduce("", String::concat));
        return 0;
    }
}
