package dev.portolan.host.machine;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.host.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-machine driven through its real CLI: list, create, start, stop, restart, remove,
 * regenerate-certs, and the TLS endpoint of a machine from `docker-machine config`.
 * Output is streamed line by line; every command has a timeout and can be cancelled.
 * Blocking: call off the FX thread.
 */
public final class DockerMachine {

    private static final String LS_FORMAT = "{{.Name}}\\t{{.DriverName}}\\t{{.State}}\\t{{.URL}}\\t{{.Error}}";
    private static final Pattern CONFIG_VALUE = Pattern.compile("^-{1,2}([a-zA-Z]+)=?\"?([^\"]*)\"?$");

    private final Path executable;
    private final Map<String, String> environment;

    public DockerMachine(Path executable, Map<String, String> environment) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
    }

    /**
     * docker-machine on the PATH; the system property portolan.docker-machine names another
     * executable (tests use the stand-in in src/test/machine), and portolan.machine-storage
     * its MACHINE_STORAGE_PATH (tests keep theirs apart).
     */
    public static Optional<DockerMachine> fromEnvironment() {
        String chosen = System.getProperty("portolan.docker-machine");
        Optional<Path> executable = chosen != null ? Optional.of(Path.of(chosen)).filter(Files::isExecutable)
                : find(System.getenv("PATH"));
        String storage = System.getProperty("portolan.machine-storage");
        Map<String, String> env = storage == null ? Map.of() : Map.of("MACHINE_STORAGE_PATH", storage);
        return executable.map(path -> new DockerMachine(path, env));
    }

    /** docker-machine on this PATH, or empty when it is not installed. */
    public static Optional<Path> find(String path) {
        return findOnPath("docker-machine", path);
    }

    /** Whether VirtualBox, docker-machine's default driver, is installed (VBoxManage on the PATH). */
    public static boolean hasVirtualBox(String path) {
        return findOnPath("VBoxManage", path).isPresent() || findOnPath("vboxmanage", path).isPresent();
    }

    static Optional<Path> findOnPath(String name, String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) continue;
            for (String candidate : new String[] {name, name + ".exe"}) {
                Path file = Path.of(dir, candidate);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    public List<Machine> list() {
        List<String> lines = new ArrayList<>();
        run(List.of("ls", "--format", LS_FORMAT), lines::add, Duration.ofSeconds(30), Progress.NONE);
        return parseList(lines);
    }

    /** Parses ls with Portolan's format; tolerant of blank lines and missing trailing columns. */
    static List<Machine> parseList(List<String> lines) {
        List<Machine> machines = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            String at2 = f.length > 2 ? f[2].strip() : "";
            machines.add(new Machine(f[0].strip(), f.length > 1 ? f[1].strip() : "", at2,
                    f.length > 3 ? f[3].strip() : "", f.length > 4 ? f[4].strip() : ""));
        }
        return machines;
    }

    /** The machine's engine, with the certificates docker-machine keeps for it. */
    public EngineEndpoint endpoint(String name) {
        List<String> lines = new ArrayList<>();
        run(List.of("config", name), lines::add, Duration.ofSeconds(30), Progress.NONE);
        return parseConfig(name, lines);
    }

    /** Parses `docker-machine config` (one flag per line, as on Linux and macOS, or all on one line). */
    static EngineEndpoint parseConfig(String name, List<String> lines) {
        String host = null, ca = null;
        for (String raw : String.join(" ", lines).trim().split("\\s+")) {
            Matcher m = CONFIG_VALUE.matcher(raw.strip());
            if (!m.matches()) continue;
            switch (m.group(1)) {
                case "H" -> host = m.group(2);
                case "tlscacert" -> ca = m.group(2);
                default -> { }
            }
        }
        if (host == null) throw new MachineCommandException("docker-machine config " + name + " printed no -H=tcp://… address");
        Path tls = ca == null ? null : Path.of(ca).getParent();
        return new EngineEndpoint(name, EndpointResolver.parseHost(host, "docker-machine's address for " + name), tls,
                "docker-machine");
    }

    /** `docker-machine create -d DRIVER [flags] NAME`, its output streamed to {@code output}. */
    public void create(String name, String driver, List<String> driverFlags, Consumer<String> output, Progress progress) {
        List<String> args = new ArrayList<>(List.of("create", "-d", driver));
        args.addAll(driverFlags);
        args.add(name);
        run(args, output, Duration.ofMinutes(15), progress);
    }

    public void start(String name, Consumer<String> output, Progress progress) {
        run(List.of("start", name), output, Duration.ofMinutes(5), progress);
    }

    public void stop(String name, Consumer<String> output, Progress progress) {
        run(List.of("stop", name), output, Duration.ofMinutes(5), progress);
    }

    public void restart(String name, Consumer<String> output, Progress progress) {
        run(List.of("restart", name), output, Duration.ofMinutes(5), progress);
    }

    public void remove(String name, Consumer<String> output, Progress progress) {
        run(List.of("rm", "-y", name), output, Duration.ofMinutes(5), progress);
    }

    public void regenerateCertificates(String name, Consumer<String> output, Progress progress) {
        run(List.of("regenerate-certs", "-f", name), output, Duration.ofMinutes(5), progress);
    }

    /**
     * Runs one command; each line of its output (stdout and stderr) goes to {@code output}.
     * Throws with the command's last lines when it fails, and when it times out or is
     * cancelled (the process is then stopped).
     */
    public void run(List<String> args, Consumer<String> output, Duration timeout, Progress progress) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        String shown = "docker-machine " + String.join(" ", args);
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
            process.getOutputStream().close(); // never waits for an answer on stdin
        } catch (IOException e) {
            throw new MachineCommandException(shown + " could not start: " + e.getMessage());
        }
        List<String> last = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.accept(line);
                    if (all.size() < 500) all.add(line);
                    last.add(line);
                    if (last.size() > 5) last.removeFirst();
                }
            } catch (IOException closed) {
                // the process was stopped
            }
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (progress.isCancelled()) {
                    stop(process);
                    throw new MachineCommandException(shown + " was cancelled.");
                }
                if (System.nanoTime() > deadline) {
                    stop(process);
                    throw new MachineCommandException(shown + " did not finish within " + timeout.toSeconds()
                            + " s and was stopped. The VM may still be starting; look in its driver (VirtualBox).");
                }
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new MachineCommandException(shown + " was interrupted.");
        }
        if (process.exitValue() != 0) {
            String printed = last.isEmpty() ? "no output" : String.join(" ", last);
            String machine = args.stream().filter(a -> !a.startsWith("-")).reduce((a, b) -> b).orElse(null);
            MachineFailure known;
            synchronized (all) {
                known = MachineFailure.recognise(String.join("\n", all), machine).orElse(null);
            }
            throw new MachineCommandException(known != null
                    ? shown + " failed. " + known.sentence() + " (It printed: " + printed + ")"
                    : shown + " failed (exit " + process.exitValue() + "): " + printed, known);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
