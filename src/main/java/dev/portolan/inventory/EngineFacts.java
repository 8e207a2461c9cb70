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

    /** "20.10.24 (API 1.41)" */
    public String versionText() {
        return serverVersion + " (API " + apiVersion + ")";
    }
}
