package dev.portolan.lab;

import java.util.List;
import java.util.Map;

/** One thing `apply` does, on one host of the lab; the plan is a list of them. */
public sealed interface LabStep {

    /** The lab host it happens on. */
    String host();

    /** What it does, in a few words: "create container web-1". */
    String describe();

    /** Brings a host of the lab up: apply does these first, side by side, then plans again. */
    sealed interface HostStep extends LabStep {
        LabSpec.Host spec();
    }

    record CreateHost(String host, LabSpec.Host spec) implements HostStep {
        public String describe() {
            return spec.provider() == LabSpec.Provider.DOCKER_MACHINE
                    ? "create docker-machine host " + host + " (driver " + (spec.driver() == null ? "virtualbox" : spec.driver()) + ")"
                    : "create simulated host " + host;
        }
    }

    /** The host is there but stopped ({@code state}: "exited", "Stopped"): start it. */
    record StartHost(String host, LabSpec.Host spec, String state) implements HostStep {
        public String describe() {
            return "start " + (spec.provider() == LabSpec.Provider.DOCKER_MACHINE ? "docker-machine " : "") + "host " + host
                    + " (" + (state.equals("exited") ? "stopped" : state.toLowerCase(java.util.Locale.ROOT)) + ")";
        }
    }

    /** A simulated host whose container was removed with its data volume kept: made again from that volume. */
    record RemakeHost(String host, LabSpec.Host spec) implements HostStep {
        public String describe() {
            return "make host " + host + " again from its kept data";
        }
    }

    record CopyImage(String host, String image) implements LabStep {
        public String describe() {
            return "copy image " + image + " to " + host;
        }
    }

    record CreateVolume(String host, String name) implements LabStep {
        public String describe() {
            return "create volume " + name;
        }
    }

    record CreateNetwork(String host, LabSpec.Network spec) implements LabStep {
        public String describe() {
            return "create network " + spec.name();
        }
    }

    /** Creates (and starts) a container; {@code replace} names the old one that goes first, or null. */
    record CreateContainer(String host, String name, LabSpec.Container spec, String specHash, String replace)
            implements LabStep {
        public String describe() {
            return (replace == null ? "create container " : "replace container ") + name;
        }
    }

    /** A lab container meant to keep running (restart: always or unless-stopped) that is not running: start it. */
    record StartContainer(String host, String name, String id, String state) implements LabStep {
        public String describe() {
            return "start container " + name + " (" + state + ")";
        }
    }

    record RemoveContainer(String host, String name, String id) implements LabStep {
        public String describe() {
            return "remove container " + name + " (no longer in the lab file)";
        }
    }

    /** Makes the host the first manager of the lab's Swarm. */
    record InitSwarm(String host) implements LabStep {
        public String describe() {
            return "start the swarm, with " + host + " as its first manager";
        }
    }

    record JoinSwarm(String host, String manager, boolean asManager) implements LabStep {
        public String describe() {
            return "join the swarm as a " + (asManager ? "manager" : "worker");
        }
    }

    /** Gives a member's Swarm node the labels its lab host declares (placement constraints use them), on a manager. */
    record LabelNode(String host, String manager, Map<String, String> labels) implements LabStep {
        public LabelNode {
            labels = Map.copyOf(labels);
        }

        public String describe() {
            return "label its swarm node " + String.join(", ", new java.util.TreeMap<>(labels).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
    }

    /**
     * Brings a member's Swarm node to the file's word, on a manager: {@code role} (manager or worker) and
     * {@code availability} (active or drain), each null when it already is so.
     */
    record SetNode(String host, String manager, String role, String availability) implements LabStep {
        public String describe() {
            List<String> what = new java.util.ArrayList<>();
            if (role != null) what.add(role.equals("manager") ? "promote its swarm node to manager" : "demote its swarm node to worker");
            if (availability != null) what.add(availability.equals("drain") ? "drain its swarm node" : "make its swarm node active");
            return String.join(", ", what);
        }
    }

    /**
     * A lab host whose node is in the lab's Swarm while the file's swarm section no longer names
     * it: demoted first when it manages, it leaves, and the managers take it off their list.
     */
    record LeaveSwarm(String host, String manager) implements LabStep {
        public String describe() {
            return "leave the swarm (the swarm section no longer names it; its tasks move to the other nodes)";
        }
    }

    /** An overlay network across the Swarm's hosts, made on a manager. */
    record CreateOverlayNetwork(String host, LabSpec.Network spec) implements LabStep {
        public String describe() {
            return "create overlay network " + spec.name() + " across the swarm";
        }
    }

    /** Creates a Swarm service on a manager. */
    record CreateService(String host, LabSpec.Service spec, String specHash) implements LabStep {
        public String describe() {
            return "create service " + spec.name() + " (" + spec.replicas() + (spec.replicas() == 1 ? " replica)" : " replicas)");
        }
    }

    /**
     * Rolls a changed service out as an update (its tasks replaced a few at a time, as its update
     * settings say), never removed and made again; {@code changes} says what differs.
     */
    record UpdateService(String host, LabSpec.Service spec, String specHash, String id, List<String> changes) implements LabStep {
        public String describe() {
            return "update service " + spec.name() + (changes.isEmpty() ? "" : ": " + String.join(", ", changes));
        }
    }

    record RemoveService(String host, String name, String id) implements LabStep {
        public String describe() {
            return "remove service " + name + " (no longer in the lab file)";
        }
    }

    /** Builds an image of the lab on this computer, to be copied to the hosts that use it. */
    record BuildImage(String host, LabSpec.Image image, String filesHash) implements LabStep {
        public String describe() {
            return "build image " + image.name() + " from " + image.build();
        }
    }

    /** A container waits, before it is made, until another is healthy or has run to its end (compose's depends_on conditions). */
    record Wait(String host, String container, String other, String condition) implements LabStep {
        public String describe() {
            return container + ": wait until " + other + (condition.equals("healthy") ? " is healthy" : " has completed");
        }
    }
}
