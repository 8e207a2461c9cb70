package dev.portolan.host.machine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A known failure of docker-machine or VirtualBox, in plain words: its cause, what to do,
 * and a fix Portolan can make with one click where that fix is safe. Recognised from what
 * the commands print (the messages users meet in Kitematic's and Docker Toolbox's trackers).
 *
 * @param safeFix what Portolan can do itself, or null when only the user can (firmware settings)
 */
public record MachineFailure(String cause, String whatToDo, SafeFix safeFix) {

    /** A fix that touches only the failed machine, so it is offered as one click. */
    public enum SafeFix {
        /** `docker-machine rm -f NAME`: the folder a failed create left behind. */
        REMOVE_LEFTOVER("Remove the leftover machine"),
        /** `docker-machine regenerate-certs -f NAME`: certificates for the machine's new IP. */
        REGENERATE_CERTIFICATES("Regenerate certificates");

        public final String label;

        SafeFix(String label) {
            this.label = label;
        }
    }

    private record Known(List<String> clues, String cause, String whatToDo, SafeFix fix) {}

    private static final List<Known> KNOWN = List.of(
            new Known(List.of("doesn't have vt-x/amd-v enabled", "vt-x is disabled", "vt-x is not available", "amd-v is disabled"),
                    "Hardware virtualization (VT-x or AMD-V) is turned off in this computer's firmware, so VirtualBox cannot run a VM.",
                    "Restart the computer, open its BIOS/UEFI settings, enable \"Intel Virtualization Technology\" (VT-x) or "
                            + "\"SVM\" (AMD-V), save and boot again. Or use a simulated host, which needs no VM.", null),
            new Known(List.of("hyper-v is activated", "hyper-v is installed", "hyper-v is enabled"),
                    "Hyper-V is running on this Windows computer, and VirtualBox cannot start a 64-bit VM beside it.",
                    "Either create the machine with the hyperv driver (-d hyperv), or turn Hyper-V off (an administrator runs "
                            + "`bcdedit /set hypervisorlaunchtype off` and restarts). Or use a simulated host.", null),
            new Known(List.of("kernel driver not installed", "rc=-1908", "vboxdrv"),
                    "VirtualBox's kernel driver is not loaded.",
                    "On macOS, allow Oracle's system extension in System Settings ▸ Privacy & Security, then restart. On Linux, "
                            + "run `sudo /sbin/vboxconfig` (it builds and loads the driver). Then create the machine again.", null),
            new Known(List.of("multiple host-only adapters with the same ip"),
                    "VirtualBox has two host-only adapters with the same IP address, and cannot tell which to use.",
                    "In VirtualBox ▸ File ▸ Host Network Manager, remove the duplicate adapters (keep one), then create again.", null),
            new Known(List.of("conflicts with the network address of a host interface", "conflicts with a host interface"),
                    "The host-only network's range overlaps a network this computer is already on.",
                    "Create the machine with another range, e.g. --virtualbox-hostonly-cidr 192.168.59.1/24.", null),
            new Known(List.of("host-only adapter we just created is not visible", "error creating host-only",
                            "error setting up host only network"),
                    "VirtualBox could not create or see its host-only network adapter.",
                    "Restart the computer (the adapter's driver often comes up then), or reinstall VirtualBox; on macOS, allow its "
                            + "system extension in Privacy & Security. Then create the machine again.", null),
            new Known(List.of("error getting ip address"),
                    "The VM started but never got an IP address on the host-only network.",
                    "Restart the machine (docker-machine restart NAME); if it happens again, check VirtualBox's host-only adapter.",
                    null),
            new Known(List.of("host already exists", "docker machine \"", "machine already exists"),
                    "A machine of that name is already there: most often the folder a failed create left behind.",
                    "Remove the leftover machine (docker-machine rm -f NAME), then create it again.", SafeFix.REMOVE_LEFTOVER),
            new Known(List.of("x509: certificate is valid for", "regenerate-certs", "error checking tls connection"),
                    "The machine's IP address changed, and its TLS certificates no longer match it.",
                    "Regenerate its certificates (docker-machine regenerate-certs NAME); its engine restarts.",
                    SafeFix.REGENERATE_CERTIFICATES));

    /** The known failure in this output, if it is one; NAME in the fix becomes the machine's name. */
    public static Optional<MachineFailure> recognise(String output, String machine) {
        String text = output.toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(k -> k.clues().stream().anyMatch(text::contains)).findFirst()
                .map(k -> new MachineFailure(k.cause(), k.whatToDo().replace("NAME", machine == null ? "NAME" : machine), k.fix()));
    }

    /** Cause, then what to do, in two sentences. */
    public String sentence() {
        return cause + " " + whatToDo;
    }
}
