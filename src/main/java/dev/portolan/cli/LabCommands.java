package dev.portolan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portolan.app.Settings;
import dev.portolan.app.UserDirectories;
import dev.portolan.host.faults.FaultBook;
import dev.portolan.operations.ConnectedHosts;
import dev.portolan.operations.Faults;
import dev.portolan.operations.HostRegistry;
import dev.portolan.operations.LocalEngine;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.ExplainedFailure;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabFileException;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.LabStep;
import dev.portolan.lab.Labs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `portolan plan|apply|destroy|ls|status`: labs from the command line, on the engine the
 * GUI uses, with no display. Exit codes: 0 done, 1 the engine failed, 2 the lab file or the
 * arguments are wrong.
 */
@Command(name = "portolan", mixinStandardHelpOptions = true, versionProvider = LabCommands.Version.class,
        // every command answers --help and --version, before it asks for its arguments
        scope = CommandLine.ScopeType.INHERIT,
        description = "Stage a multi-host Docker lab on this computer.",
        subcommands = {LabCommands.Plan.class, LabCommands.Apply.class, LabCommands.Destroy.class,
                LabCommands.Ls.class, LabCommands.Status.class, LabCommands.Import.class, LabCommands.Hosts.class,
                LabCommands.Engines.class, ExportComposeCommand.class, LayersCommand.class, VolumeCommand.class, FaultCommand.class, ProbeCommand.class, TourCommand.class, SwarmCommand.class, LabCommands.Certs.class, LabCommands.VersionCommand.class})
public final class LabCommands {

    public static final int ENGINE_FAILED = 1;
    public static final int BAD_INPUT = 2;
    /** The command worked, and what it checked is worse than the limit it was given (`layers --lowest-efficiency`). */
    public static final int OVER_LIMIT = 3;
    /** The command worked, and the answer is no: `probe` found that A does not reach B. */
    public static final int NOT_REACHED = 3;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The subcommand names; Main runs the CLI when the first argument is one of them. */
    public static final List<String> NAMES = List.of("plan", "apply", "destroy", "ls", "status", "import", "export-compose", "hosts", "layers",
            "engines", "volume", "fault", "probe", "tour", "swarm", "certs", "version", "--help", "--version");

    /** Runs the command line and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LabCommands());
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof LabFileException || e instanceof InvalidInputException) {
                err.println(e.getMessage());
                return BAD_INPUT;
            }
            err.println(EngineErrors.action("portolan " + command.getCommandName(), e));
            return ENGINE_FAILED;
        });
        cli.setExitCodeExceptionMapper(e -> BAD_INPUT);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"portolan " + dev.portolan.app.AppInfo.version()};
        }
    }

    /** What every lab command needs: the local engine, its simulated hosts, and the labs on them. */
    abstract static class LabCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Option(names = "--host-image", description = "Docker-in-Docker image of hosts that name none (default: the "
                + "settings file, or portolan.host-image / PORTOLAN_HOST_IMAGE; else " + Settings.PUBLIC_HOST_IMAGE + ").")
        String hostImage;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        /** Runs {@code work} on the local engine, connected for the command's whole run. */
        <T> T withEngine(java.util.function.Function<LocalEngine, T> work) {
            try (LocalEngine local = LocalEngine.connect(EndpointResolver.forThisProcess(), UserDirectories.forThisUser().config())) {
                try {
                    return work.apply(local);
                } catch (RuntimeException e) {
                    // "No such file or directory" says nothing; say which engine and what to do
                    if (EngineErrors.isUnreachable(e)) throw new ExplainedFailure(EngineErrors.unreachable(local.endpoint(), e));
                    throw e;
                }
            }
        }

        /**
         * Heals the faults that struck hosts now removed ({@code hosts}: a lab, or one LAB/HOST),
         * so none stays listed for a host that is gone; says each.
         */
        void healFaultsOn(LocalEngine local, String hosts) {
            try (ConnectedHosts connected = new ConnectedHosts(local)) {
                faults(local, connected).healOn(hosts).forEach(done -> printing().step("its faults: " + done));
            }
        }

        /** The fault operations a command uses: the list every `portolan` command and the window share. */
        static Faults faults(LocalEngine local, ConnectedHosts hosts) {
            return new Faults(local, hosts, new FaultBook(UserDirectories.forThisUser().config()), Clock.systemUTC());
        }

        /** The labs of the local engine, with the window's defaults unless --host-image says otherwise. */
        Labs labs(LocalEngine local) {
            return hostImage == null ? local.labs() : local.labs(hostImage);
        }

        Progress printing() {
            return new Progress() {
                @Override
                public void step(String text) {
                    if (!json) {
                        out().println("  " + text);
                        out().flush();
                    }
                }

                @Override
                public boolean isCancelled() {
                    return Thread.currentThread().isInterrupted();
                }
            };
        }

        void print(Object value, String text) throws Exception {
            out().println(json ? JSON.writeValueAsString(value) : text);
        }
    }

    /** A command on one lab file: reads it (refusing it whole when it has problems). */
    abstract static class LabFileCommand extends LabCommand {
        @Parameters(paramLabel = "LAB.yaml")
        Path file;

        LabSpec lab() {
            return LabFile.read(file);
        }
    }

    @Command(name = "plan", description = "Show what apply would change, host by host.")
    static final class Plan extends LabFileCommand {
        @Override
        public Integer call() throws Exception {
            LabSpec lab = lab();
            List<LabStep> steps = withEngine(local -> labs(local).plan(lab));
            StringBuilder text = new StringBuilder(steps.isEmpty() ? "Nothing to do: " + lab.name() + " is as its file says."
                    : "Plan for " + lab.name() + ": " + steps.size() + (steps.size() == 1 ? " step" : " steps"));
            steps.forEach(s -> text.append("\n  ").append(s.host()).append(": ").append(s.describe()));
            print(steps.stream().map(s -> Map.of("host", s.host(), "step", s.describe())).toList(), text.toString());
            return 0;
        }
    }

    @Command(name = "apply", description = "Make what runs match the lab file; run again to finish a stopped apply.")
    static final class Apply extends LabFileCommand {
        @Override
        public Integer call() throws Exception {
            LabSpec lab = lab();
            long start = System.nanoTime();
            if (!json) out().println("Applying " + lab.name() + "…");
            withEngine(local -> {
                labs(local).apply(lab, printing());
                return null;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            print(Map.of("lab", lab.name(), "applied", true, "seconds", seconds),
                    String.format("%s is applied (%.1f s).", lab.name(), seconds));
            return 0;
        }
    }

    @Command(name = "destroy", description = "Remove the lab's hosts and what runs on them; data volumes are kept unless asked. "
            + "A lab of simulated hosts can be named as `portolan ls` lists it (a tour's, a file gone); a lab with other hosts "
            + "needs its file.")
    static final class Destroy extends LabCommand {
        @Parameters(paramLabel = "LAB.yaml|LAB")
        String labOrFile;

        @Option(names = "--remove-volumes", description = "Also remove the hosts' data volumes (their images, containers, volumes).")
        boolean removeVolumes;

        @Option(names = "--backup", paramLabel = "FOLDER", description = "First copy the lab's volumes into tar files in FOLDER.")
        Path backup;

        @Override
        public Integer call() throws Exception {
            LabSpec file = namesAFile(labOrFile) ? LabFile.read(Path.of(labOrFile)) : null;
            String name = file == null ? labOrFile : file.name();
            withEngine(local -> {
                Labs labs = labs(local);
                if (file == null && local.simulatedHosts().list().stream().noneMatch(h -> h.lab().equals(name))
                        && (!removeVolumes || local.simulatedHosts().dataVolumes(name).isEmpty())) {
                    throw new InvalidInputException("There is no lab named " + name + " with hosts on this computer, and no file "
                            + name + ". `portolan ls` lists the labs; a lab with other hosts is destroyed from its file.");
                }
                if (backup != null) labs.backUp(name, backup, printing());
                if (file != null) labs.destroy(file, removeVolumes, printing());
                else labs.destroy(name, removeVolumes, printing());
                healFaultsOn(local, name);
                return null;
            });
            print(Map.of("lab", name, "destroyed", true, "volumesKept", !removeVolumes),
                    name + " is destroyed" + (removeVolumes ? "." : "; its data volumes are kept (--remove-volumes removes them)."));
            return 0;
        }
    }

    /** A lab file: a file that is there, or a name ending as one does (its absence is then said as a file's). */
    static boolean namesAFile(String argument) {
        String lower = argument.toLowerCase(java.util.Locale.ROOT);
        return java.nio.file.Files.isRegularFile(Path.of(argument)) || lower.endsWith(".yaml") || lower.endsWith(".yml")
                || argument.contains("/") || argument.contains(java.io.File.separator);
    }

    @Command(name = "ls", description = "List the labs that have hosts on this computer, or data a destroy kept.")
    static final class Ls extends LabCommand {
        @Override
        public Integer call() throws Exception {
            Map<String, List<String>> labs = withEngine(local -> {
                Map<String, Map<String, String>> byLab = new TreeMap<>();
                for (SimulatedHost h : local.simulatedHosts().list()) {
                    byLab.computeIfAbsent(h.lab(), l -> new TreeMap<>()).put(h.name(), h.state());
                }
                // a destroy that kept the data leaves volumes that still take room: said, so they are not forgotten
                local.simulatedHosts().dataVolumesByLab().forEach((lab, volumes) -> volumes.keySet().forEach(host ->
                        byLab.computeIfAbsent(lab, l -> new TreeMap<>()).putIfAbsent(host, "kept data")));
                Map<String, List<String>> said = new TreeMap<>();
                byLab.forEach((lab, hosts) -> said.put(lab, hosts.entrySet().stream()
                        .map(h -> h.getKey() + " (" + h.getValue() + ")").toList()));
                return said;
            });
            StringBuilder text = new StringBuilder(labs.isEmpty() ? "No labs." : "");
            labs.forEach((lab, members) -> text.append(text.isEmpty() ? "" : "\n").append(lab).append(": ")
                    .append(String.join(", ", members)));
            print(labs, text.toString());
            return 0;
        }
    }

    @Command(name = "status", description = "Show each host of a lab: running, lost, stopped, kept data or absent, and why."
            + " A lab of simulated hosts can be named as `portolan ls` lists it.")
    static final class Status extends LabCommand {
        @Parameters(paramLabel = "LAB.yaml|LAB")
        String labOrFile;

        @Override
        public Integer call() throws Exception {
            LabSpec file = namesAFile(labOrFile) ? LabFile.read(Path.of(labOrFile)) : null;
            String name = file == null ? labOrFile : file.name();
            List<dev.portolan.lab.LabHostStatus> hosts = withEngine(local -> file != null ? labs(local).status(file)
                    : labs(local).status(name));
            if (hosts.isEmpty()) {
                throw new InvalidInputException("There is no lab named " + name + " with hosts or kept data on this computer,"
                        + " and no file " + name + ". `portolan ls` lists the labs; a lab with other hosts is shown from its file.");
            }
            StringBuilder text = new StringBuilder(name);
            for (var h : hosts) {
                text.append("\n  ").append(h.host()).append(": ").append(h.state()).append(" (").append(h.provider()).append(")")
                        .append("\n    ").append(h.reason().replace("\n", "\n    "));
            }
            print(hosts, text.toString());
            return 0;
        }
    }

    @Command(name = "engines", description = "List the Docker engines this computer has (Docker Desktop, Colima, OrbStack, "
            + "Rancher Desktop, Podman, dockerd, DOCKER_HOST, contexts), whether each answers, and which one Portolan uses.")
    static final class Engines extends LabCommand {
        @Override
        public Integer call() throws Exception {
            var discovery = dev.portolan.engine.EngineDiscovery.forThisUser(EndpointResolver.forThisProcess());
            var found = discovery.check(discovery.find());
            String text = found.isEmpty() ? "No Docker engine on this computer. " + discovery.installAdvice()
                    : dev.portolan.engine.EngineDiscovery.describe(found);
            print(found.stream().map(c -> Map.of("product", c.found().product(), "address", c.found().endpoint().address(),
                    "foundBy", c.found().foundBy(), "answers", c.answers(), "detail", c.detail())).toList(), text);
            return 0;
        }
    }

    @Command(name = "certs", description = "Simulated hosts' TLS certificates.", subcommands = Certs.Renew.class)
    static final class Certs {
        @Command(name = "renew", description = "Issue new certificates for a simulated host (LAB/HOST) from its lab's CA and "
                + "restart its engine with them; its containers are kept.")
        static final class Renew extends LabCommand {
            @Parameters(paramLabel = "HOST")
            String host;

            @Override
            public Integer call() throws Exception {
                long start = System.nanoTime();
                var renewed = withEngine(local -> local.renewCertificates(host, printing()));
                double seconds = (System.nanoTime() - start) / 1e9;
                print(Map.of("host", host, "seconds", seconds, "context", renewed.contextName()),
                        String.format("%s has new certificates; its engine answered again with them (%.1f s). Context %s "
                                + "uses them.", host, seconds, renewed.contextName()));
                return 0;
            }
        }
    }

    @Command(name = "version", description = "Print Portolan's version.")
    static final class VersionCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(new Version().getVersion()[0]);
            return 0;
        }
    }

    @Command(name = "hosts", description = "List every host Portolan knows: the local engine, saved endpoints, simulated hosts, "
            + "docker-machine machines, with whether each engine answers.")
    static final class Hosts extends LabCommand {
        @Override
        public Integer call() throws Exception {
            List<HostRegistry.KnownHost> hosts = withEngine(local -> local.registry().all(local));
            StringBuilder text = new StringBuilder();
            for (var h : hosts) {
                text.append(text.isEmpty() ? "" : "\n").append(String.format("%-28s %-26s %s", h.key().displayName(),
                        h.provider(), h.state())).append(h.detail().isBlank() ? "" : "\n    " + h.detail());
            }
            print(hosts.stream().map(h -> Map.of("host", h.key().displayName(), "key", h.key().id(), "provider", h.provider(),
                    "state", h.state(), "detail", h.detail())).toList(), text.toString());
            return 0;
        }
    }

    @Command(name = "import", description = "Turn docker-compose files into a lab file, read as compose reads them"
            + " (variables, .env, several files merged in order, extends, profiles); what cannot be mapped is listed.")
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "COMPOSE.yaml", arity = "1..*", description = "One or more compose files, merged in order"
                + " as `docker compose -f a.yaml -f b.yaml` merges them.")
        List<Path> compose;

        @Option(names = "--name", description = "The lab's name (default: the project's name:, else the first file's folder).")
        String name;

        @Option(names = "--hosts", description = "Spread the services over this many hosts (default: ${DEFAULT-VALUE}).",
                defaultValue = "1")
        int hosts;

        @Option(names = "--env-file", description = "Read variables from this file instead of the .env beside the first file.")
        Path envFile;

        @Option(names = "--profile", description = "Include the services of this profile (repeat for several).")
        java.util.Set<String> profiles = new java.util.LinkedHashSet<>();

        @Option(names = {"-o", "--output"}, description = "Write the lab file here instead of printing it.")
        Path output;

        @Override
        public Integer call() throws Exception {
            Path first = compose.getFirst();
            Path folder = first.toAbsolutePath().getParent();
            var read = dev.portolan.lab.ComposeReader.read(compose,
                    new dev.portolan.lab.ComposeReader.Options(envFile, profiles, System.getenv()));
            // the project's name: when the file has none, its folder's, as compose names a project
            String labName = name != null ? name : dev.portolan.lab.ComposeImport.labName(read,
                    folder == null || folder.getFileName() == null ? first.getFileName().toString() : folder.getFileName().toString());
            var result = dev.portolan.lab.ComposeImport.convert(read, labName, hosts);
            LabFile.parse(result.labYaml(), labName + ".yaml"); // the import must read back as a lab
            if (output != null) java.nio.file.Files.writeString(output, result.labYaml());
            else spec.commandLine().getOut().print(result.labYaml());
            var err = spec.commandLine().getErr();
            err.println(result.mappedSentence());
            return 0;
        }
    }
}
