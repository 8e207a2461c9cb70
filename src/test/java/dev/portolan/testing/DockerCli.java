package dev.portolan.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The machine's real docker CLI, with a config folder of the test's own (its contexts): what it printed, its exit code. */
public record DockerCli(Path config) {

    public Processes.Result run(String... args) throws Exception {
        return run(120, args);
    }

    public Processes.Result run(int timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "--config", config.toString()));
        command.addAll(List.of(args));
        return Processes.run(timeoutSeconds, java.util.Map.of(), command);
    }

    /**
     * Restarts the local engine as a laptop's does (SIGTERM, then started again), where the
     * tests' own script started it; false where it may not (Docker Desktop): skip then.
     */
    public static boolean restartLocalEngine() throws Exception {
        Processes.Result result = Processes.run(240, "bash", "src/test/engine/prepare-engine.sh", "--restart");
        if (result.exit() == 3) return false;
        if (result.exit() != 0) throw new AssertionError("restarting the engine failed: " + result.output());
        return true;
    }
}
