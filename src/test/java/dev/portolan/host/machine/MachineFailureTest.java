package dev.portolan.host.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** docker-machine's and VirtualBox's known failures, as they print them, told apart. */
class MachineFailureTest {

    private static MachineFailure of(String output) {
        return MachineFailure.recognise(output, "dev").orElseThrow(() -> new AssertionError("not recognised: " + output));
    }

    @Test
    void eachKnownFailureHasItsCauseAndWhatToDo() {
        assertTrue(of("Error with pre-create check: \"This computer doesn't have VT-X/AMD-v enabled. Enabling it in the BIOS is"
                + " mandatory\"").cause().contains("firmware"));
        assertTrue(of("Error with pre-create check: \"This computer is running Hyper-V. VirtualBox won't boot a 64bits VM when"
                + " Hyper-V is activated. Either use Hyper-V as a driver, or disable the Hyper-V hypervisor.\"").whatToDo()
                .contains("hyperv"));
        assertTrue(of("VBoxManage: error: The virtual machine 'dev' has terminated unexpectedly during startup with exit code 1"
                + " (0x1). Kernel driver not installed (rc=-1908)").whatToDo().contains("vboxconfig"));
        assertTrue(of("Error setting up host only network on machine start: The host-only adapter we just created is not"
                + " visible. This is a well known VirtualBox bug.").cause().contains("host-only"));
        assertTrue(of("Error setting up host only network on machine start: VirtualBox is configured with multiple host-only"
                + " adapters with the same IP \"192.168.99.1\". Please remove one.").whatToDo().contains("Host Network Manager"));
        assertTrue(of("Error creating machine: Error in driver during machine creation: host-only cidr conflicts with the"
                + " network address of a host interface").whatToDo().contains("--virtualbox-hostonly-cidr"));
        assertTrue(of("Error getting IP address: Something went wrong running an SSH command!").whatToDo()
                .contains("docker-machine restart dev"));
    }

    @Test
    void whatPortolanCanFixItselfIsOfferedAndFirmwareIsNot() {
        assertEquals(MachineFailure.SafeFix.REMOVE_LEFTOVER, of("Host already exists: \"dev\"").safeFix());
        assertEquals(MachineFailure.SafeFix.REGENERATE_CERTIFICATES, of("Error checking TLS connection: Error checking and/or"
                + " regenerating the certs: x509: certificate is valid for 192.168.99.100, not 192.168.99.101").safeFix());
        assertNull(of("This computer doesn't have VT-X/AMD-v enabled").safeFix());
        assertTrue(MachineFailure.recognise("Error: something nobody has seen before", "dev").isEmpty());
    }
}
