package dev.portolan.ui.tours;

import dev.portolan.operations.ConnectedHosts;
import dev.portolan.operations.HostNotConnectedException;
import dev.portolan.operations.HostOperations;
import dev.portolan.operations.HostsByName;
import dev.portolan.operations.LocalEngine;

/**
 * A tour's hosts: the window's connection to each, and only while the window has none yet
 * (a host the tour's lab made a moment ago, before the sidebar caught it) one of the tour's
 * own, closed with the tour.
 */
final class TourHosts implements HostsByName, AutoCloseable {

    private final HostsByName window;
    private final ConnectedHosts own;

    TourHosts(HostsByName window, LocalEngine local) {
        this.window = window;
        this.own = new ConnectedHosts(local);
    }

    @Override
    public HostOperations operations(String host) {
        try {
            HostOperations ops = window.operations(host);
            if (ops.isConnected()) return ops;
        } catch (HostNotConnectedException e) {
            // not watched by the window yet: the tour's own connection below
        }
        return own.operations(host);
    }

    @Override
    public void close() {
        own.close();
    }
}
