package dev.portolan.ui;

import dev.portolan.inventory.HostStatus;
import dev.portolan.ui.model.HostModel;
import java.time.Instant;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What a host shows when it has nothing to show yet: connecting, or unreachable with the
 * reason, what to do, when the next try is, and a button to try now. As a banner it sits
 * above a host that was live and got lost, so its last picture stays readable.
 */
final class HostStatePane {

    private final HostModel host;
    private final Runnable retry;
    private final Label title = new Label();
    private final Label reason = new Label();
    private final Label countdown = new Label();
    /** Lines that follow a failure's sentence (the end of an engine's log), as they were printed. */
    private final Label logLines = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Button retryNow = new Button("Retry now");
    private final Button start = new Button("Start");
    private final java.util.function.BooleanSupplier startable;
    private final VBox empty;
    private final HBox banner;
    private final Label bannerText = new Label();
    private final Button bannerRetry = new Button("Retry now");

    /**
     * @param startable whether the host can be started from here (a stopped simulated host)
     * @param starter   starts it
     */
    HostStatePane(HostModel host, Runnable retry, java.util.function.BooleanSupplier startable, Runnable starter) {
        this.host = host;
        this.retry = retry;
        this.startable = startable;
        start.setId("host-start-now");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> starter.run());
        title.getStyleClass().add("empty-title");
        reason.getStyleClass().add("empty-text");
        reason.setWrapText(true);
        reason.setMaxWidth(560);
        countdown.getStyleClass().add("empty-hint");
        spinner.setMaxSize(36, 36);
        retryNow.setId("retry-now");
        retryNow.getStyleClass().add("accent");
        retryNow.setOnAction(e -> retry.run());
        logLines.setId("host-failure-log");
        logLines.getStyleClass().add("log-lines");
        logLines.setWrapText(true);
        logLines.setMaxWidth(760);
        empty = new VBox(14, spinner, title, reason, logLines, countdown, retryNow, start);
        empty.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("empty-state");

        bannerText.setWrapText(true);
        bannerRetry.setOnAction(e -> retry.run());
        banner = new HBox(12, bannerText, bannerRetry);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("lost-banner");
        banner.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    VBox emptyState() {
        return empty;
    }

    HBox banner() {
        return banner;
    }

    /** Re-reads the host's status; called on status changes and once a second for the countdown. */
    void refresh() {
        HostStatus status = host.status();
        Instant now = Instant.now();
        boolean lost = status instanceof HostStatus.Lost;
        boolean busy = status instanceof HostStatus.Connecting || status instanceof HostStatus.Creating;
        spinner.setVisible(busy);
        spinner.setManaged(busy);
        retryNow.setVisible(lost);
        retryNow.setManaged(lost);
        boolean canStart = (status instanceof HostStatus.Offline || status instanceof HostStatus.Failed) && startable.getAsBoolean();
        start.setVisible(canStart);
        start.setManaged(canStart);
        start.setText(status instanceof HostStatus.Failed ? "Start again" : "Start");
        switch (status) {
            case HostStatus.Lost l -> {
                title.setText("Cannot reach " + host.name());
                reason.setText(l.reason());
                countdown.setText("Portolan keeps trying in the background: " + StatusText.retryText(l, now) + ".");
                bannerText.setText(host.name() + " is lost: " + l.reason() + " Showing what it had; "
                        + StatusText.retryText(l, now) + ".");
            }
            case HostStatus.Connecting c -> {
                title.setText("Connecting to " + host.name() + "…");
                reason.setText(host.endpoint().address() + " (" + host.endpoint().source() + ")");
                countdown.setText("");
            }
            case HostStatus.Offline o -> {
                title.setText(host.name() + " is " + o.reason());
                reason.setText(startable.getAsBoolean() ? "Start it to see what runs on it: its containers and volumes are kept."
                        : "Start it from the hosts list (right-click) to see what runs on it.");
                countdown.setText("");
            }
            case HostStatus.Creating c -> {
                title.setText("Preparing " + host.name() + "…");
                reason.setText(c.step());
                countdown.setText("");
            }
            case HostStatus.Failed f -> {
                title.setText(host.name() + " failed");
                reason.setId("host-failure");
                // a sentence, the engine's log lines (indented), then what to do
                List<String> lines = f.reason().lines().toList();
                List<String> log = lines.stream().skip(1).filter(l -> l.startsWith("  ")).map(String::strip).toList();
                List<String> said = lines.stream().filter(l -> !l.startsWith("  ")).toList();
                reason.setText(String.join(" ", said));
                logLines.setText(String.join("\n", log));
                countdown.setText("");
            }
            case HostStatus.Live l -> countdown.setText("");
        }
        if (!(status instanceof HostStatus.Failed)) logLines.setText("");
        logLines.setVisible(!logLines.getText().isEmpty());
        logLines.setManaged(logLines.isVisible());
        boolean showBanner = lost && host.inventory() != null;
        banner.setVisible(showBanner);
        banner.setManaged(showBanner);
    }
}
