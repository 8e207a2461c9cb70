package dev.portolan.host;

/** The labels by which Portolan knows what it made, and never touches what it did not. */
public final class Ownership {

    /** The lab a resource belongs to. */
    public static final String LAB = "dev.portolan.lab";
    /** The host name within its lab, on a simulated host's container and volume. */
    public static final String HOST = "dev.portolan.host";
    /** What the resource is to Portolan: simulated-host, host-data, lab-network. */
    public static final String ROLE = "dev.portolan.role";
    /** A simulated host's CPU limit, as its lab asked (1.5). */
    public static final String CPUS = "dev.portolan.cpus";
    /** A simulated host's memory limit in bytes, as its lab asked. */
    public static final String MEMORY = "dev.portolan.memory";
    /** How a simulated host was started: privileged, or capabilities (the fallback). */
    public static final String PRIVILEGE = "dev.portolan.privilege";

    /**
     * The 127.0.0.1 port of a simulated host's TLS API, chosen once when the host is made:
     * kept across restarts so its docker context stays right, and readable while it is stopped.
     */
    public static final String API_PORT = "dev.portolan.api-port";

    public static final String SIMULATED_HOST = "simulated-host";
    /** The role of a simulated host's data volume (its /var/lib/docker): kept when a destroy keeps the data. */
    public static final String HOST_DATA = "host-data";

    private Ownership() {}

    /** Whether these labels (null: none) are a simulated host's own container's: a host, not something it runs. */
    public static boolean isSimulatedHost(java.util.Map<String, String> labels) {
        return labels != null && SIMULATED_HOST.equals(labels.get(ROLE));
    }
}
