package dev.portolan.ui.faults;

import dev.portolan.host.faults.Fault;
import dev.portolan.host.faults.FaultBook;
import dev.portolan.operations.Faults;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults in force, for the window: read once a second off the FX thread from the list
 * the window and `portolan fault` share, healing those whose time is up (also those a
 * command line left behind), and posted to the FX thread with the time to draw timers by.
 */
public final class FaultsModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultsModel.class);

    private final Supplier<Faults> faults;
    private final FaultBook book;
    private final ObservableList<Fault> inForce = FXCollections.observableArrayList();
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.now());
    private final ObjectProperty<Faults.Netem> netem = new SimpleObjectProperty<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faults");
        t.setDaemon(true);
        return t;
    });
    private volatile List<Fault> last = List.of();

    /**
     * @param faults makes the fault operations over the hosts' connections of that moment
     */
    public FaultsModel(Supplier<Faults> faults, FaultBook book) {
        this.faults = faults;
        this.book = book;
        poller.scheduleWithFixedDelay(this::poll, 0, 1, TimeUnit.SECONDS);
    }

    /** The fault operations, over the hosts' connections of this moment; their calls block: run them off the FX thread. */
    public Faults faults() {
        return faults.get();
    }

    public ObservableList<Fault> inForce() {
        return inForce;
    }

    /** The time of the last reading, for timers (FX thread). */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now;
    }

    /** Whether latency can be added here, once asked (null until then). */
    public ReadOnlyObjectProperty<Faults.Netem> netemProperty() {
        return netem;
    }

    /** Reads the list again now (after an injection or a heal), rather than within the second. */
    public void refreshNow() {
        poller.execute(this::poll);
    }

    /** Asks, off the FX thread, whether this kernel has netem, until there is a host to ask on and it is known. */
    public void probeNetem() {
        if (netem.get() != null && netem.get().known()) return; // the kernel does not change under a running app
        poller.execute(() -> {
            try {
                Faults.Netem answer = faults.get().netem();
                Platform.runLater(() -> netem.set(answer));
            } catch (RuntimeException e) {
                LOG.debug("cannot ask for netem yet: {}", e.getMessage());
            }
        });
    }

    private void poll() {
        try {
            List<Fault> list = book.list();
            Instant at = Instant.now();
            if (list.stream().anyMatch(f -> f.isOverdue(at))) {
                faults.get().healOverdue();
                list = book.list();
            }
            boolean changed = !list.equals(last);
            last = list;
            // timers move each second while a timed fault is in force; otherwise only a change is news
            if (changed || list.stream().anyMatch(f -> f.healsAtMillis() != null)) {
                List<Fault> shown = list;
                Platform.runLater(() -> {
                    if (!inForce.equals(shown)) inForce.setAll(shown);
                    now.set(at);
                });
            }
        } catch (RuntimeException e) {
            LOG.debug("faults not read this time: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
