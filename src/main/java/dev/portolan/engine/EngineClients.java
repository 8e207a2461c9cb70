package dev.portolan.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
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
    private DockerHttpClient stats;
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

    /**
     * Opens a streamed GET of the engine's API (such as a container's stats) and returns the
     * response, its body read as it comes; closing it ends the stream. Raw, so a caller that
     * reads a handful of fields of each object need not build the whole of it (a tree, then
     * beans, as docker-java does). No response timeout; many connections.
     */
    public DockerHttpClient.Response openStream(String path) {
        DockerHttpClient client;
        synchronized (this) {
            if (closed) throw new IllegalStateException("the connection to " + endpoint.name() + " is closed");
            if (stats == null) stats = http(config(endpoint), null, CONNECT_TIMEOUT, STATS_CONNECTIONS);
            client = stats;
        }
        DockerHttpClient.Response response = client.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build());
        if (response.getStatusCode() / 100 != 2) {
            int status = response.getStatusCode();
            response.close();
            throw new IllegalStateException("the engine answered " + status + " to " + path);
        }
        return response;
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
        var config = config(endpoint);
        return DockerClientImpl.getInstance(config, http(config, responseTimeout, connectTimeout, connections));
    }

    private static DefaultDockerClientConfig config(EngineEndpoint endpoint) {
        return DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host().toString())
                .withDockerTlsVerify(endpoint.usesTls())
                .withDockerCertPath(endpoint.usesTls() ? endpoint.tlsDir().toString() : null)
                .build();
    }

    private static DockerHttpClient http(DefaultDockerClientConfig config, Duration responseTimeout, Duration connectTimeout,
            int connections) {
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(connections)
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .build();
    }

    @Override
    public void close() {
        DockerHttpClient statsClient;
        synchronized (this) {
            closed = true;
            statsClient = stats;
        }
        for (java.io.Closeable client : new java.io.Closeable[] {requests, stream, heartbeat, statsClient}) {
            if (client == null) continue;
            try {
                client.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a client of a lost engine may fail; nothing is left to release
            }
        }
    }
}
