package dev.portolan.host.simulated;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;

/**
 * docker-java's HostConfig plus MaskedPaths and ReadonlyPaths: `--security-opt
 * systempaths=unconfined` is a CLI option, and the engine wants both lists empty instead.
 */
public final class HostConfigWithPaths extends HostConfig {

    @JsonProperty("MaskedPaths")
    private final List<String> maskedPaths = List.of();

    @JsonProperty("ReadonlyPaths")
    private final List<String> readonlyPaths = List.of();

    List<String> maskedPaths() {
        return maskedPaths;
    }

    List<String> readonlyPaths() {
        return readonlyPaths;
    }
}
