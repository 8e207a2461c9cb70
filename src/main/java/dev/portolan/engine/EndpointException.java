package dev.portolan.engine;

/** An engine address that cannot be used, with a message that says what to fix. */
public final class EndpointException extends RuntimeException {
    public EndpointException(String message) {
        super(message);
    }
}
