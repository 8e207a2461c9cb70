package dev.portolan.ui.labs;

import dev.portolan.lab.ComposeImport;
import dev.portolan.lab.ComposeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;

/**
 * How many hosts an imported compose project goes on, each choice saying where its services
 * would go. Services that talk to each other share a host, so only the counts that put
 * something on every host are offered, and a project with nothing to choose is not asked.
 */
public final class ComposeHostsChoice {

    /** The most hosts offered: more is a lab to write by hand. */
    static final int MOST = 3;

    /** One choice: a number of hosts, and where the services go on them. */
    public record Choice(int hosts, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private ComposeHostsChoice() {}

    /**
     * 1 host, then each larger count, up to {@link #MOST}, that leaves no host empty; one
     * choice for a file exported with its hosts.
     */
    public static List<Choice> choices(ComposeReader.Read read) {
        Map<String, List<String>> together = ComposeImport.spread(read, 1);
        int services = together.values().stream().mapToInt(List::size).sum();
        if (together.size() > 1) {
            return List.of(new Choice(1, "its own " + together.size() + " hosts, as it was exported: " + where(together)));
        }
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(1, services == 1 ? "1 host"
                : "1 host: the " + services + " services reach each other by name, as in compose"));
        for (int n = 2; n <= MOST; n++) {
            Map<String, List<String>> spread = ComposeImport.spread(read, n);
            if (spread.values().stream().anyMatch(List::isEmpty)) break; // what talks to each other stays together
            choices.add(new Choice(n, n + " hosts: " + where(spread)));
        }
        return choices;
    }

    /** "node1: web, api · node2: db". */
    private static String where(Map<String, List<String>> spread) {
        return spread.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    /** The number of hosts chosen; asked only when there is a choice, empty when the user cancels. */
    public static Optional<Integer> ask(Window owner, String fileName, ComposeReader.Read read) {
        List<Choice> choices = choices(read);
        if (choices.size() == 1) return Optional.of(choices.getFirst().hosts());
        ChoiceDialog<Choice> dialog = new ChoiceDialog<>(choices.getFirst(), choices);
        dialog.initOwner(owner);
        dialog.setTitle("Import a compose file");
        dialog.setHeaderText("Put the services of " + fileName + " on\n"
                + "Services that talk to each other stay on one host: on different hosts they cannot reach each other by name.");
        dialog.getDialogPane().setId("compose-hosts");
        dialog.getDialogPane().setPrefWidth(560);
        return dialog.showAndWait().map(Choice::hosts);
    }
}
