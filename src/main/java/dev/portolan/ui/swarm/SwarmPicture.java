package dev.portolan.ui.swarm;

import dev.portolan.app.Sizes;
import dev.portolan.inventory.SwarmSnapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A Swarm drawn as docker-swarm-visualizer draws it, and more: services across the top with
 * their replicas running of wanted, each node a column (role, leader, availability, state,
 * size) holding the tasks it runs coloured by service and marked by state, the task's history
 * on hover (where it ran before, why it stopped); overlay networks and the routing mesh as
 * bands under the nodes they span. Built afresh from each snapshot: a Swarm has tens of tasks,
 * not thousands. Looks are CSS (.swarm-*).
 */
final class SwarmPicture {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int COLOURS = 8;

    /** What the picture asks of its window: the menus of a node and of a service, and a selection. */
    interface Actions {
        ContextMenu nodeMenu(SwarmSnapshot.Node node);

        ContextMenu serviceMenu(SwarmSnapshot.Service service);

        void selectService(SwarmSnapshot.Service service);

        void selectNode(SwarmSnapshot.Node node);
    }

    private SwarmPicture() {}

    static Node of(SwarmSnapshot swarm, String selectedService, Instant now, Actions actions) {
        VBox root = new VBox(10);
        root.getStyleClass().add("swarm-picture");
        root.getChildren().addAll(services(swarm, selectedService, actions), nodes(swarm, selectedService, now, actions),
                networks(swarm));
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private static Node services(SwarmSnapshot swarm, String selected, Actions actions) {
        FlowPane row = new FlowPane(8, 8);
        row.getStyleClass().add("swarm-services");
        if (swarm.services().isEmpty()) row.getChildren().add(muted("No services yet: Create a service, or apply a lab with a swarm: section."));
        for (var service : swarm.services()) {
            long running = swarm.running(service);
            long wanted = swarm.wanted(service);
            String text = service.name() + "  " + running + "/" + wanted + (service.replicas() == null ? " global" : "")
                    + (service.ports().isEmpty() ? "" : "  :" + String.join(" :", service.ports().stream().map(Object::toString).toList()))
                    + (service.updateState().isEmpty() || service.updateState().equals("completed") ? ""
                            : "  · " + service.updateState().replace('_', ' '));
            Label chip = new Label(text);
            chip.setId("swarm-service-" + service.name());
            chip.getStyleClass().addAll("swarm-service", colour(swarm, service.id()));
            if (running < wanted) chip.getStyleClass().add("swarm-service-short");
            if (service.name().equals(selected)) chip.getStyleClass().add("selected");
            chip.setTooltip(new Tooltip(service.name() + ": " + service.image() + "\n" + running + " of " + wanted
                    + " tasks running" + (service.networks().isEmpty() ? "" : "\nnetworks: " + String.join(", ", service.networks()))
                    + (service.updateMessage().isEmpty() ? "" : "\nupdate: " + service.updateMessage())));
            chip.setOnMouseClicked(e -> actions.selectService(service));
            chip.setOnContextMenuRequested(e -> actions.serviceMenu(service).show(chip, e.getScreenX(), e.getScreenY()));
            row.getChildren().add(chip);
        }
        return row;
    }

    private static Node nodes(SwarmSnapshot swarm, String selected, Instant now, Actions actions) {
        HBox columns = new HBox(10);
        columns.getStyleClass().add("swarm-nodes");
        VBox.setVgrow(columns, Priority.ALWAYS);
        for (var node : swarm.nodes()) {
            VBox column = new VBox(4);
            column.setId("swarm-node-" + node.hostname());
            column.getStyleClass().addAll("swarm-node", "node-" + node.state(), "node-" + node.availability());
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setMinWidth(150);
            Label title = new Label((node.leader() ? "★ " : node.isManager() ? "☆ " : "") + node.hostname());
            title.getStyleClass().add("swarm-node-title");
            Label facts = new Label((node.leader() ? "leader" : node.role()) + " · " + node.availability() + " · " + node.state());
            facts.getStyleClass().add("swarm-node-facts");
            column.getChildren().addAll(title, facts);
            String size = size(node);
            if (!size.isEmpty()) {
                Label sized = new Label(size);
                sized.getStyleClass().add("swarm-node-facts");
                column.getChildren().add(sized);
            }
            if (!node.labels().isEmpty()) {
                Label labels = new Label(String.join(" ", new java.util.TreeMap<>(node.labels()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
                labels.getStyleClass().add("swarm-node-labels");
                column.getChildren().add(labels);
            }
            column.setOnMouseClicked(e -> actions.selectNode(node));
            column.setOnContextMenuRequested(e -> actions.nodeMenu(node).show(column, e.getScreenX(), e.getScreenY()));
            List<SwarmSnapshot.Task> tasks = swarm.currentTasksOn(node.id());
            if (tasks.isEmpty()) column.getChildren().add(muted(node.availability().equals("drain") ? "drained: no tasks" : "no tasks"));
            for (var task : tasks) column.getChildren().add(task(swarm, task, selected, now));
            columns.getChildren().add(column);
        }
        var unplaced = swarm.currentTasks().stream().filter(t -> swarm.node(t.nodeId()).isEmpty()).toList();
        if (!unplaced.isEmpty()) {
            VBox column = new VBox(4);
            column.setId("swarm-node-unplaced");
            column.getStyleClass().addAll("swarm-node", "swarm-unplaced");
            column.getChildren().add(new Label("not placed"));
            for (var task : unplaced) column.getChildren().add(task(swarm, task, selected, now));
            columns.getChildren().add(column);
        }
        return columns;
    }

    private static Node task(SwarmSnapshot swarm, SwarmSnapshot.Task task, String selected, Instant now) {
        String name = swarm.taskName(task);
        Label card = new Label(name + (task.isRunning() ? "" : "  " + task.state()));
        card.setId("swarm-task-" + name.replace('.', '-'));
        card.setMaxWidth(Double.MAX_VALUE);
        card.getStyleClass().addAll("swarm-task", colour(swarm, task.serviceId()), "task-" + task.state());
        if (task.hasFailed()) card.getStyleClass().add("task-failed");
        else if (!task.isRunning()) card.getStyleClass().add("task-moving");
        if (selected != null && !swarm.serviceName(task.serviceId()).equals(selected)) card.getStyleClass().add("dimmed");
        Tooltip tip = new Tooltip(history(swarm, task, now));
        tip.setShowDelay(javafx.util.Duration.millis(200));
        card.setTooltip(tip);
        return card;
    }

    /** A slot's life, newest first: where each of its tasks ran, its state, since when, and why it ended. */
    static String history(SwarmSnapshot swarm, SwarmSnapshot.Task task, Instant now) {
        StringBuilder s = new StringBuilder(swarm.taskName(task) + " · " + task.image());
        for (var t : swarm.history(task)) {
            s.append("\n").append(t == task ? "now  " : "was  ").append(swarm.nodeName(t.nodeId())).append(": ").append(t.state())
                    .append(" at ").append(TIME.format(t.since()));
            if (!t.desiredState().equals("running") && t != task) s.append(" (wanted ").append(t.desiredState()).append(")");
            String why = !t.error().isEmpty() ? t.error() : t.exitCode() != null && t.exitCode() != 0 ? "exit " + t.exitCode() : "";
            if (!why.isEmpty()) s.append(" — ").append(why);
        }
        return s.toString();
    }

    private static Node networks(SwarmSnapshot swarm) {
        VBox bands = new VBox(4);
        bands.getStyleClass().add("swarm-networks");
        for (var network : swarm.networks()) {
            if (network.ingress()) continue;
            List<String> users = swarm.services().stream().filter(s -> s.networks().contains(network.name()))
                    .map(SwarmSnapshot.Service::name).toList();
            Label band = new Label(network.name() + " · overlay across the nodes" + (users.isEmpty() ? "" : " · " + String.join(", ", users)));
            band.setId("swarm-network-" + network.name());
            band.getStyleClass().add("swarm-network");
            band.setMaxWidth(Double.MAX_VALUE);
            bands.getChildren().add(band);
        }
        var published = swarm.services().stream().filter(s -> !s.ports().isEmpty() && s.hasVirtualIp()).toList();
        var onNodes = swarm.services().stream().filter(s -> !s.ports().isEmpty() && !s.hasVirtualIp()).toList();
        if (!onNodes.isEmpty()) {
            Label host = new Label("published on the nodes that run a task (dnsrr, no routing mesh) · " + String.join(", ", onNodes.stream()
                    .map(s -> String.join(" ", s.ports().stream().map(p -> ":" + p.published()).toList()) + " → " + s.name()).toList()));
            host.setId("swarm-host-ports");
            host.getStyleClass().add("swarm-network");
            host.setMaxWidth(Double.MAX_VALUE);
            bands.getChildren().add(host);
        }
        if (!published.isEmpty()) {
            Label mesh = new Label("routing mesh · every node answers " + String.join(", ", published.stream()
                    .map(s -> String.join(" ", s.ports().stream().map(p -> ":" + p.published()).toList()) + " → " + s.name()).toList()));
            mesh.setId("swarm-routing-mesh");
            mesh.getStyleClass().addAll("swarm-network", "swarm-mesh");
            mesh.setMaxWidth(Double.MAX_VALUE);
            bands.getChildren().add(mesh);
        }
        return bands;
    }

    /** "2 CPUs · 256 MB": what the node's engine has, its host's size. */
    static String size(SwarmSnapshot.Node node) {
        if (node.nanoCpus() <= 0 && node.memoryBytes() <= 0) return "";
        double cpus = node.nanoCpus() / 1e9;
        return (cpus == Math.rint(cpus) ? String.valueOf((long) cpus) : String.valueOf(cpus)) + (cpus == 1 ? " CPU" : " CPUs")
                + " · " + Sizes.text(node.memoryBytes());
    }

    /** The colour class of a service: by its place among the services, so colours stay put as tasks move. */
    static String colour(SwarmSnapshot swarm, String serviceId) {
        int index = 0;
        for (var s : swarm.services()) {
            if (s.id().equals(serviceId)) return "service-" + (index % COLOURS);
            index++;
        }
        return "service-none";
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("swarm-muted");
        label.setWrapText(true);
        return label;
    }
}
