package dev.portolan.operations;

/**
 * A host's operations by the name `portolan hosts` gives it (demo/node1): the window's over
 * its live connections, a command's over connections it opened ({@link ConnectedHosts}).
 * The caller keeps and closes them.
 */
@FunctionalInterface
public interface HostsByName {
    HostOperations operations(String host);
}
