package dev.portolan.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program of this machine to its end: what it printed (stdout and stderr together) and its exit code. */
public final class Processes {

    public record Result(int exit, String output) {
        @Override
        public String toString() {
            return "exit " + exit + ": " + output;
        }
    }

    private Processes() {}

    /** Runs {@code command} with these variables added to the environment; fails the test when it outlives the timeout. */
    public static Result run(int timeoutSeconds, Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        // read on the side, so a program that never ends cannot hold the test past its timeout
        var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes());
            } catch (java.io.IOException e) {
                return "(output lost: " + e + ")";
            }
        });
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
    }

    public static Result run(int timeoutSeconds, String... command) throws Exception {
        return run(timeoutSeconds, Map.of(), List.of(command));
    }
}
