package dev.portolan.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import java.net.URI;

/**
 * docker-java's configuration of a client, with one JSON mapper for every client of the
 * process. docker-java gives each client its own copy of its mapper, and a copy starts with
 * nothing learnt: each new client introspects again, by reflection, every class of the answers
 * it reads (measured: a new client's first seven requests 55-75 ms of CPU with its own copy,
 * 15-30 ms with the shared one; a lab's apply makes a dozen clients while its hosts start on a
 * saturated CPU). A mapper is safe to share once configured, and docker-java never configures
 * it after handing it over (its stream reader copies it before changing a feature).
 */
record SharedMapperConfig(DockerClientConfig config) implements DockerClientConfig {

    private static final ObjectMapper MAPPER = DockerClientConfig.getDefaultObjectMapper();

    @Override
    public ObjectMapper getObjectMapper() {
        return MAPPER;
    }

    @Override
    public URI getDockerHost() {
        return config.getDockerHost();
    }

    @Override
    public RemoteApiVersion getApiVersion() {
        return config.getApiVersion();
    }

    @Override
    public String getRegistryUsername() {
        return config.getRegistryUsername();
    }

    @Override
    public String getRegistryPassword() {
        return config.getRegistryPassword();
    }

    @Override
    public String getRegistryEmail() {
        return config.getRegistryEmail();
    }

    @Override
    public String getRegistryUrl() {
        return config.getRegistryUrl();
    }

    @Override
    public AuthConfig effectiveAuthConfig(String imageName) {
        return config.effectiveAuthConfig(imageName);
    }

    @Override
    public AuthConfigurations getAuthConfigurations() {
        return config.getAuthConfigurations();
    }

    @Override
    public SSLConfig getSSLConfig() {
        return config.getSSLConfig();
    }
}
