package dev.portolan.host.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerMachineTest {

    @Test
    void listLinesParseWithMissingColumnsAndErrors() {
        List<Machine> machines = DockerMachine.parseList(List.of(
                "default\tvirtualbox\tRunning\ttcp://192.168.99.100:2376\t",
                "",
                "broken\tvirtualbox\tError\t\tUnable to query docker version: x509: certificate is valid for 192.168.99.100, not 192.168.99.101",
                "old\tgeneric\tStopped"));
        assertEquals(3, machines.size());
        assertTrue(machines.get(0).isRunning());
        assertTrue(machines.get(1).hasError());
        assertTrue(machines.get(1).needsNewCertificates());
        assertEquals("", machines.get(2).url());
    }

    @Test
    void configParsesLineByLineAndOnOneLine() {
        var unix = DockerMachine.parseConfig("dev", List.of("--tlsverify", "--tlscacert=\"/m/dev/ca.pem\"",
                "--tlscert=\"/m/dev/cert.pem\"", "--tlskey=\"/m/dev/key.pem\"", "-H=tcp://192.168.99.100:2376"));
        assertEquals("tcp://192.168.99.100:2376", unix.address());
        assertEquals(Path.of("/m/dev"), unix.tlsDir());
        var oneLine = DockerMachine.parseConfig("dev", List.of(
                "--tlsverify --tlscacert=\"C:/m/dev/ca.pem\" --tlscert=\"C:/m/dev/cert.pem\" --tlskey=\"C:/m/dev/key.pem\" -H=tcp://10.0.0.5:2376"));
        assertEquals("tcp://10.0.0.5:2376", oneLine.address());
        assertThrows(MachineCommandException.class, () -> DockerMachine.parseConfig("dev", List.of("--tlsverify")));
    }

    @Test
    void notOnThePathIsEmpty() {
        assertTrue(DockerMachine.find("/nonexistent:/also/not").isEmpty());
        assertTrue(DockerMachine.find(Path.of("src/test/machine").toAbsolutePath().toString()).isPresent());
    }
}
