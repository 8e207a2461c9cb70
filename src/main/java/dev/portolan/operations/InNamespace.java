package dev.portolan.operations;

import dev.portolan.app.Durations;
import dev.portolan.engine.ContainerOps;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHosts;
import java.time.Duration;
import java.util.List;

/**
 * Runs a shell line inside a simulated host's own network namespace (exec in its container
 * on the local engine), or inside one of its containers' (nsenter from the host, whose
 * process tree holds the container's): the host image's tools, never the container's, so
 * a container with no shell at all is reached too. What faults and the probe run through.
 */
final class InNamespace {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private InNamespace() {}

    /** The host's address on its lab's network: how its peers and other hosts reach it. */
    static String hostAddress(LocalEngine local, SimulatedHost host) {
        ContainerFacts facts = local.operations().facts(host.containerId());
        var onLab = facts.networks().get(SimulatedHosts.networkName(host.lab()));
        return onLab != null ? onLab.address() : facts.addresses().stream().findFirst().orElse("");
    }

    /** @param pid a container's main process as its host sees it, or null for the host itself */
    static ContainerOps.ExecResult run(LocalEngine local, SimulatedHost host, Integer pid, String script) {
        List<String> command = pid == null ? List.of("sh", "-c", script)
                : List.of("nsenter", "-t", String.valueOf(pid), "-n", "sh", "-c", script);
        try {
            ContainerOps.ExecResult result = local.operations().exec(host.containerId(), command, TIMEOUT);
            if (result.timedOut()) {
                throw new IllegalStateException("the commands on " + host.lab() + "/" + host.name() + " did not end in "
                        + Durations.format(TIMEOUT));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
