package dev.portolan.ui.faults;

import dev.portolan.app.Durations;
import dev.portolan.host.faults.FaultSpec;
import dev.portolan.host.faults.FaultSpec.Target;
import dev.portolan.ui.forms.Form;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The details of a network fault (the other end of a cut, a share, a latency) and how long it lasts. */
public final class FaultDialog {

    /** A fault to inject, for {@code duration} (null: until healed). */
    public record Request(FaultSpec spec, Duration duration) {}

    private static final String UNTIL_HEALED = "until healed";

    private FaultDialog() {}

    static Optional<Request> cut(Window owner, Target from, List<String> targets) {
        ComboBox<String> other = new ComboBox<>();
        other.setId("fault-other-end");
        other.getItems().setAll(targets.stream().filter(t -> !t.equals(from.toString())).toList());
        other.setEditable(true);
        if (!other.getItems().isEmpty()) other.setValue(other.getItems().getFirst());
        CheckBox oneWay = new CheckBox("One way: only " + from + " cannot open connections");
        oneWay.setId("fault-one-way");
        return ask(owner, "Cut " + named(from) + " from…",
                "No packet passes between the two ends (iptables on their hosts), as when a link breaks or a firewall"
                        + " drops them: new connections fail and open ones hang.",
                List.of(new Label("Other end"), other, new Label(""), oneWay),
                () -> other.getEditor().getText().isBlank() ? List.of("Choose the other end: a simulated host or a container on one.")
                        : List.of(),
                () -> new FaultSpec.Cut(from, parse(other.getEditor().getText().strip()), oneWay.isSelected()),
                other.getEditor().textProperty());
    }

    static Optional<Request> drop(Window owner, Target target) {
        Spinner<Integer> share = new Spinner<>(1, 100, 30, 5);
        share.setId("fault-share");
        share.setEditable(true);
        return ask(owner, "Drop packets reaching " + named(target),
                "Each packet reaching it is dropped with this chance (iptables' random match), as on a lossy link:"
                        + " connections slow down and retry, and some time out.",
                List.of(new Label("Share (%)"), share), List::of,
                () -> new FaultSpec.Drop(target, share.getValue()));
    }

    static Optional<Request> delay(Window owner, Target target) {
        TextField latency = new TextField("100ms");
        latency.setId("fault-latency");
        TextField jitter = new TextField("20ms");
        jitter.setId("fault-jitter");
        return ask(owner, "Add latency to " + named(target),
                "Every packet it sends waits this long, give or take the jitter (tc netem), as across a slow network.",
                List.of(new Label("Latency"), latency, new Label("Jitter"), jitter),
                () -> durationProblems(Map.of("Latency", latency.getText()), Map.of("Jitter", jitter.getText())),
                () -> new FaultSpec.Delay(target, Durations.parse(latency.getText()).toMillis(),
                        jitter.getText().isBlank() ? 0 : Durations.parse(jitter.getText()).toMillis()),
                latency.textProperty(), jitter.textProperty());
    }

    static Optional<Request> disconnect(Window owner, Target container, List<String> networks) {
        ComboBox<String> network = new ComboBox<>();
        network.setId("fault-network");
        network.getItems().setAll(networks);
        network.setValue(networks.getFirst());
        return ask(owner, "Disconnect " + named(container) + " from a network",
                "As docker network disconnect: it loses its address and its name on that network. Healing connects it again.",
                List.of(new Label("Network"), network), List::of,
                () -> new FaultSpec.ContainerFault(container, FaultSpec.ContainerAction.DISCONNECT, null, network.getValue()));
    }

    /**
     * What is wrong with the durations typed: each of {@code required} must be one of more
     * than zero, each of {@code optional} may be blank.
     */
    private static List<String> durationProblems(Map<String, String> required, Map<String, String> optional) {
        List<String> found = new ArrayList<>();
        required.forEach((what, text) -> problem(what, text, true).ifPresent(found::add));
        optional.forEach((what, text) -> {
            if (!text.isBlank()) problem(what, text, false).ifPresent(found::add);
        });
        return found;
    }

    private static Optional<String> problem(String what, String text, boolean moreThanZero) {
        try {
            boolean zero = Durations.parse(text).isZero();
            return zero && moreThanZero ? Optional.of(what + ": give more than zero.") : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(what + ": " + e.getMessage());
        }
    }

    /** "demo/node1" or "demo/node1/web", as the list of targets names them: a host has one slash. */
    private static Target parse(String text) {
        int slashes = (int) text.chars().filter(c -> c == '/').count();
        if (slashes <= 1) return Target.host(text);
        int last = text.lastIndexOf('/');
        return new Target(text.substring(0, last), text.substring(last + 1));
    }

    /** "web on demo/node1", or the host "demo/node1": how a dialog's title names what the fault strikes. */
    static String named(Target target) {
        return target.isHost() ? target.host() : target.container() + " on " + target.host();
    }

    /**
     * The dialog: what the fault does, its own fields, then how long; Inject is enabled while
     * the fields are right.
     */
    private static Optional<Request> ask(Window owner, String title, String does, List<Node> fields,
            java.util.function.Supplier<List<String>> rules, java.util.function.Supplier<FaultSpec> spec,
            javafx.beans.Observable... inputs) {
        ComboBox<String> lasting = new ComboBox<>();
        lasting.setId("fault-duration");
        lasting.setEditable(true);
        lasting.getItems().setAll(UNTIL_HEALED, "10s", "30s", "1m", "5m");
        lasting.setValue(UNTIL_HEALED);
        Label problems = Form.problemsLabel("fault-problems", 420);
        GridPane form = Form.grid(10, 8);
        for (int i = 0; i + 1 < fields.size(); i += 2) form.addRow(i / 2, fields.get(i), fields.get(i + 1));
        int row = fields.size() / 2;
        form.addRow(row, new Label("Heal after"), lasting);
        // what the fault does and how it ends, before anything is injected
        Label explains = new Label(does + " It heals itself after the time chosen, or from the Faults panel (Ctrl+Shift+F).");
        explains.setId("fault-explains");
        explains.setWrapText(true);
        explains.setMaxWidth(420);
        explains.getStyleClass().add("muted");
        form.add(explains, 0, row + 1, 2, 1);
        form.add(problems, 0, row + 2, 2, 1);

        Dialog<Request> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(form);
        ButtonType inject = new ButtonType("Inject", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(inject, ButtonType.CANCEL);
        Node injectButton = dialog.getDialogPane().lookupButton(inject);
        injectButton.setId("fault-inject");
        javafx.beans.Observable[] all = java.util.Arrays.copyOf(inputs, inputs.length + 1);
        all[inputs.length] = lasting.getEditor().textProperty();
        Form.check(problems, injectButton, () -> {
            List<String> found = new ArrayList<>(rules.get());
            String text = lasting.getEditor().getText();
            if (!text.isBlank() && !text.equals(UNTIL_HEALED)) problem("Heal after", text, true).ifPresent(found::add);
            return found;
        }, all);
        Function<String, Duration> duration = text -> text.isBlank() || text.equals(UNTIL_HEALED) ? null : Durations.parse(text);
        dialog.setResultConverter(button -> button != inject ? null
                : new Request(spec.get(), duration.apply(lasting.getEditor().getText().strip())));
        return dialog.showAndWait();
    }
}
