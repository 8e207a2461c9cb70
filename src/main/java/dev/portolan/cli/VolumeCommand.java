package dev.portolan.cli;

import dev.portolan.engine.InvalidInputException;
import dev.portolan.operations.HostOperations;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `portolan volume backup HOST/VOLUME FILE` and `portolan volume restore FILE HOST/VOLUME
 * [--force]`: the seed's backup container from the command line, on any host Portolan knows
 * (HOST as `portolan hosts` names it: local, a saved endpoint, LAB/NODE, a machine).
 */
@Command(name = "volume", description = "Back a volume up to a tar file (its SHA-256 beside it), or restore one.",
        subcommands = {VolumeCommand.Backup.class, VolumeCommand.Restore.class})
final class VolumeCommand {

    /** HOST/VOLUME, split at the last slash: a simulated host is named LAB/NODE, a volume has no slash. */
    record Target(String host, String volume) {
        static Target parse(String text) {
            int slash = text.lastIndexOf('/');
            if (slash <= 0 || slash == text.length() - 1) {
                throw new InvalidInputException("'" + text + "' is not HOST/VOLUME: name the host as `portolan hosts` does and "
                        + "the volume after a slash, such as local/db-data or demo/node1/db-data.");
            }
            return new Target(text.substring(0, slash), text.substring(slash + 1));
        }
    }

    /** What both commands do first: the host as `portolan hosts` names it, connected for the command's run. */
    abstract static class OnHost extends LabCommands.LabCommand {
        <T> T onHost(Target where, java.util.function.Function<HostOperations, T> work) {
            return withEngine(local -> {
                try (HostOperations host = HostOperations.connect(local.registry().endpointOf(where.host(), local))) {
                    return work.apply(host);
                }
            });
        }
    }

    @Command(name = "backup", description = "Stream HOST/VOLUME into FILE (a tar), with FILE.sha256 beside it.")
    static final class Backup extends OnHost {
        @Parameters(index = "0", paramLabel = "HOST/VOLUME")
        String target;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            Target where = Target.parse(target);
            var written = onHost(where, host -> host.backUpVolume(where.volume(), file, printing()));
            print(Map.of("file", written.file().toString(), "bytes", written.bytes(), "sha256", written.sha256()),
                    String.format("%s: %,d bytes, SHA-256 %s (in %s)", written.file(), written.bytes(), written.sha256(),
                            dev.portolan.host.VolumeArchive.manifest(written.file()).getFileName()));
            return 0;
        }
    }

    @Command(name = "restore", description = "Restore FILE into HOST/VOLUME after checking its SHA-256; a volume that "
            + "holds data is replaced only with --force.")
    static final class Restore extends OnHost {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Parameters(index = "1", paramLabel = "HOST/VOLUME")
        String target;

        @Option(names = "--force", description = "Replace the volume's contents when it already holds data.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            Target where = Target.parse(target);
            var restored = onHost(where, host -> host.restoreVolume(file, where.volume(), force, printing()));
            print(Map.of("volume", restored.volume(), "bytes", restored.bytes(), "created", restored.created()),
                    String.format("Restored %s into %s (%s): %,d bytes.", file, target,
                            restored.created() ? "a new volume" : "its contents replaced", restored.bytes()));
            return 0;
        }
    }
}
