package dev.portolan.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine's real docker CLI, with a config folder of the test's own (its contexts). */
public record DockerCli(Path config) {

    /** What a command printed (stdout and stderr together) and its exit code. */
    public record Result(int exit, String output) {
        @Override
        public String toString() {
            return "exit " + exit + ": " + output;
        }
    }

    public Result run(String... args) throws Exception {
        return run(120, args);
    }

    public Result run(int timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "--config", config.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker " + String.join(" ", args) + " did not end within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), output);
    }

    /**
     * Restarts the local engine as a laptop's does (SIGTERM, then started again), where the
     * tests' own script started it; false where it may not (Docker Desktop): skip then.
     */
    public static boolean restartLocalEngine() throws Exception {
        Process process = new ProcessBuilder("bash", "src/test/engine/prepare-engine.sh", "--restart")
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(240, TimeUnit.SECONDS)) throw new AssertionError("restarting the engine hung: " + output);
        if (process.exitValue() == 3) return false;
        if (process.exitValue() != 0) throw new AssertionError("restarting the engine failed: " + output);
        return true;
    }
}
