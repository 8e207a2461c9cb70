package dev.portolan.ui.stats;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.ContainerStats;
import dev.portolan.ui.Columns;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.Windows;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A host's top consumers: every running container with its CPU, memory, network and disk,
 * the busiest first, live once a second; its totals at the bottom. Streams all the host's
 * running containers while it is open, and stops when it closes.
 */
public final class TopWindow {

    /** One row: a container and its newest sample. */
    public record Row(String name, ContainerStats stats) {}

    private TopWindow() {}

    public static Stage open(Window owner, HostModel host, HostSession session, StatsDemand demand) {
        ObservableList<Row> rows = FXCollections.observableArrayList();
        TableView<Row> table = new TableView<>(rows);
        table.setId("top-table");
        table.setPlaceholder(new Label("Waiting for the first samples…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                Columns.of("Container", 200, Row::name),
                Columns.of("CPU", 70, r -> StatsFormat.cpu(r.stats().cpuPercent())),
                Columns.of("Memory", 90, r -> StatusText.bytes(r.stats().memoryBytes())),
                Columns.of("Net ↓", 90, r -> StatsFormat.rate(r.stats().netInPerSecond())),
                Columns.of("Net ↑", 90, r -> StatsFormat.rate(r.stats().netOutPerSecond())),
                Columns.of("Disk read", 90, r -> StatsFormat.rate(r.stats().diskReadPerSecond())),
                Columns.of("Disk write", 90, r -> StatsFormat.rate(r.stats().diskWritePerSecond()))));
        table.getColumns().forEach(c -> c.setSortable(false)); // the busiest first, always
        Label totals = new Label();
        totals.setId("top-totals");
        BorderPane root = new BorderPane(table);
        root.setBottom(totals);
        root.setPadding(new Insets(10));
        BorderPane.setMargin(totals, new Insets(8, 0, 0, 0));
        Stage stage = Windows.stage(owner, "Top consumers — " + host.name(), root, 820, 420);
        Runnable release = demand.want(() -> host.inventory() == null ? Map.of() : Map.of(host, host.inventory().containers()
                .values().stream().filter(ContainerInfo::isRunning).map(ContainerInfo::id).collect(Collectors.toSet())));
        Runnable refresh = () -> {
            List<Row> next = new ArrayList<>();
            if (host.inventory() != null) {
                for (ContainerInfo c : host.inventory().containers().values()) {
                    if (c.isRunning()) session.stats().latest(c.id()).ifPresent(s -> next.add(new Row(c.name(), s)));
                }
            }
            next.sort(Comparator.comparingDouble((Row r) -> r.stats().cpuPercent()).reversed().thenComparing(Row::name));
            rows.setAll(next);
            double cpu = next.stream().mapToDouble(r -> r.stats().cpuPercent()).sum();
            long memory = next.stream().mapToLong(r -> r.stats().memoryBytes()).sum();
            totals.setText(StatusText.plural(next.size(), "container") + " · CPU " + StatsFormat.cpu(cpu) + " (100% is one core) · memory "
                    + StatusText.bytes(memory) + (host.isLive() ? "" : " · " + host.name() + " is not live: the last samples"));
        };
        Runnable stop = demand.onTick(refresh);
        stage.setOnHidden(e -> {
            stop.run();
            release.run();
        });
        stage.show();
        return stage;
    }

}
