package dev.portolan.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Ownership;
import dev.portolan.host.Progress;
import dev.portolan.host.VolumeArchive;
import dev.portolan.host.simulated.SimulatedHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Taking a lab down: its volumes backed up first when asked, and what it made outside simulated hosts removed. */
final class LabTeardown {

    private LabTeardown() {}

    /**
     * Copies every volume the lab made, on every host of it, into a tar file under
     * {@code folder} (LAB-HOST-VOLUME-TIME.tar, its SHA-256 beside it), streamed from the
     * engine: what to do before a destroy that removes the data. Returns the files written.
     */
    static List<Path> backUp(LabHosts labHosts, String labName, Path folder, Progress progress) {
        List<Path> written = new ArrayList<>();
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot make the backup folder " + folder + ": " + e.getMessage());
        }
        for (SimulatedHost host : labHosts.simulated().list()) {
            if (!host.lab().equals(labName) || !host.isRunning()) continue;
            try (EngineClients clients = EngineClients.connect(host.endpoint())) {
                var volumes = clients.requests().listVolumesCmd().withFilter("label", List.of(Ownership.LAB + "=" + labName)).exec()
                        .getVolumes();
                if (volumes == null) continue;
                VolumeArchive archive = new VolumeArchive(clients, labName + "/" + host.name());
                for (var volume : volumes) {
                    progress.checkCancelled();
                    Path file = folder.resolve(labName + "-" + host.name() + "-" + volume.getName() + "-" + time + ".tar");
                    progress.step(host.name() + ": back up volume " + volume.getName() + " to " + file);
                    written.add(archive.backup(volume.getName(), file, progress).file());
                }
            }
        }
        return written;
    }

    /**
     * On the lab's existing engines, removes what carries the lab's label (containers,
     * networks; volumes only when asked): nothing else there is touched. A docker-machine
     * host is stopped (its disk is its data), removed only when asked.
     */
    static void destroyOutside(LabHosts labHosts, LabSpec lab, boolean removeVolumes, Progress progress) {
        for (LabSpec.Host host : lab.hosts()) {
            if (host.provider() == LabSpec.Provider.DOCKER_MACHINE) {
                // a machine's disk is its data: stopped, it is kept; removed only when asked
                String name = LabHosts.machineName(lab, host.name());
                if (labHosts.machineOf(lab, host).isEmpty()) continue;
                progress.step(host.name() + (removeVolumes ? ": remove machine " : ": stop machine (its disk is kept) ") + name);
                if (removeVolumes) labHosts.machine(host).remove(name, line -> { }, Progress.NONE);
                else labHosts.machine(host).stop(name, line -> { }, Progress.NONE);
                continue;
            }
            if (host.provider() != LabSpec.Provider.EXISTING) continue;
            try (EngineClients engine = labHosts.connectExisting(host)) {
                DockerClient docker = engine.requests();
                var owned = Map.of(Ownership.LAB, lab.name());
                for (var c : docker.listContainersCmd().withShowAll(true).withLabelFilter(owned).exec()) {
                    progress.step(host.name() + ": remove container " + c.getNames()[0].replaceFirst("^/", ""));
                    docker.removeContainerCmd(c.getId()).withForce(true).exec();
                }
                for (var n : docker.listNetworksCmd().withFilter("label", List.of(Ownership.LAB + "=" + lab.name())).exec()) {
                    progress.step(host.name() + ": remove network " + n.getName());
                    docker.removeNetworkCmd(n.getId()).exec();
                }
                var volumes = docker.listVolumesCmd().withFilter("label", List.of(Ownership.LAB + "=" + lab.name())).exec().getVolumes();
                for (var v : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
                    if (removeVolumes) {
                        progress.step(host.name() + ": remove volume " + v.getName());
                        docker.removeVolumeCmd(v.getName()).exec();
                    } else {
                        progress.step(host.name() + ": keep volume " + v.getName());
                    }
                }
            }
        }
    }
}
