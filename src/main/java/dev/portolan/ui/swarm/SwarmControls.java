package dev.portolan.ui.swarm;

import dev.portolan.engine.UpdatePolicy;
import dev.portolan.host.faults.FaultSpec;
import dev.portolan.inventory.SwarmSnapshot;
import dev.portolan.operations.SwarmOperations;
import dev.portolan.ui.faults.FaultActions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * What can be done to the Swarm shown: the panel beside the picture (a node's actions, a
 * service's, or with nothing selected a new service and the lab's hosts to join), and the
 * actions the picture's menus share with it. Every action runs through the window's
 * {@link Owner#act}, off the FX thread.
 */
final class SwarmControls {

    /** What the controls ask of the window they are in. */
    interface Owner {
        /** The operations on the Swarm shown (its members' hosts of the moment). */
        SwarmOperations operations();

        /** The hosts of the lab (or the host) whose Swarm is shown. */
        List<String> members();

        /** The image tags every member has: what a service can run here, with no registry to pull from. */
        List<String> imagesOnEveryMember();

        /** Runs {@code work} off the FX thread, saying {@code progress} meanwhile and its sentence after. */
        void act(String progress, Callable<String> work);

        FaultActions faults();
    }

    private final Owner window;
    private final VBox side = new VBox(8);

    SwarmControls(Owner window) {
        this.window = window;
        side.setId("swarm-side");
        side.setPadding(new Insets(8));
        side.setPrefWidth(280);
        side.getStyleClass().add("swarm-side");
    }

    /** The panel beside the picture. */
    VBox side() {
        return side;
    }

    /** Shows what {@code selectedNode} or {@code selectedService} (a name, or null) offers in {@code shown} (null before the first read). */
    void show(SwarmSnapshot shown, String selectedNode, String selectedService) {
        SwarmOperations operations = window.operations();
        side.getChildren().clear();
        var node = shown == null || selectedNode == null ? null : shown.nodeNamed(selectedNode).orElse(null);
        var service = shown == null || selectedService == null ? null : shown.service(selectedService).orElse(null);
        if (node != null) nodePanel(node, operations);
        else if (service != null) servicePanel(shown, service, operations);
        else if (shown != null) createPanel(shown, operations);
        else side.getChildren().add(hint("Nodes and services appear here once a manager answers."));
    }

    private void nodePanel(SwarmSnapshot.Node node, SwarmOperations operations) {
        side.getChildren().addAll(heading(node.hostname()), hint((node.leader() ? "leader, " : "") + node.role() + " · "
                + node.availability() + " · " + node.state() + (node.address().isEmpty() ? "" : " · " + node.address())));
        Button drain = button(node.isActive() ? "Drain" : "Activate", "swarm-node-availability", () -> drainOrActivate(node));
        Button role = button(node.isManager() ? "Demote to worker" : "Promote to manager", "swarm-node-role", () -> promoteOrDemote(node));
        side.getChildren().addAll(drain, role);
        operations.hostOfNode(node).ifPresent(host -> {
            Button leave = button("Leave the Swarm", "swarm-node-leave", () -> window.act(host + " leaving the Swarm",
                    () -> operations.leave(host, false)));
            Button stop = button("Stop its host", "swarm-node-stop",
                    () -> window.faults().inject(new dev.portolan.ui.faults.FaultDialog.Request(
                            new FaultSpec.HostFault(host, FaultSpec.HostAction.STOP), null)));
            side.getChildren().addAll(leave, new javafx.scene.control.Separator(), stop,
                    hint("Then watch the Swarm notice and move its tasks. Stopping a host is a fault: heal it in the Faults panel to start it again."));
        });
    }

    private void servicePanel(SwarmSnapshot shown, SwarmSnapshot.Service service, SwarmOperations operations) {
        // during an update, how many run the new spec: the rollout's progress
        Label progress = hint(service.image() + " · " + reachedBy(service.endpointMode()) + "\n"
                + dev.portolan.operations.SwarmProgress.line(shown, service)
                + (service.updateMessage().isEmpty() ? "" : "\n" + service.updateMessage()));
        progress.setId("swarm-service-progress");
        side.getChildren().addAll(heading(service.name()), progress);
        TextField replicas = field("swarm-replicas", service.replicas() == null ? "" : String.valueOf(service.replicas()));
        Button scale = button("Scale", "swarm-scale", () -> window.act("Scaling " + service.name(),
                () -> operations.scale(service.name(), replicas.getText())));
        replicas.setOnAction(e -> scale.fire());
        TextField image = field("swarm-image", service.image());
        TextField parallelism = field("swarm-parallelism", "1");
        ComboBox<String> onFailure = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("rollback", "pause", "continue"));
        onFailure.setId("swarm-on-failure");
        onFailure.setValue("rollback");
        Button update = button("Update " + service.name(), "swarm-update", () -> window.act("Updating " + service.name(),
                () -> operations.update(service.name(), image.getText(), List.of(), new UpdatePolicy(
                        SwarmOperations.replicas(parallelism.getText()), Duration.ZERO, onFailure.getValue(), Duration.ofSeconds(5)))));
        Button rollback = button("Roll back", "swarm-rollback", () -> rollback(service));
        Button remove = button("Remove the service", "swarm-remove", () -> remove(service));
        GridPane form = dev.portolan.ui.forms.Form.grid(6, 6);
        form.addRow(0, new Label("Replicas"), replicas, scale);
        // an update takes the image, the pace and what to do on failure together: its button is under all three
        form.add(new javafx.scene.control.Separator(), 0, 1, 3, 1);
        form.add(new Label("Image"), 0, 2);
        form.add(image, 1, 2, 2, 1);
        form.addRow(3, new Label("At a time"), parallelism);
        form.add(new Label("On failure"), 0, 4);
        form.add(onFailure, 1, 4, 2, 1);
        onFailure.setMaxWidth(Double.MAX_VALUE);
        form.add(update, 0, 5, 3, 1);
        side.getChildren().addAll(form, new javafx.scene.control.Separator(),
                rollback, remove, hint("Right-click a service or a node for the same actions."));
    }

    private void createPanel(SwarmSnapshot shown, SwarmOperations operations) {
        TextField name = field("swarm-new-name", "");
        // an image every node has (no registry here to pull from), or one typed
        ComboBox<String> image = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(window.imagesOnEveryMember()));
        image.setId("swarm-new-image");
        image.setEditable(true);
        image.setPrefWidth(160);
        image.setPromptText(image.getItems().isEmpty() ? "an image every node has" : "choose, or type");
        TextField replicas = field("swarm-new-replicas", "3");
        TextField port = field("swarm-new-port", "");
        port.setPromptText("8080:80 (optional)");
        Button create = button("Create service", "swarm-create", () -> window.act("Creating service " + name.getText(),
                () -> operations.create(name.getText().strip(), image.getEditor().getText().strip(),
                        SwarmOperations.replicas(replicas.getText()), List.of(),
                        port.getText().isBlank() ? List.of() : List.of(port.getText().strip()))));
        GridPane form = dev.portolan.ui.forms.Form.grid(6, 6);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Image"), image);
        form.addRow(2, new Label("Replicas"), replicas);
        form.addRow(3, new Label("Publish"), port);
        side.getChildren().addAll(heading("New service"), form, create,
                hint("Click a service or a node to act on it. The images offered are on every node; there is no registry"
                        + " here to pull others from."));
        // the lab's hosts that are not nodes yet: join them (the token is found for the user)
        List<String> outside = window.members().stream().filter(m -> shown.nodes().stream()
                .noneMatch(n -> operations.hostOfNode(n).filter(m::equals).isPresent())).toList();
        if (!outside.isEmpty()) side.getChildren().add(heading("Not in the Swarm"));
        for (String host : outside) {
            Button worker = button("Join " + host + " as a worker", "swarm-join-" + host.replace('/', '-'),
                    () -> window.act("Joining " + host, () -> operations.join(host, false)));
            Button manager = button("… as a manager", "swarm-join-manager-" + host.replace('/', '-'),
                    () -> window.act("Joining " + host, () -> operations.join(host, true)));
            side.getChildren().addAll(worker, manager);
        }
    }

    // --- what the panel and the menus both do

    void drainOrActivate(SwarmSnapshot.Node node) {
        window.act((node.isActive() ? "Draining " : "Activating ") + node.hostname(),
                () -> node.isActive() ? window.operations().drain(node.hostname()) : window.operations().activate(node.hostname()));
    }

    void promoteOrDemote(SwarmSnapshot.Node node) {
        window.act((node.isManager() ? "Demoting " : "Promoting ") + node.hostname(),
                () -> node.isManager() ? window.operations().demote(node.hostname()) : window.operations().promote(node.hostname()));
    }

    void rollback(SwarmSnapshot.Service service) {
        window.act("Rolling back " + service.name(), () -> window.operations().rollback(service.name()));
    }

    void remove(SwarmSnapshot.Service service) {
        window.act("Removing " + service.name(), () -> window.operations().remove(service.name()));
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("swarm-heading");
        return label;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("swarm-muted");
        return label;
    }

    /** How a service's name is answered, in words: its endpoint mode ("vip", "dnsrr") as the engine says it. */
    static String reachedBy(String endpointMode) {
        return switch (endpointMode == null ? "" : endpointMode) {
            case "vip" -> "one virtual IP";
            case "dnsrr" -> "DNS round robin";
            default -> endpointMode == null || endpointMode.isEmpty() ? "no endpoint" : endpointMode;
        };
    }

    private static TextField field(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPrefColumnCount(10);
        return field;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMaxWidth(Double.MAX_VALUE);
        // a narrow panel squeezes its fields, never a button's name (Scale and Update read "..." before)
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }
}
