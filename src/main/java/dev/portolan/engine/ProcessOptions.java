package dev.portolan.engine;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a container's process runs, beyond its image and command, as compose and lab files
 * say it: the user, the working folder, the entrypoint, labels, an init process, Linux
 * capabilities added and dropped, tmpfs mounts, and memory and CPU limits.
 *
 * @param memoryBytes a hard memory limit, or null for none
 * @param cpus        CPUs the container may use (1.5 = one and a half), or null for no limit
 */
public record ProcessOptions(String user, String workingDir, List<String> entrypoint, Map<String, String> labels, Boolean init,
        List<String> capAdd, List<String> capDrop, List<String> tmpfs, Long memoryBytes, Double cpus) {

    public static final ProcessOptions NONE = new ProcessOptions(null, null, List.of(), Map.of(), null, List.of(), List.of(),
            List.of(), null, null);

    public ProcessOptions {
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
        capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
        tmpfs = tmpfs == null ? List.of() : List.copyOf(tmpfs);
    }

    /** Puts these options on a container about to be created; {@code owned} labels (a lab's) win over the file's. */
    void applyTo(CreateContainerCmd create, HostConfig host, Map<String, String> owned) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.putAll(owned);
        create.withLabels(all);
        if (user != null && !user.isBlank()) create.withUser(user);
        if (workingDir != null && !workingDir.isBlank()) create.withWorkingDir(workingDir);
        if (!entrypoint.isEmpty()) create.withEntrypoint(entrypoint);
        if (init != null) host.withInit(init);
        if (!capAdd.isEmpty()) host.withCapAdd(capAdd.stream().map(ProcessOptions::capability).toArray(Capability[]::new));
        if (!capDrop.isEmpty()) host.withCapDrop(capDrop.stream().map(ProcessOptions::capability).toArray(Capability[]::new));
        if (!tmpfs.isEmpty()) {
            Map<String, String> mounts = new LinkedHashMap<>();
            for (String mount : tmpfs) {
                int colon = mount.indexOf(':');
                mounts.put(colon < 0 ? mount : mount.substring(0, colon), colon < 0 ? "" : mount.substring(colon + 1));
            }
            host.withTmpFs(mounts);
        }
        if (memoryBytes != null) host.withMemory(memoryBytes);
        if (cpus != null) host.withNanoCPUs(Math.round(cpus * 1e9));
    }

    /** "NET_ADMIN" or "CAP_NET_ADMIN", any case; a clear message for one Linux does not have. */
    static Capability capability(String name) {
        String bare = name.strip().toUpperCase(java.util.Locale.ROOT).replaceFirst("^CAP_", "");
        try {
            return Capability.valueOf(bare);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("'" + name + "' is not a Linux capability (such as NET_ADMIN or SYS_TIME).");
        }
    }

    /** Capabilities Linux does not have, each in a sentence; empty when all are known. */
    public static List<String> unknownCapabilities(List<String> names) {
        List<String> found = new java.util.ArrayList<>();
        for (String cap : names == null ? List.<String>of() : names) {
            try {
                capability(cap);
            } catch (InvalidInputException e) {
                found.add(e.getMessage());
            }
        }
        return found;
    }
}
