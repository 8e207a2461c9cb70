package dev.portolan.cli;

import dev.portolan.operations.ConnectedHosts;
import dev.portolan.operations.Probe;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `portolan probe A B[:PORT]`: can container A reach B, and if not, why — each check with
 * what it found, a failed one with its fix. Exit 0 when A reaches B, 3 when it does not.
 */
@Command(name = "probe", description = "Can container A reach B (a container, with :PORT or not, or ADDRESS:PORT)? Each check "
        + "with what it found; a failure with its cause and fix. Exit 0 when it reaches, 3 when it does not.")
final class ProbeCommand extends LabCommands.LabCommand {

    @Parameters(index = "0", paramLabel = "A", description = "A container: its name when one host has it, or HOST/NAME.")
    String from;

    @Parameters(index = "1", paramLabel = "B[:PORT]", description = "A container (HOST/NAME or a name), or ADDRESS:PORT.")
    String to;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Probe.Result result = withEngine(local -> {
            try (ConnectedHosts hosts = new ConnectedHosts(local)) {
                return new Probe(local, hosts).probe(from, to);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder text = new StringBuilder();
        for (Probe.Check c : result.checks()) {
            text.append(c.passed() ? "  ✓ " : "  ✗ ").append(c.what()).append(": ").append(c.found());
            if (!c.passed()) text.append("\n      ").append(c.fix());
            text.append('\n');
        }
        text.append(String.format("%s %s %s (%.1f s).", result.from(), result.reaches() ? "reaches" : "does not reach", result.to(),
                seconds));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", result.from());
        json.put("to", result.to());
        json.put("address", result.address());
        json.put("port", result.port());
        json.put("reaches", result.reaches());
        json.put("checks", result.checks());
        print(json, text.toString());
        return result.reaches() ? 0 : LabCommands.NOT_REACHED;
    }
}
