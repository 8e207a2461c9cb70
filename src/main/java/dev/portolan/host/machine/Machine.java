package dev.portolan.host.machine;

/**
 * One docker-machine host as `docker-machine ls` reports it.
 *
 * @param state Running, Stopped, Saved, Error, Starting, Timeout, ... as the driver says
 * @param error what ls prints in its ERRORS column; empty when all is well
 */
public record Machine(String name, String driver, String state, String url, String error) {

    public boolean isRunning() {
        return "Running".equalsIgnoreCase(state);
    }

    public boolean hasError() {
        return !error.isBlank() || "Error".equalsIgnoreCase(state);
    }

    /** An IP that changed under the certificates: `regenerate-certs` mends it. */
    public boolean needsNewCertificates() {
        return error.contains("x509") || error.contains("regenerate-certs");
    }
}
