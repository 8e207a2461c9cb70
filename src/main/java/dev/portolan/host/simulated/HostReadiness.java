package dev.portolan.host.simulated;

import com.github.dockerjava.api.DockerClient;
import dev.portolan.engine.EngineClients;
import dev.portolan.host.Progress;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until a started host's TLS API answers, and says why when it does not: the host
 * stopped, or its engine loops under the restart policy (then it is stopped, so it does
 * not spin), with the distinct last lines of its engine's log and what to do.
 */
final class HostReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(HostReadiness.class);

    private final DockerClient docker;

    HostReadiness(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * Between two knocks while nothing is behind the host's port. Each knock costs the engine's
     * port proxy about a millisecond of CPU (accept, dial the container, close: 0.85 s for 889
     * knocks measured here), taken from the engines that are starting. Knocking seldom loses
     * nothing: the inner dockerd opens its listener first and serves on it only once its daemon
     * is up (0.6 s later here, more under load), and a ping that reaches the listener meanwhile
     * waits in its backlog and is answered the moment serving begins.
     */
    private static final long KNOCK_INTERVAL_MILLIS = 100;
    /** How often a host that does not answer yet is asked whether it stopped meanwhile. */
    private static final long STATE_CHECK_NANOS = 200_000_000L;

    /** How long a started host's API may take to answer. */
    Duration patience = Duration.ofSeconds(60);

    void waitUntilReady(SimulatedHost host, Progress progress) {
        long deadline = System.nanoTime() + patience.toNanos();
        long nextStateCheck = System.nanoTime() + STATE_CHECK_NANOS;
        String lastTry = null; // what the last ping said, for the message when none is answered
        try (var pinger = EngineClients.pinger(host.endpoint())) {
            while (true) {
                progress.checkCancelled();
                // a TLS handshake only when something is behind the port: handshakes with a proxy
                // that has nothing behind it cost the CPU that the starting engines need
                if (ApiPorts.answers(host.apiPort())) {
                    lastTry = pingFailure(pinger);
                    if (lastTry == null) return;
                }
                if (System.nanoTime() > deadline) {
                    String tried = lastTry == null ? "nothing answered on 127.0.0.1:" + host.apiPort() + ". "
                            : "its port answered, but the last ping failed (" + lastTry + "). " + (aboutCertificates(lastTry)
                                    ? "Its engine and Portolan hold certificates of different CAs. "
                                            + dev.portolan.engine.EngineErrors.renewCertificates(host.endpoint().name()) + " "
                                    : "");
                    throw new dev.portolan.engine.ExplainedFailure(host.name() + "'s API did not answer within "
                            + patience.toSeconds() + " s: " + tried + whatToDo(host) + lastLog(host,
                                    docker.inspectContainerCmd(host.containerId()).exec().getState().getStartedAt()));
                }
                if (System.nanoTime() > nextStateCheck) { // did it die meanwhile?
                    nextStateCheck = System.nanoTime() + STATE_CHECK_NANOS;
                    var state = docker.inspectContainerCmd(host.containerId()).exec().getState();
                    // with its restart policy a failing engine is started again and again: a loop is a failure too
                    if (!Boolean.TRUE.equals(state.getRunning()) || Boolean.TRUE.equals(state.getRestarting())) {
                        stopQuietly(host.containerId()); // a stop by hand: the restart policy leaves it stopped
                        throw new dev.portolan.engine.ExplainedFailure(host.name() + " stopped while starting (exit code "
                                + state.getExitCodeLong() + "). " + whatToDo(host) + lastLog(host, state.getStartedAt()));
                    }
                }
                Thread.sleep(KNOCK_INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (IOException e) {
            LOG.debug("closing the readiness client failed", e);
        }
    }

    /**
     * A certificate refused by either side: the engine's CA did not sign Portolan's client
     * certificate, or Portolan's CA the engine's. Not any failed handshake: one cut short by
     * an engine still starting says nothing of certificates.
     */
    static boolean aboutCertificates(String failure) {
        String f = failure.toLowerCase(java.util.Locale.ROOT);
        return f.contains("certificate") || f.contains("pkix");
    }

    /** Null when the engine answered a ping, else what the try ran into. */
    private static String pingFailure(DockerClient pinger) {
        try {
            pinger.pingCmd().exec();
            return null;
        } catch (RuntimeException notYet) {
            // "javax.net.ssl.SSLHandshakeException: (certificate_unknown) PKIX path building failed: sun.security…Exception: unable…"
            return dev.portolan.engine.EngineErrors.firstLine(String.valueOf(notYet.getMessage()))
                    .replaceAll("(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ", "");
        }
    }

    private void stopQuietly(String id) {
        try {
            docker.stopContainerCmd(id).withTimeout(1).exec();
        } catch (RuntimeException e) {
            LOG.debug("stopping {} after a failed start: {}", id, e.toString());
        }
    }

    private static String whatToDo(SimulatedHost host) {
        return "See its whole log with: docker logs " + host.contextName() + ". Once the cause is mended, start it again;"
                + " or remove the host keeping its data and apply the lab again.";
    }

    /**
     * The last lines its engine printed since the container last started ({@code startedAt}, from
     * the inspect its caller already made; not those of an earlier, healthy run), each once, as a
     * block after a line break: "\nIts engine's log ends:\n  …"; empty when there are none.
     */
    private String lastLog(SimulatedHost host, String startedAt) {
        java.util.Set<String> lines = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
        try {
            var command = docker.logContainerCmd(host.containerId()).withStdErr(true).withStdOut(true).withTail(8);
            if (startedAt != null && !startedAt.startsWith("0001")) {
                command = command.withSince((int) java.time.Instant.parse(startedAt).getEpochSecond());
            }
            command
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame frame) {
                            String line = new String(frame.getPayload()).strip();
                            // the entrypoint's word to Portolan is not the engine's
                            if (!line.isEmpty() && !line.equals(CertificateHandOver.RECEIVED)) lines.add(line);
                        }
                    }).awaitCompletion(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return "";
        }
        synchronized (lines) {
            return lines.isEmpty() ? "" : "\nIts engine's log ends:\n  " + String.join("\n  ", lines);
        }
    }

    /** A host that is there: running with its API answering, lost, or stopped with why. */
    HostCondition condition(SimulatedHost host) {
        if (!host.isRunning()) {
            var state = docker.inspectContainerCmd(host.containerId()).exec().getState();
            long exit = state.getExitCodeLong() == null ? 0 : state.getExitCodeLong();
            String reason = host.state() + (exit == 0 ? "" : " (exit code " + exit + ")." + lastLog(host, state.getStartedAt()));
            return new HostCondition(HostCondition.State.STOPPED, reason.strip());
        }
        try (var pinger = EngineClients.pinger(host.endpoint())) {
            pinger.pingCmd().exec();
            return new HostCondition(HostCondition.State.RUNNING, "its API answers on 127.0.0.1:" + host.apiPort());
        } catch (RuntimeException | IOException e) {
            return new HostCondition(HostCondition.State.LOST, "its container runs, but its engine does not answer on 127.0.0.1:"
                    + host.apiPort() + " (" + dev.portolan.engine.EngineErrors.firstLine(String.valueOf(e.getMessage())) + ")");
        }
    }
}
