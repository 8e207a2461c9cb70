package dev.portolan.cli;

import dev.portolan.app.Durations;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.faults.Fault;
import dev.portolan.host.faults.FaultSpec;
import dev.portolan.host.faults.FaultSpec.Target;
import dev.portolan.lab.LabFaults;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabSpec;
import dev.portolan.operations.ConnectedHosts;
import dev.portolan.operations.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `portolan fault …`: break a host, a container or the network on purpose, and heal it.
 * Faults are shared with the window through one list; a fault given `--for` waits its
 * time and heals itself (Ctrl+C heals it at once), or with --no-wait is healed by the
 * window or the next `portolan fault` command once its time is up.
 */
@Command(name = "fault", description = "Inject a fault (stop, kill, pause, cut, drop, delay…), list the faults in force, heal them.",
        subcommands = {FaultCommand.Stop.class, FaultCommand.Kill.class, FaultCommand.Pause.class, FaultCommand.KillEngine.class,
                FaultCommand.RestartEngine.class, FaultCommand.Disconnect.class, FaultCommand.Cut.class, FaultCommand.Drop.class,
                FaultCommand.Delay.class, FaultCommand.On.class, FaultCommand.Ls.class, FaultCommand.Heal.class})
final class FaultCommand {

    /** What every fault command does: the shared list, the hosts by name, the same wording. */
    abstract static class OnFaults extends LabCommands.LabCommand {
        <T> T withFaults(Function<Faults, T> work) {
            return withEngine(local -> {
                try (ConnectedHosts hosts = new ConnectedHosts(local)) {
                    return work.apply(faults(local, hosts));
                }
            });
        }

        static Map<String, Object> json(Fault f) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("fault", f.spec().describe());
            m.put("started", f.started().toString());
            m.put("healsAt", f.healsAt().map(Instant::toString).orElse(null));
            return m;
        }
    }

    /** A command that injects: --for and --no-wait, then waits its time and heals, unless told not to. */
    abstract static class Inject extends OnFaults {
        @Option(names = "--for", paramLabel = "DURATION", description = "Heal it after this long (30s, 2m, 1m30s); "
                + "without it the fault stays until `portolan fault heal`.")
        String duration;

        @Option(names = "--no-wait", description = "With --for: return at once; the window or the next `portolan fault` "
                + "command heals it when its time is up.")
        boolean noWait;

        abstract List<FaultSpec> specs(Faults faults);

        @Override
        public Integer call() throws Exception {
            Duration lasting = duration == null ? null : parseDuration(duration);
            return withFaults(faults -> {
                List<Faults.Injected> made = faults.injectAll(specs(faults), lasting);
                try {
                    print(made.stream().map(m -> json(m.fault())).toList(), String.join("\n", made.stream()
                            .map(m -> (m.fault().spec().isMomentary() ? "" : "[" + m.fault().id() + "] ") + m.outcome()
                                    + (lasting == null || m.fault().spec().isMomentary() ? "" : " Heals in " + Durations.format(lasting)
                                            + (noWait ? "." : " (Ctrl+C heals it now).")))
                            .toList()));
                    out().flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                if (lasting != null && !noWait) waitAndHeal(faults, made, lasting);
                return 0;
            });
        }

        private void waitAndHeal(Faults faults, List<Faults.Injected> made, Duration lasting) {
            List<String> ids = made.stream().filter(m -> !m.fault().spec().isMomentary()).map(m -> m.fault().id()).toList();
            Thread healer = new Thread(() -> ids.forEach(id -> {
                try {
                    faults.heal(id);
                } catch (RuntimeException alreadyHealed) {
                    // healed meanwhile by the window or another command
                }
            }), "heal-on-exit");
            Runtime.getRuntime().addShutdownHook(healer);
            long start = System.nanoTime();
            try {
                Thread.sleep(lasting.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().removeShutdownHook(healer);
            for (String id : ids) {
                try {
                    String done = faults.heal(id);
                    out().printf("Healed after %s: %s.%n", Durations.format(Duration.ofNanos(System.nanoTime() - start)), done);
                } catch (InvalidInputException healedElsewhere) {
                    out().println(healedElsewhere.getMessage());
                }
            }
        }
    }

    static Duration parseDuration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    @Command(name = "stop", description = "Stop a simulated host (HOST) or a container (HOST/NAME).")
    static final class Stop extends Inject {
        @Parameters(paramLabel = "TARGET")
        String target;

        @Override
        List<FaultSpec> specs(Faults faults) {
            Target t = faults.target(target);
            return List.of(t.isHost() ? new FaultSpec.HostFault(t.host(), FaultSpec.HostAction.STOP)
                    : new FaultSpec.ContainerFault(t, FaultSpec.ContainerAction.STOP, null, null));
        }
    }

    @Command(name = "kill", description = "Kill a simulated host (HOST) or a container (HOST/NAME, with --signal).")
    static final class Kill extends Inject {
        @Parameters(paramLabel = "TARGET")
        String target;

        @Option(names = "--signal", description = "The signal a container gets (KILL, TERM, HUP…; default KILL).")
        String signal;

        @Override
        List<FaultSpec> specs(Faults faults) {
            Target t = faults.target(target);
            if (t.isHost() && signal != null) throw new InvalidInputException("--signal is for a container; a host is killed with KILL.");
            return List.of(t.isHost() ? new FaultSpec.HostFault(t.host(), FaultSpec.HostAction.KILL)
                    : new FaultSpec.ContainerFault(t, FaultSpec.ContainerAction.KILL, signal == null ? null
                            : signal.toUpperCase(java.util.Locale.ROOT).replaceFirst("^SIG", ""), null));
        }
    }

    @Command(name = "pause", description = "Pause a simulated host (HOST) or a container (HOST/NAME).")
    static final class Pause extends Inject {
        @Parameters(paramLabel = "TARGET")
        String target;

        @Override
        List<FaultSpec> specs(Faults faults) {
            Target t = faults.target(target);
            return List.of(t.isHost() ? new FaultSpec.HostFault(t.host(), FaultSpec.HostAction.PAUSE)
                    : new FaultSpec.ContainerFault(t, FaultSpec.ContainerAction.PAUSE, null, null));
        }
    }

    /** kill-engine and restart-engine: a simulated host's dockerd, which its restart policy brings back. */
    abstract static class EngineSignal extends Inject {
        @Parameters(paramLabel = "HOST")
        String host;

        abstract FaultSpec.HostAction action();

        @Override
        List<FaultSpec> specs(Faults faults) {
            Target t = faults.target(host);
            if (!t.isHost()) throw new InvalidInputException(host + " is a container; " + action().word() + " acts on a host.");
            return List.of(new FaultSpec.HostFault(t.host(), action()));
        }
    }

    @Command(name = "kill-engine", description = "Kill a simulated host's dockerd without clean-up (SIGQUIT); its restart "
            + "policy starts it again, as systemd would. Prints how long until it answered.")
    static final class KillEngine extends EngineSignal {
        @Override
        FaultSpec.HostAction action() {
            return FaultSpec.HostAction.KILL_ENGINE;
        }
    }

    @Command(name = "restart-engine", description = "Stop a simulated host's dockerd in order (SIGTERM) and let it start again.")
    static final class RestartEngine extends EngineSignal {
        @Override
        FaultSpec.HostAction action() {
            return FaultSpec.HostAction.RESTART_ENGINE;
        }
    }

    @Command(name = "disconnect", description = "Disconnect a container (HOST/NAME) from a network; heal connects it again "
            + "with the same names.")
    static final class Disconnect extends Inject {
        @Parameters(index = "0", paramLabel = "CONTAINER")
        String container;

        @Parameters(index = "1", paramLabel = "NETWORK")
        String network;

        @Override
        List<FaultSpec> specs(Faults faults) {
            Target t = faults.target(container);
            if (t.isHost()) throw new InvalidInputException(container + " is a host; name a container as HOST/NAME.");
            return List.of(new FaultSpec.ContainerFault(t, FaultSpec.ContainerAction.DISCONNECT, null, network));
        }
    }

    @Command(name = "cut", description = "Cut two simulated hosts, or two containers on them, apart (iptables).")
    static final class Cut extends Inject {
        @Parameters(index = "0", paramLabel = "A")
        String a;

        @Parameters(index = "1", paramLabel = "B")
        String b;

        @Option(names = "--one-way", description = "Only A cannot open connections to B; B still reaches A.")
        boolean oneWay;

        @Override
        List<FaultSpec> specs(Faults faults) {
            return List.of(new FaultSpec.Cut(faults.target(a), faults.target(b), oneWay));
        }
    }

    @Command(name = "drop", description = "Drop a share of the packets reaching a simulated host or a container on one, at random.")
    static final class Drop extends Inject {
        @Parameters(index = "0", paramLabel = "TARGET")
        String target;

        @Parameters(index = "1", paramLabel = "SHARE", description = "30%% (or 30)")
        String share;

        @Override
        List<FaultSpec> specs(Faults faults) {
            return List.of(new FaultSpec.Drop(faults.target(target), LabFaults.percent(share)));
        }
    }

    @Command(name = "delay", description = "Add latency (and jitter) to a simulated host's or container's packets, with tc "
            + "netem where the kernel has it.")
    static final class Delay extends Inject {
        @Parameters(index = "0", paramLabel = "TARGET")
        String target;

        @Parameters(index = "1", paramLabel = "LATENCY", description = "100ms")
        String latency;

        @Option(names = "--jitter", paramLabel = "JITTER", description = "20ms")
        String jitter;

        @Override
        List<FaultSpec> specs(Faults faults) {
            return List.of(new FaultSpec.Delay(faults.target(target), parseDuration(latency).toMillis(),
                    jitter == null ? 0 : parseDuration(jitter).toMillis()));
        }
    }

    @Command(name = "on", description = "Switch on the faults a lab file names under `faults:` (all of them, or none).")
    static final class On extends Inject {
        @Parameters(index = "0", paramLabel = "LAB.yaml")
        Path file;

        @Parameters(index = "1", paramLabel = "NAME")
        String name;

        @Override
        List<FaultSpec> specs(Faults faults) {
            LabSpec lab = LabFile.read(file);
            return LabFaults.specs(lab, name);
        }
    }

    @Command(name = "ls", description = "List the faults in force (healing first those whose time is up).")
    static final class Ls extends OnFaults {
        @Override
        public Integer call() throws Exception {
            List<Fault> faults = withFaults(f -> {
                f.healOverdue();
                return f.inForce();
            });
            Instant now = Instant.now();
            StringBuilder text = new StringBuilder(faults.isEmpty() ? "No faults in force." : "");
            for (Fault f : faults) {
                text.append(text.isEmpty() ? "" : "\n").append(String.format("%-8s %-48s %s", f.id(), f.spec().describe(),
                        f.remaining(now).map(r -> "heals in " + Durations.format(r)).orElse("until healed")));
            }
            print(faults.stream().map(OnFaults::json).toList(), text.toString());
            return 0;
        }
    }

    @Command(name = "heal", description = "Heal faults by id, or every fault Portolan made (--all).")
    static final class Heal extends OnFaults {
        @Parameters(paramLabel = "ID", arity = "0..*")
        List<String> ids = List.of();

        @Option(names = "--all", description = "Heal every fault in force, and remove any rule Portolan marked on its hosts.")
        boolean all;

        @Override
        public Integer call() throws Exception {
            if (all == !ids.isEmpty()) throw new InvalidInputException("Name the faults to heal by id (`portolan fault ls`), or give --all.");
            List<String> done = withFaults(f -> all ? f.healAll() : ids.stream().map(f::heal).toList());
            print(done, done.isEmpty() ? "No faults were in force." : String.join("\n", done.stream()
                    .map(d -> (d.startsWith("could not") ? "C" + d.substring(1) : "Healed: " + d) + ".").toList()));
            return 0;
        }
    }
}
