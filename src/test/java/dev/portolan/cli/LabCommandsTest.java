package dev.portolan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the command line answers without an engine: help for every command, and a missing file said as bad input. */
class LabCommandsTest {

    private static Cli portolan(String... args) {
        return Cli.run(args);
    }

    @Test
    void everyCommandAnswersHelpBeforeAskingForItsArguments() {
        for (String command : LabCommands.NAMES) {
            if (command.startsWith("--")) continue;
            Cli help = portolan(command, "--help");
            assertEquals(0, help.code(), command + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: portolan " + command), command + ": " + help.out());
        }
        assertTrue(portolan("--help").out().contains("hosts"), "the top-level help lists the commands");
    }

    @Test
    void aLabFileThatIsNotThereIsBadInputAndSaidSo() {
        Cli missing = portolan("plan", "no-such-lab.yaml");
        assertEquals(LabCommands.BAD_INPUT, missing.code());
        assertTrue(missing.err().startsWith("There is no lab file no-such-lab.yaml (looked for "), missing.err());
    }
}
