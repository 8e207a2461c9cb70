package dev.portolan.operations;

import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.faults.Fault;
import dev.portolan.host.faults.FaultSpec;
import dev.portolan.host.faults.FaultSpec.ContainerFault;
import java.util.List;
import java.util.Map;

/** Faults on a container of any host, through that host's engine: kill, pause, stop, disconnect. */
final class ContainerFaults {

    private final HostsByName hosts;

    ContainerFaults(HostsByName hosts) {
        this.hosts = hosts;
    }

    String inject(ContainerFault f, Map<String, String> undo) {
        HostOperations host = hosts.operations(f.container().host());
        ContainerFacts c = host.facts(f.container().container());
        undo.put("container", c.id());
        String name = f.container().toString();
        if (!c.running()) throw new InvalidInputException(name + " is not running: there is nothing to " + f.action().word() + ".");
        return switch (f.action()) {
            case KILL -> {
                String signal = f.signal() == null ? "KILL" : f.signal();
                host.kill(c.id(), signal);
                yield name + " got SIG" + signal + ".";
            }
            case PAUSE -> {
                if (c.paused()) throw new InvalidInputException(name + " is already paused.");
                host.pause(c.id());
                yield name + " is paused.";
            }
            case STOP -> {
                host.stop(c.id());
                yield name + " is stopped.";
            }
            case DISCONNECT -> {
                ContainerFacts.Attachment on = c.networks().get(f.network());
                if (on == null) {
                    throw new InvalidInputException(name + " is not on network " + f.network() + "; it is on "
                            + String.join(", ", c.networks().keySet()) + ".");
                }
                // the engine adds the short id itself on connect; the names given at creation are what others resolve
                undo.put("aliases", String.join(",", on.aliases().stream().filter(a -> !c.id().startsWith(a)).toList()));
                host.disconnect(c.id(), f.network());
                yield name + " is disconnected from " + f.network() + ".";
            }
        };
    }

    String heal(ContainerFault f, Fault fault) {
        HostOperations host = hosts.operations(f.container().host());
        ContainerFacts c;
        try {
            c = host.facts(fault.undo().get("container"));
        } catch (InvalidInputException gone) {
            return f.container() + " was removed since: nothing to heal";
        }
        switch (f.action()) {
            case PAUSE -> {
                if (c.paused()) host.unpause(c.id());
            }
            case KILL, STOP -> {
                if (!c.running()) host.start(c.id());
            }
            case DISCONNECT -> {
                if (!c.networks().containsKey(f.network())) {
                    String aliases = fault.undo().getOrDefault("aliases", "");
                    host.connect(c.id(), f.network(), aliases.isBlank() ? List.of() : List.of(aliases.split(",")));
                }
            }
        }
        return f.container() + (f.action() == FaultSpec.ContainerAction.DISCONNECT ? " is back on " + f.network()
                : f.action() == FaultSpec.ContainerAction.PAUSE ? " is unpaused" : " is running again");
    }
}
