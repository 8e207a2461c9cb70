package dev.portolan.ui.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EndpointException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialogs' rules, without a toolkit: what is wrong as typed (no I/O), and what only the disk can say on confirm. */
class FormRulesTest {

    @TempDir
    Path dir;

    @Test
    void anEndpointIsCheckedAsTypedWithoutTouchingTheDisk() {
        assertEquals(List.of("Name: give the engine a name, such as staging."),
                new EndpointForm(EndpointForm.SOCKET, " ", null, "/var/run/docker.sock", null).problems());
        assertEquals(List.of("Context: choose one of the docker contexts."),
                new EndpointForm(EndpointForm.CONTEXT, "prod", null, null, null).problems());
        assertEquals(List.of("The address: a TLS engine needs tcp://HOST:PORT.",
                "Certificates: choose the folder with ca.pem, cert.pem and key.pem."),
                new EndpointForm(EndpointForm.TLS, "prod", null, "unix:///x.sock", "").problems());
        assertEquals(List.of("Name: give the engine a name, such as staging.",
                "Address: type the engine's address, such as tcp://192.168.99.100:2376.",
                "Certificates: choose the folder with ca.pem, cert.pem and key.pem."),
                new EndpointForm(EndpointForm.TLS, "", null, " ", null).problems(), "an empty form names each field, plainly");
        assertEquals(List.of("Address: type the engine's address, such as ssh://deploy@server."),
                new EndpointForm(EndpointForm.SSH, "prod", null, null, null).problems());
        // a socket that does not exist is fine as typed: only confirming asks the disk
        EndpointForm missing = new EndpointForm(EndpointForm.SOCKET, "other", null, dir.resolve("no.sock").toString(), null);
        assertEquals(List.of(), missing.problems());
        var refused = assertThrows(EndpointException.class, () -> missing.resolve(new DockerContexts(dir)));
        assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());
    }

    @Test
    void aTlsEndpointNeedsItsCertificatesWhenConfirmed() throws Exception {
        EndpointForm form = new EndpointForm(EndpointForm.TLS, "prod", null, "tcp://127.0.0.1:2376", dir.toString());
        assertEquals(List.of(), form.problems());
        var refused = assertThrows(EndpointException.class, () -> form.resolve(new DockerContexts(dir)));
        assertTrue(refused.getMessage().contains("ca.pem"), refused.getMessage());
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) Files.writeString(dir.resolve(file), "x");
        assertEquals("tcp + TLS", form.resolve(new DockerContexts(dir)).source());
    }

    @Test
    void aMachineNameAndDriverAreCheckedAndAMissingVirtualBoxIsOnlyAWarning() {
        assertEquals(List.of(), MachineCreateDialog.Request.problems("dev", "virtualbox"));
        assertEquals(List.of("Name: use letters, digits, '.' and '-', such as dev.", "Driver: choose one, such as virtualbox."),
                MachineCreateDialog.Request.problems("my vm", " "));
        assertTrue(MachineCreateDialog.Request.warning("virtualbox", false).startsWith("VirtualBox is not installed"));
        assertEquals("", MachineCreateDialog.Request.warning("virtualbox", true));
        assertEquals("", MachineCreateDialog.Request.warning("generic", false));
    }
}
