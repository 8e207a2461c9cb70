package dev.portolan.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.time.Duration;

/**
 * The docker-java clients of one engine: one for requests, one for the event stream
 * (no response timeout) and one for the heartbeat (a short timeout, so a lost host is
 * noticed within a second or two); one for live stats, made when first asked (a stream per
 * container: it needs more connections than the others). Closing closes them all.
 */
public final class EngineClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofMillis(1500);

    private final EngineEndpoint endpoint;
    private final DockerClient requests;
    private final DockerClient stream;
    private final DockerClient heartbeat;
    /** As many stats streams at once as this; beyond a few dozen the window streams only what shows. */
    private static final int STATS_CONNECTIONS = 256;
    private DockerClient stats;
    private boolean closed;

    private EngineClients(EngineEndpoint endpoint) {
        this.endpoint = endpoint;
        this.requests = open(endpoint, Duration.ofSeconds(60));
        this.stream = open(endpoint, null);
        // a frozen engine (a paused host) still accepts TCP and then never answers: the
        // heartbeat gives its whole exchange, connect and TLS included, 1.5 s
        this.heartbeat = open(endpoint, HEARTBEAT_TIMEOUT, HEARTBEAT_TIMEOUT);
    }

    public static EngineClients connect(EngineEndpoint endpoint) {
        return new EngineClients(endpoint);
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /**
     * One short-timeout client, for waiting until an engine answers: cheaper to make than
     * all three (each TLS client parses the certificates and builds its own context).
     */
    public static DockerClient pinger(EngineEndpoint endpoint) {
        return open(endpoint, Duration.ofMillis(1500));
    }

    /** For ordinary calls: list, inspect, start, stop, ... */
    public DockerClient requests() {
        return requests;
    }

    /** For calls that stream without end: events, logs with follow. */
    public DockerClient stream() {
        return stream;
    }

    /** For the stats streams, one per container: no response timeout, many connections. */
    public synchronized DockerClient stats() {
        if (closed) throw new IllegalStateException("the connection to " + endpoint.name() + " is closed");
        if (stats == null) stats = open(endpoint, null, CONNECT_TIMEOUT, STATS_CONNECTIONS);
        return stats;
    }

    /** Pings with a short timeout; throws when the engine does not answer. */
    public void ping() {
        heartbeat.pingCmd().exec();
    }

    static DockerClient open(EngineEndpoint endpoint, Duration responseTimeout) {
        return open(endpoint, responseTimeout, CONNECT_TIMEOUT);
    }

    static DockerClient open(EngineEndpoint endpoint, Duration responseTimeout, Duration connectTimeout) {
        return open(endpoint, responseTimeout, connectTimeout, 32);
    }

    static DockerClient open(EngineEndpoint endpoint, Duration responseTimeout, Duration connectTimeout, int connections) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host().toString())
                .withDockerTlsVerify(endpoint.usesTls())
                .withDockerCertPath(endpoint.usesTls() ? endpoint.tlsDir().toString() : null)
                .build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(connections)
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    @Override
    public void close() {
        DockerClient statsClient;
        synchronized (this) {
            closed = true;
            statsClient = stats;
        }
        for (DockerClient client : new DockerClient[] {requests, stream, heartbeat, statsClient}) {
            if (client == null) continue;
            try {
                client.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a client of a lost engine may fail; nothing is left to release
            }
        }
    }
}
