package dev.portolan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What the command line answers without an engine: help for every command, and a missing file said as bad input. */
class LabCommandsTest {

    private record Run(int code, String out, String err) {}

    private static Run portolan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCommands.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandAnswersHelpBeforeAskingForItsArguments() {
        for (String command : LabCommands.NAMES) {
            if (command.startsWith("--")) continue;
            Run help = portolan(command, "--help");
            assertEquals(0, help.code(), command + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: portolan " + command), command + ": " + help.out());
        }
        assertTrue(portolan("--help").out().contains("hosts"), "the top-level help lists the commands");
    }

    @Test
    void aLabFileThatIsNotThereIsBadInputAndSaidSo() {
        Run missing = portolan("plan", "no-such-lab.yaml");
        assertEquals(LabCommands.BAD_INPUT, missing.code());
        assertTrue(missing.err().startsWith("There is no lab file no-such-lab.yaml (looked for "), missing.err());
    }
}
