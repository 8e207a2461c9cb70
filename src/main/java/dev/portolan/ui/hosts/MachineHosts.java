package dev.portolan.ui.hosts;

import dev.portolan.host.HostKey;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.host.Progress;
import dev.portolan.host.machine.DockerMachine;
import dev.portolan.host.machine.MachineCommandException;
import dev.portolan.host.machine.MachineFailure;
import dev.portolan.host.machine.Machine;
import dev.portolan.inventory.HostStatus;
import dev.portolan.ui.model.HostModel;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;

/**
 * docker-machine hosts in the sidebar: listed with `docker-machine ls`, a running one
 * watched through the TLS endpoint of `docker-machine config`, and every command's
 * output streamed into a window with Cancel. docker-machine has no event stream, so
 * the list is read again after each command and when the user asks.
 */
public final class MachineHosts {

    private final HostsController hosts;
    private final Optional<DockerMachine> cli;
    private final Map<HostModel, Machine> machines = new HashMap<>();

    MachineHosts(HostsController hosts, Optional<DockerMachine> cli) {
        this.hosts = hosts;
        this.cli = cli;
    }

    /**
     * docker-machine on the PATH; the system property portolan.docker-machine names another
     * executable (tests use the stand-in in src/test/machine).
     */
    static Optional<DockerMachine> findCli() {
        return DockerMachine.fromEnvironment();
    }

    /** The docker-machine CLI, when installed. */
    public Optional<DockerMachine> cli() {
        return cli;
    }

    public boolean isInstalled() {
        return cli.isPresent();
    }

    public Optional<Machine> machine(HostModel model) {
        return Optional.ofNullable(machines.get(model));
    }

    /** Reads the machines again, off the FX thread, and brings the sidebar in line. */
    public void refresh() {
        if (cli.isEmpty()) return;
        DockerMachine dm = cli.get();
        Thread.ofVirtual().name("docker-machine-ls").start(() -> {
            Map<String, Found> found = new java.util.LinkedHashMap<>();
            try {
                for (Machine m : dm.list()) {
                    EngineEndpoint endpoint = null;
                    String error = null;
                    if (m.isRunning() && !m.hasError()) {
                        try {
                            endpoint = dm.endpoint(m.name());
                        } catch (RuntimeException e) {
                            error = e.getMessage();
                        }
                    }
                    found.put(m.name(), new Found(m, endpoint, error));
                }
            } catch (RuntimeException e) {
                Platform.runLater(() -> hosts.runner().say(new dev.portolan.ui.actions.ActionRunner.Message(
                        "docker-machine ls failed: " + e.getMessage(), true)));
                return;
            }
            Platform.runLater(() -> reconcile(found));
        });
    }

    /** A machine as listed, with its engine's endpoint or why there is none. */
    private record Found(Machine machine, EngineEndpoint endpoint, String error) {}

    private void reconcile(Map<String, Found> found) {
        found.forEach((name, f) -> {
            Machine m = f.machine();
            HostKey key = HostKey.machine(name);
            HostModel model = hosts.byKey(key);
            if (model == null) {
                model = new HostModel(key, "docker-machine · " + m.driver(), null);
                hosts.add(model);
            }
            Machine before = machines.put(model, m);
            model.providerDetailProperty().set("driver " + m.driver() + " · " + m.state()
                    + (m.url().isBlank() ? "" : " · " + m.url()));
            if (m.hasError()) {
                hosts.unwatch(model, new HostStatus.Failed(Instant.now(), m.error().isBlank() ? "the machine is in Error"
                        : m.error() + (m.needsNewCertificates() ? " — choose Regenerate certificates." : "")));
            } else if (f.endpoint() != null) {
                boolean moved = before == null || !before.equals(m) || hosts.session(model).isEmpty();
                if (moved) hosts.watch(model, f.endpoint());
            } else if (f.error() != null) {
                hosts.unwatch(model, new HostStatus.Failed(Instant.now(), f.error()));
            } else {
                hosts.unwatch(model, new HostStatus.Offline(Instant.now(), m.state().toLowerCase(java.util.Locale.ROOT)));
            }
        });
        for (HostModel model : List.copyOf(machines.keySet())) {
            if (!found.containsKey(model.name())) {
                machines.remove(model);
                hosts.drop(model.key());
            }
        }
    }

    /** One docker-machine command on a machine, its output in a window with Cancel. */
    public void command(HostModel model, String verb, ProgressWindow window) {
        Machine m = machines.get(model);
        if (cli.isEmpty() || m == null) return;
        DockerMachine dm = cli.get();
        Progress progress = window.progress(line -> { });
        var known = new java.util.concurrent.atomic.AtomicReference<MachineFailure>();
        hosts.runner().run("docker-machine " + verb + " " + m.name() + "…", "docker-machine " + verb + " " + m.name()
                + ": done", "docker-machine " + verb + " " + m.name(), () -> recognised(known, () -> {
                    switch (verb) {
                        case "start" -> dm.start(m.name(), progress::step, progress);
                        case "stop" -> dm.stop(m.name(), progress::step, progress);
                        case "restart" -> dm.restart(m.name(), progress::step, progress);
                        case "rm" -> dm.remove(m.name(), progress::step, progress);
                        case "regenerate-certs" -> dm.regenerateCertificates(m.name(), progress::step, progress);
                        default -> throw new IllegalArgumentException(verb);
                    }
                }), done -> {
                    window.done("docker-machine " + verb + " " + m.name() + " finished.");
                    refresh();
                }, error -> failed(window, error, known.get(), m.name()));
    }

    /** docker-machine create, its output in {@code window}. */
    public void create(String name, String driver, List<String> flags, ProgressWindow window) {
        if (cli.isEmpty()) return;
        Progress progress = window.progress(line -> { });
        var known = new java.util.concurrent.atomic.AtomicReference<MachineFailure>();
        hosts.runner().run("docker-machine create " + name + "…", "Created " + name, "docker-machine create " + name,
                () -> recognised(known, () -> cli.get().create(name, driver, flags, progress::step, progress)), done -> {
                    window.done(name + " is up and running.");
                    refresh();
                }, error -> failed(window, error, known.get(), name));
    }

    /** Runs a command, keeping the known failure it ends in (if any) for the window. */
    private static Void recognised(java.util.concurrent.atomic.AtomicReference<MachineFailure> known, Runnable command) {
        try {
            command.run();
            return null;
        } catch (MachineCommandException e) {
            known.set(e.failure().orElse(null));
            throw e;
        }
    }

    /** Says why a command failed and, when the fix is safe, offers it as one click. */
    private void failed(ProgressWindow window, String error, MachineFailure known, String machine) {
        window.failed(error);
        if (known != null && known.safeFix() != null && cli.isPresent()) {
            DockerMachine dm = cli.get();
            window.offerFix(known.safeFix().label, () -> hosts.runner().run(known.safeFix().label + " " + machine + "…",
                    known.safeFix().label + ": done for " + machine, known.safeFix().label + " " + machine, () -> {
                        if (known.safeFix() == MachineFailure.SafeFix.REMOVE_LEFTOVER) dm.remove(machine, line -> { }, Progress.NONE);
                        else dm.regenerateCertificates(machine, line -> { }, Progress.NONE);
                        return null;
                    }, done -> refresh()));
        }
        refresh();
    }
}
