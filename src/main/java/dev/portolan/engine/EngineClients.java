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
    private final Transport transport;
    private final DockerClient requests;
    private final DockerClient stream;
    private final DockerClient heartbeat;
    /** As many stats streams at once as this; beyond a few dozen the window streams only what shows. */
    private static final int STATS_CONNECTIONS = 256;
    /** Connections per client to an engine over ssh: each is an ssh session on the server. */
    private static final int SSH_CONNECTIONS = 4;
    private DockerHttpClient stats;
    private boolean closed;

    private EngineClients(EngineEndpoint endpoint) {
        this.endpoint = endpoint;
        // over ssh, the server is asked once here whether its engine answers, not once per client
        this.transport = transport(endpoint);
        this.requests = open(transport, Duration.ofSeconds(60), CONNECT_TIMEOUT, 32);
        this.stream = open(transport, null, CONNECT_TIMEOUT, 32);
        // a frozen engine (a paused host) still accepts TCP and then never answers: the
        // heartbeat gives its whole exchange, connect and TLS included, 1.5 s
        this.heartbeat = open(transport, HEARTBEAT_TIMEOUT, HEARTBEAT_TIMEOUT, 32);
    }

    /**
     * What docker-java connects to: the endpoint itself, or for ssh://, the local socket of
     * its tunnel (after checking, over ssh, that the engine answers there).
     */
    private static Transport transport(EngineEndpoint endpoint) {
        if (endpoint.tlsDir() != null) requireCertificates(endpoint);
        boolean ssh = "ssh".equals(endpoint.host().getScheme());
        return new Transport(ssh ? SshTunnel.socketFor(endpoint.host()) : endpoint.host(), endpoint.tlsDir(), ssh);
    }

    /**
     * Said before docker-java says it ("DOCKER_CERT_PATH … doesn't exist"), with what to do: a
     * settings folder cleared or copied without its certificates leaves hosts that still run.
     */
    private static void requireCertificates(EngineEndpoint endpoint) {
        String missing = EndpointResolver.missingCertificate(endpoint.tlsDir());
        if (missing == null) return;
        boolean simulated = endpoint.source() != null && endpoint.source().startsWith(EngineEndpoint.SIMULATED_HOST);
        throw new EndpointException("The certificates Portolan reaches " + endpoint.name() + " with are missing: "
                + endpoint.tlsDir() + " has no readable " + missing + ". " + (simulated
                        ? EngineErrors.renewCertificates(endpoint.name())
                        : "Put ca.pem, cert.pem and key.pem there, or point Portolan at the folder that has them."));
    }

    /** The address docker-java is given, the certificates, and whether it goes over ssh (few sessions). */
    private record Transport(java.net.URI host, java.nio.file.Path tlsDir, boolean ssh) {}

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
        DockerHttpClient client = raw();
        DockerHttpClient.Response response = client.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build());
        if (response.getStatusCode() / 100 != 2) {
            int status = response.getStatusCode();
            response.close();
            throw new IllegalStateException("the engine answered " + status + " to " + path);
        }
        return response;
    }

    /**
     * A POST of the engine's API docker-java has no command for (a service's rollback to its previous
     * spec), with a JSON body; the engine's answer when it is not 2xx, as docker-java would say it.
     */
    public void post(String pathAndQuery, byte[] json) {
        DockerHttpClient client = raw();
        try (DockerHttpClient.Response response = client.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST).path(pathAndQuery)
                .putHeader("Content-Type", "application/json").body(new java.io.ByteArrayInputStream(json)).build())) {
            if (response.getStatusCode() / 100 != 2) throw EngineJson.failure(response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The raw HTTP client (made on first use): many connections, no response timeout. */
    private synchronized DockerHttpClient raw() {
        if (closed) throw new IllegalStateException("the connection to " + endpoint.name() + " is closed");
        if (stats == null) stats = http(transport, null, CONNECT_TIMEOUT, transport.ssh() ? SSH_CONNECTIONS : STATS_CONNECTIONS);
        return stats;
    }

    /** Pings with a short timeout; throws when the engine does not answer. */
    public void ping() {
        heartbeat.pingCmd().exec();
    }

    static DockerClient open(EngineEndpoint endpoint, Duration responseTimeout) {
        return open(transport(endpoint), responseTimeout, CONNECT_TIMEOUT, 32);
    }

    private static DockerClient open(Transport transport, Duration responseTimeout, Duration connectTimeout, int connections) {
        var config = new SharedMapperConfig(config(transport));
        return DockerClientImpl.getInstance(config, http(transport, responseTimeout, connectTimeout,
                transport.ssh() ? Math.min(connections, SSH_CONNECTIONS) : connections));
    }

    private static DefaultDockerClientConfig config(Transport transport) {
        return DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(transport.host().toString())
                .withDockerTlsVerify(transport.tlsDir() != null)
                .withDockerCertPath(transport.tlsDir() != null ? transport.tlsDir().toString() : null)
                .build();
    }

    private static DockerHttpClient http(Transport transport, Duration responseTimeout, Duration connectTimeout,
            int connections) {
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(transport.host())
                .sslConfig(transport.tlsDir() == null ? null : TlsContexts.of(transport.tlsDir()))
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
