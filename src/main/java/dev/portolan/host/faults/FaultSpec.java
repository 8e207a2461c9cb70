package dev.portolan.host.faults;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Locale;

/**
 * A fault to inject, as the command line, a lab file and the diagram's menus all say it.
 * Hosts are named as `portolan hosts` names them (demo/node1), containers as HOST/NAME.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FaultSpec.HostFault.class, name = "host"),
    @JsonSubTypes.Type(value = FaultSpec.ContainerFault.class, name = "container"),
    @JsonSubTypes.Type(value = FaultSpec.Cut.class, name = "cut"),
    @JsonSubTypes.Type(value = FaultSpec.Drop.class, name = "drop"),
    @JsonSubTypes.Type(value = FaultSpec.Delay.class, name = "delay")})
public sealed interface FaultSpec {

    /** What the fault acts on: the diagram marks these. */
    @JsonIgnore
    List<Target> targets();

    /** "pause demo/node1", "cut demo/node1 ⇄ demo/node2": what the Faults panel and the CLI print. */
    @JsonIgnore
    String describe();

    /** Whether it is an event with nothing to undo (an engine killed comes back by its restart policy). */
    @JsonIgnore
    default boolean isMomentary() {
        return this instanceof HostFault h && (h.action() == HostAction.KILL_ENGINE || h.action() == HostAction.RESTART_ENGINE);
    }

    /** A host, or a container on it (container null for the host itself). */
    record Target(String host, String container) {
        public Target {
            if (host == null || host.isBlank()) throw new IllegalArgumentException("a fault's target needs a host");
        }

        public static Target host(String host) {
            return new Target(host, null);
        }

        @JsonIgnore
        public boolean isHost() {
            return container == null;
        }

        /** demo/node1, or demo/node1/web. */
        @Override
        public String toString() {
            return container == null ? host : host + "/" + container;
        }
    }

    enum HostAction {
        STOP, KILL, PAUSE, KILL_ENGINE, RESTART_ENGINE;

        /** "kill-engine": as the command line and lab files write it. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    enum ContainerAction {
        KILL, PAUSE, STOP, DISCONNECT;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A simulated host stopped, killed, paused, or its engine killed or restarted. */
    record HostFault(String host, HostAction action) implements FaultSpec {
        @Override
        public List<Target> targets() {
            return List.of(Target.host(host));
        }

        @Override
        public String describe() {
            return switch (action) {
                case KILL_ENGINE -> "kill the engine of " + host;
                case RESTART_ENGINE -> "restart the engine of " + host;
                default -> action.word() + " " + host;
            };
        }
    }

    /**
     * A container killed (with {@code signal}, KILL when null), paused, stopped, or
     * disconnected from {@code network}.
     */
    record ContainerFault(Target container, ContainerAction action, String signal, String network) implements FaultSpec {
        public ContainerFault {
            if (container.isHost()) throw new IllegalArgumentException("a container fault names HOST/CONTAINER");
        }

        @Override
        public List<Target> targets() {
            return List.of(container);
        }

        @Override
        public String describe() {
            return switch (action) {
                case KILL -> "kill " + container + (signal == null || signal.equals("KILL") ? "" : " (SIG" + signal + ")");
                case DISCONNECT -> "disconnect " + container + " from " + network;
                default -> action.word() + " " + container;
            };
        }
    }

    /** No packets between {@code from} and {@code to}; one way: {@code from} cannot open connections to {@code to}. */
    record Cut(Target from, Target to, boolean oneWay) implements FaultSpec {
        @Override
        public List<Target> targets() {
            return List.of(from, to);
        }

        @Override
        public String describe() {
            return "cut " + from + (oneWay ? " → " : " ⇄ ") + to;
        }
    }

    /** A share of the packets reaching {@code target} dropped (iptables' statistic match). */
    record Drop(Target target, int percent) implements FaultSpec {
        public Drop {
            if (percent < 1 || percent > 100) {
                throw new dev.portolan.engine.InvalidInputException(percent + "% is not a share of packets to drop: give 1% to 100%.");
            }
        }

        @Override
        public List<Target> targets() {
            return List.of(target);
        }

        @Override
        public String describe() {
            return "drop " + percent + "% of packets to " + target;
        }
    }

    /** Latency (and jitter) on {@code target}'s interfaces with tc netem, where the kernel has it. */
    record Delay(Target target, long latencyMillis, long jitterMillis) implements FaultSpec {
        public Delay {
            if (latencyMillis < 1 || jitterMillis < 0) {
                throw new dev.portolan.engine.InvalidInputException("Latency is at least 1 ms, and jitter is not negative.");
            }
        }

        @Override
        public List<Target> targets() {
            return List.of(target);
        }

        @Override
        public String describe() {
            return "delay " + target + " by " + latencyMillis + " ms" + (jitterMillis > 0 ? " ± " + jitterMillis + " ms" : "");
        }
    }
}
