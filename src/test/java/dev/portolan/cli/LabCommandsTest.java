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
    void tourLsSaysEachTourWithItsTitleAndItsNumberOfSteps() {
        Cli ls = portolan("tour", "ls");
        assertEquals(0, ls.code(), ls.err());
        var about = dev.portolan.tour.ShippedTours.about("volumes");
        assertTrue(ls.out().lines().anyMatch(l -> l.matches("volumes +" + java.util.regex.Pattern.quote(about.title())
                + " \\(" + about.steps() + " steps\\)")), ls.out());
        Cli json = portolan("tour", "ls", "--json");
        assertTrue(json.out().contains("\"steps\" : " + about.steps()) || json.out().contains("\"steps\":" + about.steps()), json.out());
    }

    @Test
    void everyCommandsHelpDownToTheLastSubcommandIsWrittenWithoutAWarning() {
        // picocli formats descriptions with String.format: a bare "30%" printed "[picocli WARN] Could not format"
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream warned = new java.io.ByteArrayOutputStream();
        java.util.List<String> seen = new java.util.ArrayList<>();
        System.setErr(new java.io.PrintStream(warned, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            helpOf(new picocli.CommandLine(new LabCommands()), seen);
        } finally {
            System.setErr(before);
        }
        assertEquals("", warned.toString(java.nio.charset.StandardCharsets.UTF_8), "while writing the help of " + seen);
        assertTrue(seen.contains("portolan fault drop") && seen.contains("portolan swarm create"), seen.toString());
    }

    private static void helpOf(picocli.CommandLine command, java.util.List<String> seen) {
        command.getUsageMessage();
        seen.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().values().stream().distinct().forEach(sub -> helpOf(sub, seen));
    }

    @Test
    void aLabFileThatIsNotThereIsBadInputAndSaidSo() {
        Cli missing = portolan("plan", "no-such-lab.yaml");
        assertEquals(LabCommands.BAD_INPUT, missing.code());
        assertTrue(missing.err().startsWith("There is no lab file no-such-lab.yaml (looked for "), missing.err());
    }

    @Test
    void aLabGoesOutAsComposeFilesAndComesBackTheSameLab(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path lab = dir.resolve("shop.yaml");
        java.nio.file.Files.writeString(lab, """
                name: shop
                hosts: [{name: front}, {name: data}]
                volumes: [{name: pgdata, host: data}]
                containers:
                  - {name: web, host: front, image: busybox, command: [sleep, "3600"], ports: ["8080:80"]}
                  - {name: db, host: data, image: busybox, volumes: ["pgdata:/data"],
                     healthcheck: {test: [CMD-SHELL, "true"], interval: 1s}}
                  - {name: worker, host: data, image: busybox, replicas: 2, wait_for: {db: healthy}}
                """);
        Cli exported = portolan("export-compose", lab.toString(), "-o", dir.resolve("out").toString());
        assertEquals(0, exported.code(), exported.err());
        assertTrue(exported.out().startsWith("Wrote 2 compose files:"), exported.out());
        Cli imported = portolan("import", dir.resolve("out/shop-front.compose.yaml").toString(),
                dir.resolve("out/shop-data.compose.yaml").toString(), "-o", dir.resolve("again.yaml").toString());
        assertEquals(0, imported.code(), imported.err());
        assertEquals("Everything was mapped.", imported.err().strip());
        var before = dev.portolan.lab.LabFile.read(lab);
        var after = dev.portolan.lab.LabFile.read(dir.resolve("again.yaml"));
        assertEquals(before.name(), after.name(), "the project's name: is the lab's");
        assertEquals(before.containers(), after.containers());
        assertEquals(before.volumes(), after.volumes());

        Cli empty = portolan("export-compose", lab.toString(), "-o", "/proc/no-such-folder");
        assertEquals(LabCommands.BAD_INPUT, empty.code());
        assertTrue(empty.err().startsWith("Cannot write the compose files into /proc/no-such-folder"), empty.err());
    }
}
