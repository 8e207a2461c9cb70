package dev.portolan.app;

/**
 * The settings the window and the command line share, read in one place: a system
 * property, then an environment variable, then a default that names a public image.
 */
public final class Settings {

    /** The official Docker-in-Docker image: what a simulated host runs unless told otherwise. */
    public static final String PUBLIC_HOST_IMAGE = "docker:dind";

    private Settings() {}

    /**
     * The DinD image of simulated hosts that name none: {@code portolan.host-image} or
     * {@code PORTOLAN_HOST_IMAGE} (the tests name their locally built one there), else
     * {@value #PUBLIC_HOST_IMAGE}.
     */
    public static String hostImage() {
        return read("portolan.host-image", "PORTOLAN_HOST_IMAGE", PUBLIC_HOST_IMAGE);
    }

    static String read(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
