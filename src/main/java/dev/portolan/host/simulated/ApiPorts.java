package dev.portolan.host.simulated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Chooses the 127.0.0.1 port of a simulated host's API once, when the host is made (as
 * kind does for its API server): a port the system hands out as free now, bound explicitly
 * so that it stays the host's across restarts.
 */
final class ApiPorts {

    /** How long a closing proxy may take (1.5-2 ms on a busy 2-core laptop, 90 ms at the very first). */
    private static final int KNOCK_MILLIS = 10;

    private ApiPorts() {}

    static int free() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1 for a host's API", e);
        }
    }

    /**
     * Whether a server is behind a host's published port, asked without TLS: the engine's port
     * proxy accepts a connection at once and, with nothing listening inside the container yet,
     * closes it within a few milliseconds; a TLS server instead waits for the client to speak.
     * A yes is a hint (the caller then pings over TLS); a no costs a connect and no handshake.
     */
    static boolean answers(int port) {
        try (Socket knock = new Socket()) {
            knock.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), KNOCK_MILLIS);
            knock.setSoTimeout(KNOCK_MILLIS);
            return knock.getInputStream().read() != -1;
        } catch (SocketTimeoutException waitingForUs) {
            return true;
        } catch (IOException closedOrRefused) {
            return false;
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
