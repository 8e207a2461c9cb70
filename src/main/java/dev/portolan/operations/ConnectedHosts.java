package dev.portolan.operations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hosts by name for a caller with no window (a `portolan` command, a tour run): each
 * connected on first use, kept for the caller's run, closed with this.
 */
public final class ConnectedHosts implements HostsByName, AutoCloseable {

    private final LocalEngine local;
    private final Map<String, HostOperations> open = new LinkedHashMap<>();

    public ConnectedHosts(LocalEngine local) {
        this.local = local;
    }

    @Override
    public synchronized HostOperations operations(String host) {
        return open.computeIfAbsent(host, name -> HostOperations.connect(local.registry().endpointOf(name, local)));
    }

    @Override
    public synchronized void close() {
        open.values().forEach(HostOperations::close);
        open.clear();
    }
}
