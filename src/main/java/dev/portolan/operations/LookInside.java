package dev.portolan.operations;

import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Ownership;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.lab.ImageSubstitutes;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the probe's shell lines inside one container's network namespace, with tools that are
 * not the container's (so a scratch or distroless image is probed too): on a simulated host,
 * the host's own busybox entered with nsenter; on any other host (the local engine, an
 * endpoint, a machine), a throwaway busybox container joined to the container's namespace
 * (`--network container:ID`), removed as soon as it ends, fails, times out or is cancelled.
 */
@FunctionalInterface
interface LookInside {

    /** The image of the helper container; an image substitute stands in for it where one is set. */
    String HELPER_IMAGE = "busybox:1.36";
    Map<String, String> HELPER_LABELS = Map.of(Ownership.ROLE, "probe-helper");
    Duration TIMEOUT = Duration.ofSeconds(20);

    ContainerOps.ExecResult run(String script);

    static LookInside simulated(LocalEngine local, SimulatedHost host, int pid) {
        return script -> InNamespace.run(local, host, pid, script);
    }

    /** Through a helper container on {@code host}; its image is made sure of first (pulled when missing). */
    static LookInside helper(HostOperations operations, String host, String containerId) {
        String image = helperImage(operations, host);
        return script -> {
            try {
                return operations.runJoined(image, containerId, List.of("sh", "-c", script), HELPER_LABELS, TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the probe was cancelled", e);
            }
        };
    }

    private static String helperImage(HostOperations operations, String host) {
        String substitute = ImageSubstitutes.fromEnvironment().source(HELPER_IMAGE);
        if (operations.hasImage(substitute)) return substitute;
        if (operations.hasImage(HELPER_IMAGE)) return HELPER_IMAGE;
        try {
            operations.pull(HELPER_IMAGE, new dev.portolan.image.ImagePull.Listener() {
                @Override
                public void layer(dev.portolan.image.ImagePull.LayerProgress progress) { }

                @Override
                public void status(String text) { }
            }, () -> Thread.currentThread().isInterrupted());
            return HELPER_IMAGE;
        } catch (RuntimeException e) {
            throw new InvalidInputException("The probe looks from inside containers of " + host + " through a small " + HELPER_IMAGE
                    + " container, which " + host + " does not have and could not pull (" + EngineErrors.firstLine(String.valueOf(e.getMessage()))
                    + "). Pull it there (`docker pull " + HELPER_IMAGE + "`), or set an image substitute for it in Settings.");
        }
    }
}
