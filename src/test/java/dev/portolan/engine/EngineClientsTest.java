package dev.portolan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates gone from under a host that still runs (a settings folder cleared): said before any connection, with what to do. */
class EngineClientsTest {

    @TempDir
    Path dir;

    @Test
    void aSimulatedHostWhoseCertificatesAreGoneIsToldHowToRenewThem() {
        EngineEndpoint host = new EngineEndpoint("demo/node1", URI.create("tcp://127.0.0.1:1"), dir.resolve("client"),
                EngineEndpoint.SIMULATED_HOST + " in lab demo");
        var missing = assertThrows(EndpointException.class, () -> EngineClients.connect(host));
        assertEquals("The certificates Portolan reaches demo/node1 with are missing: " + dir.resolve("client") + " has no readable"
                + " ca.pem. Issue new ones with `portolan certs renew demo/node1` (in the window: the host's menu, Renew"
                + " certificates); its containers and data are kept.", missing.getMessage());
    }

    @Test
    void anotherEngineWhoseCertificatesAreGoneIsToldWhereToPutThem() {
        EngineEndpoint server = new EngineEndpoint("prod", URI.create("tcp://127.0.0.1:1"), dir, "docker context prod");
        var missing = assertThrows(EndpointException.class, () -> EngineClients.pinger(server));
        assertEquals("The certificates Portolan reaches prod with are missing: " + dir + " has no readable ca.pem. Put ca.pem,"
                + " cert.pem and key.pem there, or point Portolan at the folder that has them.", missing.getMessage());
    }
}
