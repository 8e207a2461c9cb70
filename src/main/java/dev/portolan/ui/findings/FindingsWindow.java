package dev.portolan.ui.findings;

import dev.portolan.host.HostKey;
import dev.portolan.host.tls.CertificateDates;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.Finding;
import dev.portolan.inventory.Findings;
import dev.portolan.operations.HostOperations;
import dev.portolan.ui.Columns;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.Windows;
import dev.portolan.ui.hosts.HostsController;
import dev.portolan.ui.jobs.Job;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Findings: what about the cluster is worth knowing before it bites (port clashes, a port held
 * by another program, restart loops, expiring certificates, ports on every address, containers
 * only on the default bridge, unused volumes, dangling images), each with what it means and
 * its fix, shown first and applied only when asked (and confirmed, for what removes data).
 */
public final class FindingsWindow {

    private FindingsWindow() {}

    public static Stage open(Window owner, ObservableList<HostModel> hosts, HostsController controller) {
        ObservableList<Finding> findings = FXCollections.observableArrayList();
        TableView<Finding> table = new TableView<>(findings);
        table.setId("findings-table");
        table.setPlaceholder(new Label("Nothing found: no clashes, loops, expiring certificates or leftovers."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(Columns.of("Finding", 170, f -> f.kind().words()), Columns.of("Host", 130, Finding::host),
                Columns.of("What", 420, Finding::what)));
        Label means = new Label();
        means.setId("finding-means");
        means.setWrapText(true);
        Label fix = new Label();
        fix.setId("finding-fix");
        fix.setWrapText(true);
        Button apply = new Button("Apply fix…");
        apply.setId("finding-apply");
        apply.setDisable(true);
        Button refresh = new Button("Look again");
        refresh.setId("findings-refresh");
        Label said = new Label();
        said.setId("findings-said");
        said.setWrapText(true);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, f) -> {
            means.setText(f == null ? "" : f.means());
            fix.setText(f == null ? "" : (f.fix().canApply() ? "Fix: " : "Fix (yours to make): ") + f.fix().text());
            apply.setDisable(f == null || !f.fix().canApply());
        });
        BorderPane root = new BorderPane(table);
        Stage stage = Windows.stage(owner, "Findings", root, 900, 560);
        Runnable look = () -> look(hosts, controller, findings, said);
        refresh.setOnAction(e -> look.run());
        apply.setOnAction(e -> {
            Finding f = table.getSelectionModel().getSelectedItem();
            if (f != null && confirmed(stage, f)) apply(f, hosts, controller, said, () -> findings.remove(f));
        });
        VBox bottom = new VBox(6, means, fix, new HBox(8, apply, refresh), said);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        root.setBottom(bottom);
        root.setPadding(new Insets(10));
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F5), look);
        look.run();
        stage.show();
        return stage;
    }

    /** Reads what the window knows (FX thread), then what needs the computer (off it), then lists the findings. */
    private static void look(ObservableList<HostModel> hosts, HostsController controller, ObservableList<Finding> findings, Label said) {
        List<HostModel> known = List.copyOf(hosts);
        record Seen(HostModel model, String name, dev.portolan.inventory.HostInventory inventory,
                java.util.Map<String, List<dev.portolan.inventory.Trouble>> troubles) {}
        List<Seen> seen = known.stream().map(h -> new Seen(h, h.name(), h.inventory(), h.troublesProperty().get())).toList();
        said.setText("Looking…");
        Job.start("Findings", progress -> {
            List<Findings.Host> input = new ArrayList<>();
            for (Seen s : seen) {
                boolean simulated = s.model().key().kind() == HostKey.Kind.SIMULATED;
                Optional<Instant> expiry = simulated && s.model().endpoint().tlsDir() != null
                        ? CertificateDates.notAfter(s.model().endpoint().tlsDir().resolve("cert.pem")) : Optional.empty();
                Set<Integer> taken = s.model().key().kind() == HostKey.Kind.LOCAL && s.inventory() != null
                        ? portsTakenHere(s.inventory()) : Set.of();
                input.add(new Findings.Host(s.name(), s.inventory(), s.troubles(), expiry, taken, simulated));
            }
            return Findings.of(input, Instant.now());
        }, null, ended -> {
            switch (ended) {
                case Job.Outcome.Done<List<Finding>> done -> {
                    findings.setAll(done.value());
                    said.setText(StatusText.plural(done.value().size(), "finding") + " on " + StatusText.plural(seen.size(), "host")
                            + ". Select one to see what it means and its fix.");
                }
                case Job.Outcome.Failed<List<Finding>> failed -> said.setText("Could not look: " + failed.message());
                case Job.Outcome.Cancelled<List<Finding>> c -> said.setText("");
            }
        });
    }

    /**
     * The host ports that stopped containers of the local engine want and that something else on
     * this computer holds now: tried by binding them for a moment, on every address as Docker would.
     */
    private static Set<Integer> portsTakenHere(dev.portolan.inventory.HostInventory inventory) {
        Set<Integer> held = new HashSet<>();
        for (ContainerInfo c : inventory.containers().values()) {
            if (c.isRunning()) continue;
            for (ContainerInfo.PortMapping p : c.ports()) {
                if (p.hostPort() == 0 || !p.protocol().equals("tcp")) continue;
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(p.hostPort()));
                } catch (IOException e) {
                    held.add(p.hostPort());
                }
            }
        }
        return held;
    }

    private static boolean confirmed(Stage owner, Finding f) {
        boolean removes = f.fix().action() == Finding.Action.REMOVE_VOLUME || f.fix().action() == Finding.Action.REMOVE_IMAGE;
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, f.fix().text(), ButtonType.CANCEL,
                new ButtonType(removes ? "Remove" : "Apply", javafx.scene.control.ButtonBar.ButtonData.OK_DONE));
        alert.initOwner(owner);
        alert.setHeaderText(f.what());
        alert.setTitle("Apply the fix?");
        return alert.showAndWait().map(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    /** Applies a fix on its host, off the FX thread; says how it went; a fix that worked takes its finding off the list. */
    private static void apply(Finding f, ObservableList<HostModel> hosts, HostsController controller, Label said, Runnable fixed) {
        HostModel host = hosts.stream().filter(h -> h.name().equals(f.host())).findFirst().orElse(null);
        Optional<HostSession> session = host == null ? Optional.empty() : controller.session(host);
        if (f.fix().action() != Finding.Action.RENEW_CERTIFICATES && session.map(s -> !s.isConnected()).orElse(true)) {
            said.setText(f.host() + " is not connected: the fix was not applied. Wait until it is live again.");
            return;
        }
        HostOperations operations = session.map(HostSession::operations).orElse(null);
        var local = controller.localEngine();
        said.setText("Applying: " + f.fix().text());
        Job.start("Apply fix", progress -> {
            switch (f.fix().action()) {
                case REMOVE_VOLUME -> operations.removeVolume(f.subject());
                case REMOVE_IMAGE -> operations.removeImage(f.subject());
                case STOP_CONTAINER -> operations.stop(f.subject());
                case RENEW_CERTIFICATES -> local.renewCertificates(f.host(), progress);
                case NONE -> { }
            }
            return f;
        }, null, ended -> {
            switch (ended) {
                case Job.Outcome.Done<Finding> done -> {
                    said.setText("Done: " + f.fix().text());
                    fixed.run();
                }
                case Job.Outcome.Failed<Finding> failed -> said.setText("The fix failed: " + failed.message());
                case Job.Outcome.Cancelled<Finding> c -> said.setText("Cancelled.");
            }
        });
    }
}
