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
 * noticed within a second or two). Closing closes all three.
 */
public final class EngineClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofMillis(1500);

    private final EngineEndpoint endpoint;
    private final DockerClient requests;
    private final DockerClient stream;
    private final DockerClient heartbeat;

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

    /** Pings with a short timeout; throws when the engine does not answer. */
    public void ping() {
        heartbeat.pingCmd().exec();
    }

    static DockerClient open(EngineEndpoint endpoint, Duration responseTimeout) {
        return open(endpoint, responseTimeout, CONNECT_TIMEOUT);
    }

    static DockerClient open(EngineEndpoint endpoint, Duration responseTimeout, Duration connectTimeout) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host().toString())
                .withDockerTlsVerify(endpoint.usesTls())
                .withDockerCertPath(endpoint.usesTls() ? endpoint.tlsDir().toString() : null)
                .build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    @Override
    public void close() {
        for (DockerClient client : new DockerClient[] {requests, stream, heartbeat}) {
            try {
                client.close();
            } catch (IOException | RuntimeException ignored) {
                // closing a client of a lost engine may fail; nothing is left to release
            }
        }
    }
}
