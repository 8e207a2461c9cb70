package dev.portolan.inventory;

import java.util.Map;

/** One network. Which containers are on it is derived from the containers' attachments. */
public record NetworkInfo(
        String id,
        String name,
        String driver,
        String scope,
        String subnet,
        String gateway,
        boolean internal,
        boolean attachable,
        Map<String, String> labels) {

    public NetworkInfo {
        labels = Map.copyOf(labels);
    }
}
