package dev.portolan.operations;

import dev.portolan.app.Durations;
import dev.portolan.app.Futures;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import dev.portolan.host.faults.Fault;
import dev.portolan.host.faults.FaultSpec.HostFault;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHosts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faults on a simulated host's container, on the local engine: stop, kill, pause, and its
 * engine killed (SIGQUIT) or restarted (SIGTERM), which its restart policy brings back.
 * Also the one place that says whether a name is a running simulated host.
 */
final class HostFaults {

    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration ENGINE_BACK_TIMEOUT = Duration.ofSeconds(90);

    private final LocalEngine local;

    HostFaults(LocalEngine local) {
        this.local = local;
    }

    String inject(HostFault f, Map<String, String> undo) {
        SimulatedHost host = running(f.host());
        HostOperations engine = local.operations();
        undo.put("container", host.containerId());
        return switch (f.action()) {
            case STOP -> {
                local.simulatedHosts().stop(host);
                yield f.host() + " is stopped.";
            }
            case KILL -> {
                engine.kill(host.containerId());
                yield f.host() + " is killed (SIGKILL): its containers went with it.";
            }
            case PAUSE -> {
                engine.pause(host.containerId());
                yield f.host() + " is paused: its engine and containers are frozen, and it stops answering.";
            }
            // dockerd exits at once on SIGQUIT, without clean-up, like a crash; SIGTERM shuts it down in order.
            // Either way its container ends and the restart policy starts it again, as systemd would dockerd.
            case KILL_ENGINE -> signalEngine(host, "QUIT", "killed without clean-up (SIGQUIT)");
            case RESTART_ENGINE -> signalEngine(host, "TERM", "stopped in order (SIGTERM)");
        };
    }

    private String signalEngine(SimulatedHost host, String signal, String how) {
        long start = System.nanoTime();
        try {
            local.operations().exec(host.containerId(), List.of("kill", "-" + signal, "1"), EXEC_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (RuntimeException e) {
            // the exec may end with the engine it signalled; what counts is whether the engine comes back
        }
        String name = host.lab() + "/" + host.name();
        Duration back = waitForEngine(host, start);
        if (back == null) {
            return name + "'s engine was " + how + " and did not answer again within " + Durations.format(ENGINE_BACK_TIMEOUT)
                    + ": `docker logs " + SimulatedHosts.containerName(host.lab(), host.name()) + "` shows why.";
        }
        return String.format(java.util.Locale.ROOT, "%s's engine was %s; its restart policy started it again and it answered "
                + "after %.1f s.", name, how, back.toMillis() / 1000.0);
    }

    /** How long from {@code start} until the host's engine answered again, or null if it did not in time. */
    private Duration waitForEngine(SimulatedHost host, long start) {
        long deadline = start + ENGINE_BACK_TIMEOUT.toNanos();
        boolean wentAway = false;
        while (System.nanoTime() < deadline) {
            Optional<SimulatedHost> now = local.simulatedHosts().find(host.lab(), host.name());
            boolean running = now.isPresent() && now.get().isRunning();
            if (!running) wentAway = true;
            // the old engine may answer for a moment after the signal: count only once it went away, or after 2 s
            if (running && (wentAway || System.nanoTime() - start > 2_000_000_000L) && answers(now.get())) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Futures.pause(100);
        }
        return null;
    }

    private static boolean answers(SimulatedHost host) {
        try (var pinger = EngineClients.pinger(host.endpoint())) {
            pinger.pingCmd().exec();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    String heal(HostFault f, Fault fault) {
        Optional<SimulatedHost> host = simulated(f.host());
        if (host.isEmpty() || !host.get().containerId().equals(fault.undo().get("container"))) {
            return f.host() + " was removed or made again since: nothing to heal";
        }
        SimulatedHost h = host.get();
        return switch (f.action()) {
            case PAUSE -> {
                if (h.state().equals("paused")) local.operations().unpause(h.containerId());
                yield f.host() + " is unpaused";
            }
            case STOP, KILL -> {
                if (!h.isRunning()) local.simulatedHosts().start(h, Progress.NONE);
                yield f.host() + " is running again";
            }
            case KILL_ENGINE, RESTART_ENGINE -> f.host() + "'s engine came back by itself";
        };
    }

    /** The running simulated host of that name, or a sentence saying why nothing can act on it. */
    SimulatedHost running(String name) {
        Optional<SimulatedHost> host = simulated(name);
        if (host.isEmpty()) {
            throw new InvalidInputException("Faults on hosts and networks act on simulated hosts, which Portolan made and owns; "
                    + name + " is not one (`portolan hosts` lists them as LAB/HOST). Container faults work on any host.");
        }
        if (host.get().state().equals("paused")) throw new InvalidInputException(name + " is paused: heal that first.");
        if (!host.get().isRunning()) {
            String state = host.get().state().equals("exited") ? "stopped" : host.get().state();
            throw new InvalidInputException(name + " is " + state + ", so it is lost already: start it first (its page's "
                    + "Start, or `portolan apply`).");
        }
        return host.get();
    }

    Optional<SimulatedHost> simulated(String name) {
        return local.simulatedHost(name);
    }
}
