package dev.portolan.tour;

import dev.portolan.engine.EngineEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A tour's shell command, run as a learner would run it at a terminal: `sh -c` with the
 * docker CLI pointed at the step's host (DOCKER_HOST and its TLS certificates), output and
 * errors together, stopped when it outlives its time.
 */
final class TourShell {

    record Result(int exitCode, String output) {}

    private TourShell() {}

    static Result run(String command, EngineEndpoint endpoint, Duration timeout) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(environment(endpoint));
        env.remove("DOCKER_CONTEXT");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sh for `" + command + "`", e);
        }
        try {
            process.getOutputStream().close(); // no stdin: a command that asks gets nothing, not a hang
        } catch (IOException e) {
            // already closed
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), out));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(1000);
                return new Result(124, out.toString(StandardCharsets.UTF_8) + "\n(stopped after " + timeout.toSeconds() + " s)");
            }
            reader.join(2000);
            return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8));
        } finally {
            if (process.isAlive()) process.destroyForcibly();
        }
    }

    /** What the docker CLI needs to reach the host: its address, and its certificates when it uses TLS. */
    static Map<String, String> environment(EngineEndpoint endpoint) {
        if (!endpoint.usesTls()) return Map.of("DOCKER_HOST", endpoint.host().toString());
        return Map.of("DOCKER_HOST", endpoint.host().toString(), "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", endpoint.tlsDir().toString());
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process was stopped; what was read is kept
        }
    }
}
