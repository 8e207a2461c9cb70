package dev.portolan.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * GETs of the engine's API read as JSON trees, over the same connections as a docker-java client.
 * For the hot reads (a host's first snapshot, an inspect per event): docker-java builds every
 * field of an answer into beans, which on a 2-core laptop costs the JVM about as much CPU as the
 * engine spends answering (200 container inspects: 87 ms through docker-java, 46 ms as trees),
 * and that CPU is the engine's too.
 */
public final class EngineJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;

    private EngineJson(DockerHttpClient http) {
        this.http = http;
    }

    /**
     * The JSON reads of a docker-java client, or null for a client that is not docker-java's own
     * (a test's proxy around one): docker-java shows its transport only on the implementation.
     */
    public static EngineJson of(DockerClient docker) {
        return docker instanceof DockerClientImpl impl ? new EngineJson(impl.getHttpClient()) : null;
    }

    /** The answer to a GET; NotFoundException on 404 and DockerException on any other failure, as docker-java would. */
    public JsonNode get(String path) {
        try (DockerHttpClient.Response response = execute(path)) {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One header of the answer to a GET (such as /_ping's Api-Version), or null when the engine sent none. */
    public String header(String path, String name) {
        try (DockerHttpClient.Response response = execute(path)) {
            response.getBody().transferTo(java.io.OutputStream.nullOutputStream());
            return response.getHeader(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DockerHttpClient.Response execute(String path) throws IOException {
        DockerHttpClient.Response response = http.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).putHeader("Accept", "application/json").build());
        if (response.getStatusCode() / 100 == 2) return response;
        throw failure(response);
    }

    /**
     * What a request the engine refused throws, as docker-java says it (NotFoundException for a
     * 404, DockerException otherwise, with the engine's words); reads and closes the response.
     */
    static DockerException failure(DockerHttpClient.Response response) throws IOException {
        try (response) {
            int status = response.getStatusCode();
            String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (status == 404) return new NotFoundException("Status 404: " + body);
            return new DockerException("Status " + status + ": " + body, status);
        }
    }
}
