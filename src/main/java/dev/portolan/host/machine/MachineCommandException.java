package dev.portolan.host.machine;

import java.util.Optional;

/**
 * A docker-machine command that failed, timed out or was cancelled; the message says which
 * and why. When its output is a known failure, the message says its cause and what to do,
 * and {@link #failure()} carries it (with the fix Portolan can make, if one is safe).
 */
public final class MachineCommandException extends RuntimeException {

    private final transient MachineFailure failure;

    public MachineCommandException(String message) {
        this(message, null);
    }

    public MachineCommandException(String message, MachineFailure failure) {
        super(message);
        this.failure = failure;
    }

    public Optional<MachineFailure> failure() {
        return Optional.ofNullable(failure);
    }
}
