package dev.portolan.host.simulated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Chooses the 127.0.0.1 port of a simulated host's API once, when the host is made (as
 * kind does for its API server): a port the system hands out as free now, bound explicitly
 * so that it stays the host's across restarts.
 */
final class ApiPorts {

    private ApiPorts() {}

    static int free() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1 for a host's API", e);
        }
    }

    /** True when nothing on this computer listens on 127.0.0.1:port. */
    static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
