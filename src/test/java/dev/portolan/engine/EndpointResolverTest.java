package dev.portolan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointResolverTest {

    @TempDir
    Path dockerConfig;

    private EngineEndpoint resolve(Map<String, String> env) {
        return new EndpointResolver(env, dockerConfig, false).resolve();
    }

    @Test
    void dockerHostComesFirst() throws IOException {
        writeContext("other", "unix:///other.sock");
        Files.writeString(dockerConfig.resolve("config.json"), "{\"currentContext\":\"other\"}");
        EngineEndpoint endpoint = resolve(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"));
        assertEquals("tcp://127.0.0.1:2375", endpoint.address());
        assertEquals("DOCKER_HOST", endpoint.source());
        assertNull(endpoint.tlsDir());
    }

    @Test
    void theCurrentContextIsUsedWhenDockerHostIsUnset() throws IOException {
        Path tls = writeContext("lab", "tcp://127.0.0.1:23760");
        Files.writeString(dockerConfig.resolve("config.json"), "{\"currentContext\":\"lab\"}");
        EngineEndpoint endpoint = resolve(Map.of());
        assertEquals("tcp://127.0.0.1:23760", endpoint.address());
        assertEquals("context lab", endpoint.source());
        assertEquals(tls, endpoint.tlsDir());
    }

    @Test
    void dockerContextOverridesTheConfigFile() throws IOException {
        writeContext("ci", "unix:///ci.sock");
        Files.writeString(dockerConfig.resolve("config.json"), "{\"currentContext\":\"missing\"}");
        assertEquals("unix:///ci.sock", resolve(Map.of("DOCKER_CONTEXT", "ci")).address());
    }

    @Test
    void withNothingSetTheDefaultSocketIsUsed() {
        EngineEndpoint endpoint = resolve(Map.of());
        assertEquals("unix:///var/run/docker.sock", endpoint.address());
        assertEquals("npipe:////./pipe/docker_engine",
                new EndpointResolver(Map.of(), dockerConfig, true).resolve().address());
    }

    @Test
    void aBadDockerHostSaysWhatWasExpected() {
        var error = assertThrows(EndpointException.class, () -> resolve(Map.of("DOCKER_HOST", "localhost:2375")));
        assertTrue(error.getMessage().contains("DOCKER_HOST is 'localhost:2375'"), error.getMessage());
        assertTrue(error.getMessage().contains("tcp://"), error.getMessage());
        var noPort = assertThrows(EndpointException.class, () -> resolve(Map.of("DOCKER_HOST", "tcp://10.0.0.1")));
        assertTrue(noPort.getMessage().contains("needs a host and a port"), noPort.getMessage());
    }

    @Test
    void tlsVerifyWithoutCertificatesNamesTheMissingFile() {
        var error = assertThrows(EndpointException.class, () -> resolve(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", dockerConfig.resolve("nope").toString())));
        assertTrue(error.getMessage().contains("ca.pem"), error.getMessage());
    }

    @Test
    void aMissingContextTellsHowToListThem() throws IOException {
        Files.writeString(dockerConfig.resolve("config.json"), "{\"currentContext\":\"gone\"}");
        var error = assertThrows(EndpointException.class, () -> resolve(Map.of()));
        assertTrue(error.getMessage().contains("'gone' does not exist"), error.getMessage());
        assertTrue(error.getMessage().contains("docker context ls"), error.getMessage());
    }

    @Test
    void aBrokenConfigFileIsNamed() throws IOException {
        Files.writeString(dockerConfig.resolve("config.json"), "{ not json");
        var error = assertThrows(EndpointException.class, () -> resolve(Map.of()));
        assertTrue(error.getMessage().contains("config.json is not valid JSON"), error.getMessage());
    }

    /** Writes a context as `docker context create` does; returns its TLS folder. */
    private Path writeContext(String name, String host) throws IOException {
        Path meta = dockerConfig.resolve("contexts/meta").resolve(DockerContexts.digest(name));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},"
                + "\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        Path tls = dockerConfig.resolve("contexts/tls").resolve(DockerContexts.digest(name)).resolve("docker");
        Files.createDirectories(tls);
        for (String f : new String[] {"ca.pem", "cert.pem", "key.pem"}) Files.writeString(tls.resolve(f), "x");
        return tls;
    }
}
