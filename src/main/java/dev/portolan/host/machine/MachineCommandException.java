package dev.portolan.host.machine;

/** A docker-machine command that failed, timed out or was cancelled; the message says which and why. */
public final class MachineCommandException extends RuntimeException {
    public MachineCommandException(String message) {
        super(message);
    }
}
