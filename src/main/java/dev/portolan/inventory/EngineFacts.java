package dev.portolan.inventory;

/** What an engine says about itself: who it is and what it runs on. */
public record EngineFacts(
        String id,
        String name,
        String serverVersion,
        String apiVersion,
        String operatingSystem,
        String architecture,
        String kernel,
        int cpus,
        long memoryBytes,
        String storageDriver,
        String swarmState) {

    /**
     * "Debian GNU/Linux 12 (bookworm) · x86_64 · kernel 6.1.0". An engine in an image with no
     * /etc/os-release (a DinD host) names no system, only " (containerized)": then "unnamed Linux
     * (containerized)".
     */
    public String systemText() {
        String os = operatingSystem == null ? "" : operatingSystem.strip();
        if (os.isEmpty() || os.startsWith("(")) os = ("unnamed Linux " + os).strip();
        return os + " · " + architecture + " · kernel " + kernel;
    }

    /** "20.10.24 (API 1.41)" */
    public String versionText() {
        return serverVersion + " (API " + apiVersion + ")";
    }
}
