package dev.portolan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portolan.testing.FxThread;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A wrapped line is read whole at any width, in the app's own theme: never cut to "…". */
class WrappingCellIT {

    /** An apply's closing line, as the Lab window showed it cut after "api-2 1.1 s →". */
    private static final String CLOSING_LINE = "9.9 s  9 steps done in 9.8 s; critical path (the host that finished last):"
            + " node1: create simulated host node1 4.2 s → node1: copy image busybox:1.36 to node1 0.6 s → node1: create"
            + " container db 0.7 s → node1: api: wait until db is healthy 2.1 s → node1: create container api-2 1.1 s →"
            + " node1: create container web 0.8 s → node1: db is healthy 0.0 s";

    private Stage stage;

    @AfterEach
    void close() throws Exception {
        FxToolkit.hideStage();
    }

    @Test
    void aLongLineIsDrawnWholeAtEveryWidth() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        ListView<String> list = FxThread.get(() -> {
            ListView<String> l = new ListView<>();
            l.setCellFactory(WrappingCell.of(line -> line));
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 9; i++) rows.add(i + ".7 s  node1: create network shop_default (0.3 s)");
            rows.add(CLOSING_LINE);
            l.getItems().setAll(rows);
            Scene scene = new Scene(l, 300, 300);
            PortolanApp.Themes.apply(scene, true);
            stage.setScene(scene);
            stage.show();
            l.scrollTo(rows.size() - 1);
            return l;
        });
        List<String> cut = new ArrayList<>();
        for (int width = 280; width <= 520; width += 6) {
            int w = width;
            FxThread.run(() -> stage.setWidth(w));
            WaitForAsyncUtils.waitForFxEvents();
            String drawn = FxThread.get(() -> drawnClosingLine(list));
            if (!CLOSING_LINE.equals(drawn)) cut.add(w + " px: " + drawn);
        }
        assertEquals(List.of(), cut, "the closing line is drawn whole");
    }

    /** The closing line as its cell draws it, or what shows instead. */
    private static String drawnClosingLine(ListView<String> list) {
        for (var node : list.lookupAll(".list-cell")) {
            ListCell<?> cell = (ListCell<?>) node;
            if (cell.isVisible() && CLOSING_LINE.equals(cell.getText())) {
                return ((javafx.scene.text.Text) cell.lookup(".text")).getText();
            }
        }
        return "(no cell shows it)";
    }
}
