package dev.portolan.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a person does to one container, as engine calls. Blocking: call off the FX thread.
 * Failures are docker-java exceptions; {@link EngineErrors#action} words them.
 */
public final class ContainerOps {

    private final EngineClients clients;

    public ContainerOps(EngineClients clients) {
        this.clients = clients;
    }

    private DockerClient docker() {
        return clients.requests();
    }

    public void start(String id) {
        docker().startContainerCmd(id).exec();
    }

    /** Stops with the container's own stop timeout (10 s unless it was created with another). */
    public void stop(String id) {
        docker().stopContainerCmd(id).exec();
    }

    public void restart(String id) {
        docker().restartContainerCmd(id).exec();
    }

    public void pause(String id) {
        docker().pauseContainerCmd(id).exec();
    }

    public void unpause(String id) {
        docker().unpauseContainerCmd(id).exec();
    }

    public void kill(String id) {
        docker().killContainerCmd(id).exec();
    }

    /** Sends {@code signal} ("KILL", "TERM", "HUP"…) to the container's main process. */
    public void kill(String id, String signal) {
        docker().killContainerCmd(id).withSignal(signal).exec();
    }

    /** Attaches a container to a network (by network id or name). */
    public void connect(String id, String network) {
        docker().connectToNetworkCmd().withContainerId(id).withNetworkId(network).exec();
    }

    /** Attaches a container to a network under the names it had there (the DNS names others find it by). */
    public void connect(String id, String network, List<String> aliases) {
        docker().connectToNetworkCmd().withContainerId(id).withNetworkId(network)
                .withContainerNetwork(new com.github.dockerjava.api.model.ContainerNetwork().withAliases(aliases)).exec();
    }

    public void disconnect(String id, String network) {
        docker().disconnectFromNetworkCmd().withContainerId(id).withNetworkId(network).exec();
    }

    /**
     * Removes a container, stopping it first when it runs. Its anonymous volumes go only
     * when {@code withVolumes}; named volumes are never removed here.
     */
    public void remove(String id, boolean withVolumes) {
        docker().removeContainerCmd(id).withForce(true).withRemoveVolumes(withVolumes).exec();
    }

    /** The raw inspect JSON of a container, as `docker inspect` prints it. */
    public String inspectJson(String id) {
        return Inspector.json(docker().inspectContainerCmd(id).exec());
    }

    /**
     * Streams a container's log lines (stdout and stderr) to {@code lines} until the
     * container ends or the returned handle is closed.
     */
    public AutoCloseable logs(String id, boolean follow, boolean timestamps, int tail, Consumer<String> lines) {
        return logs(id, follow, timestamps, tail, lines, ended -> { });
    }

    /**
     * As {@link #logs(String, boolean, boolean, int, Consumer)}, and told once when the log ends:
     * with null when it ended (the container stopped), with the error when the stream broke.
     */
    public AutoCloseable logs(String id, boolean follow, boolean timestamps, int tail, Consumer<String> lines,
            Consumer<Throwable> ended) {
        var command = clients.stream().logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withFollowStream(follow).withTimestamps(timestamps);
        if (tail >= 0) command = command.withTail(tail);
        return command.exec(new LineCallback(lines, ended));
    }

    /**
     * The last {@code tail} lines a container printed, stdout and stderr in the order it printed
     * them, waiting at most {@code timeout} for them. The engine sends the two streams one after
     * the other, so the lines are read with their timestamps and put back in order.
     */
    public List<String> lastLines(String id, int tail, Duration timeout) throws InterruptedException {
        List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (var callback = docker().logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(tail)
                .withTimestamps(true).exec(new LineCallback(lines::add))) {
            callback.awaitCompletion(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (callback.failure != null) throw new IllegalStateException(EngineErrors.firstLine(String.valueOf(callback.failure.getMessage())));
        } catch (java.io.IOException e) {
            // closing a finished log stream: nothing to do
        }
        synchronized (lines) {
            // a stable sort: lines of the same instant keep the order they came in
            return lines.stream().map(LogLine::parse).sorted(java.util.Comparator.comparing(LogLine::time))
                    .map(LogLine::text).toList();
        }
    }

    /** Runs a command in a running container and returns its output and exit code. */
    public ExecResult exec(String id, List<String> command, Duration timeout) throws InterruptedException {
        var created = docker().execCreateCmd(id).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                output.writeBytes(frame.getPayload());
            }
        };
        boolean finished = docker().execStartCmd(created.getId()).exec(callback)
                .awaitCompletion(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        Long code = docker().inspectExecCmd(created.getId()).exec().getExitCodeLong();
        return new ExecResult(output.toString(StandardCharsets.UTF_8), code == null ? -1 : code.intValue(), !finished);
    }

    /**
     * Runs {@code command} in a throwaway container of {@code image} that shares the network
     * namespace of container {@code networkOf}, and returns what it printed and how it ended. The
     * container is removed whatever happens: ended, timed out, failed or interrupted.
     */
    public ExecResult runJoined(String image, String networkOf, List<String> command, java.util.Map<String, String> labels,
            Duration timeout) throws InterruptedException {
        // named before it exists: a create cut short by a cancel may still have made it, and it is removed by name
        String id = "portolan-helper-" + java.util.UUID.randomUUID().toString().substring(0, 13);
        try {
            docker().createContainerCmd(image).withName(id).withCmd(command).withEntrypoint(List.of()).withLabels(labels)
                    .withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig().withNetworkMode("container:" + networkOf))
                    .exec();
            docker().startContainerCmd(id).exec();
            var waiting = docker().waitContainerCmd(id).exec(new com.github.dockerjava.core.command.WaitContainerResultCallback());
            Integer code;
            try {
                code = waiting.awaitStatusCode(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (com.github.dockerjava.api.exception.DockerClientException timedOutOrCancelled) {
                if (timedOutOrCancelled.getCause() instanceof InterruptedException) throw new InterruptedException("cancelled");
                code = null;
            } finally {
                try {
                    waiting.close();
                } catch (java.io.IOException ignored) {
                    // the wait ended or was cut short
                }
            }
            List<String> lines = lastLines(id, 200, Duration.ofSeconds(5));
            return new ExecResult(String.join("\n", lines), code == null ? -1 : code, code == null);
        } finally {
            // a cancelled caller still removes it: on a thread of its own, which a cancel arriving now cannot
            // cut short; the caller's interrupt is kept and restored once the helper is gone
            boolean cancelled = Thread.interrupted();
            boolean interrupted = cancelled;
            Thread remover = Thread.ofVirtual().start(() -> removeHelper(id, cancelled));
            while (remover.isAlive()) {
                try {
                    remover.join();
                } catch (InterruptedException cancelledMeanwhile) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Removes a throwaway container by name. After a cancel, a create the engine had already received
     * may still be under way: not there yet is asked again for up to ten seconds (a busy engine made
     * it late, and the helper was left behind). A container the engine is still starting or already
     * removing refuses (409): asked again too, until it is gone.
     */
    private void removeHelper(String name, boolean cancelled) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        boolean seen = false;
        while (true) {
            try {
                docker().removeContainerCmd(name).withForce(true).exec();
                return;
            } catch (com.github.dockerjava.api.exception.NotFoundException notThere) {
                // gone after it was seen, or never made by a call that was not cancelled
                if (seen || !cancelled) return;
            } catch (com.github.dockerjava.api.exception.ConflictException busy) {
                seen = true;
            }
            if (System.nanoTime() > deadline) return;
            try {
                Thread.sleep(200);
            } catch (InterruptedException again) {
                return;
            }
        }
    }

    /** Whether this engine has the image (by name or id). */
    public boolean hasImage(String image) {
        try {
            docker().inspectImageCmd(image).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException missing) {
            return false;
        }
    }

    /** What a command run in a container printed, and how it ended. */
    public record ExecResult(String output, int exitCode, boolean timedOut) {}

    /** Splits log frames into lines; a frame may hold several lines or part of one. */
    private static final class LineCallback extends ResultCallback.Adapter<Frame> {
        private final Consumer<String> lines;
        private final Consumer<Throwable> ended;
        private final StringBuilder partial = new StringBuilder();
        private volatile Throwable failure;

        LineCallback(Consumer<String> lines) {
            this(lines, e -> { });
        }

        LineCallback(Consumer<String> lines, Consumer<Throwable> ended) {
            this.lines = lines;
            this.ended = ended;
        }

        /** The stream broke (a removed container, a lost host): told to the caller, not logged as an error by docker-java. */
        @Override
        public void onError(Throwable error) {
            failure = error;
            ended.accept(error);
            try {
                close();
            } catch (java.io.IOException ignored) {
                // the stream is broken already
            }
        }

        @Override
        public void onNext(Frame frame) {
            partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                lines.accept(partial.substring(0, newline));
                partial.delete(0, newline + 1);
            }
        }

        @Override
        public void onComplete() {
            if (!partial.isEmpty()) lines.accept(partial.toString());
            partial.setLength(0);
            ended.accept(null);
            super.onComplete();
        }
    }
}
