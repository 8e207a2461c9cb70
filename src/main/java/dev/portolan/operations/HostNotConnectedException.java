package dev.portolan.operations;

import dev.portolan.engine.InvalidInputException;

/** An operation asked of a host whose engine is not connected now: said as what to do. */
public final class HostNotConnectedException extends InvalidInputException {

    public HostNotConnectedException(String host) {
        super(host + " is not connected: wait until it shows as live, or press Retry now on its page.");
    }
}
