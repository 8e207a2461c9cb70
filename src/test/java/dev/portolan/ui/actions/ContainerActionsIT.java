package dev.portolan.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Container actions from the Containers tab, checked on the engine through the API. */
class ContainerActionsIT extends WindowTest {

    @BeforeEach
    void openContainersTab() throws Exception {
        engine.cleanUp();
        open(EndpointResolver.forThisProcess());
        waitFor("the local host is live", Duration.ofSeconds(10), () -> window.hosts().getFirst().isLive());
        click("#tab-containers");
    }

    @SuppressWarnings("unchecked")
    private TableView<ContainerInfo> table() {
        return FxThread.get(() -> robot.lookup("#containers-table").queryAs(TableView.class));
    }

    private void selectRow(String name) {
        waitFor(name + " is in the table", Duration.ofSeconds(2),
                () -> table().getItems().stream().anyMatch(c -> c.name().equals(name)));
        type("#containers-filter", name);
        waitFor("only " + name + " is shown", Duration.ofSeconds(2), () -> table().getItems().size() == 1);
        // the name is on other tabs' tables too (a volume's users): click the row in this one
        javafx.scene.Node table = FxThread.get(() -> robot.lookup("#containers-table").query());
        click(FxThread.get(() -> robot.from(table).lookup((javafx.scene.control.Labeled l) -> name.equals(l.getText()))
                .<javafx.scene.Node>query()));
        waitFor(name + " is selected", Duration.ofSeconds(2),
                () -> table().getSelectionModel().getSelectedItems().size() == 1);
    }

    private String state(String id) {
        return engine.docker().inspectContainerCmd(id).exec().getState().getStatus();
    }

    private String message() {
        return text("#status-message");
    }

    @Test
    void aContainerStartedOutsideAppearsAndStopsFromItsButton() {
        String name = TestEngine.uniqueName("stop-me");
        String id = engine.runSleeper(name);
        selectRow(name);
        // a cell cut short in a narrow column is read whole by hovering: its tooltip has all of it
        var cells = FxThread.get(() -> robot.from(robot.lookup("#containers-table").<javafx.scene.Node>query()).lookup(".table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class).stream().filter(c -> c.getText() != null && !c.getText().isEmpty())
                .map(c -> c.getText() + " | " + (c.getTooltip() == null ? null : c.getTooltip().getText())).toList());
        String networks = engine.docker().inspectContainerCmd(id).exec().getNetworkSettings().getNetworks().get("bridge").getIpAddress();
        assertTrue(cells.contains("bridge " + networks + " | bridge " + networks), "its networks, whole in a tooltip: " + cells);
        assertTrue(cells.contains("▶ running | ▶ running"), "its state too: " + cells);
        click("#container-stop");
        waitFor("the engine says it exited", Duration.ofSeconds(10), () -> state(id).equals("exited"));
        waitFor("the table shows it exited", Duration.ofSeconds(2), () -> table().getItems().getFirst()
                .state() == ContainerInfo.State.EXITED);
        waitFor("the status bar says so", Duration.ofSeconds(2), () -> message().equals("Stopped " + name));
        click("#container-start");
        waitFor("the engine says it runs again", Duration.ofSeconds(5), () -> state(id).equals("running"));
    }

    @Test
    void removeAsksFirstAndKeepsVolumesUnlessTicked() {
        String name = TestEngine.uniqueName("remove-me");
        String id = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(name)
                .withLabels(Map.of(TestEngine.LABEL, "true")).withCmd("sleep", "3600")
                .withVolumes(new Volume("/data")).withHostConfig(HostConfig.newHostConfig()).exec().getId();
        String anonymous = engine.docker().inspectContainerCmd(id).exec().getMounts().getFirst().getName();
        selectRow(name);
        click("#container-remove");
        click("Cancel");
        assertEquals("created", state(id), "cancel leaves the container alone");

        click("#container-remove");
        waitFor("the dialog asks", Duration.ofSeconds(2), () -> robot.lookup("#remove-volumes").tryQuery().isPresent());
        assertFalse(FxThread.get(() -> robot.lookup("#remove-volumes").queryAs(javafx.scene.control.CheckBox.class)
                .isSelected()), "volumes are not removed by default");
        click("#confirm-remove");
        waitFor("the container is gone from the table", Duration.ofSeconds(5), () -> table().getItems().isEmpty());
        assertTrue(engine.docker().listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec().isEmpty());
        assertEquals(anonymous, engine.docker().inspectVolumeCmd(anonymous).exec().getName(), "its volume is kept");
        engine.docker().removeVolumeCmd(anonymous).exec();
    }

    @Test
    void anActionOnAContainerThatVanishedSaysSoAndTheModelStaysRight() {
        String name = TestEngine.uniqueName("vanishing");
        String id = engine.create(name);
        selectRow(name);
        ContainerInfo stale = FxThread.get(() -> table().getSelectionModel().getSelectedItem());
        engine.docker().removeContainerCmd(id).withForce(true).exec();
        FxThread.run(() -> new ContainerActions(window.runner()).apply(sessionOf(), ContainerActions.Action.START,
                List.of(stale)));
        waitFor("a clear message", Duration.ofSeconds(5), () -> message().contains("It may have been removed meanwhile"));
        assertTrue(message().startsWith("Start " + name + " failed: No such container"), message());
        waitFor("the table no longer has it", Duration.ofSeconds(2), () -> table().getItems().isEmpty());
    }

    @Test
    void runDialogChecksInputAndStartsTheContainer() {
        String name = TestEngine.uniqueName("from-dialog");
        click("#run-container");
        waitFor("the dialog opens", Duration.ofSeconds(5), () -> exists("#run-ports"));
        List<String> labels = FxThread.get(() -> robot.lookup("#run-ports").query().getParent().getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.control.Label l && !l.getText().isEmpty()).map(n -> (javafx.scene.control.Label) n)
                .map(l -> l.getText() + " shown as " + ((javafx.scene.text.Text) l.lookup(".text")).getText()).toList());
        assertEquals(8, labels.size(), labels.toString());
        assertTrue(labels.stream().allMatch(l -> l.split(" shown as ")[0].equals(l.split(" shown as ")[1])), "no label cut short: " + labels);
        type("#run-ports", "80");
        waitFor("the bad port is named", Duration.ofSeconds(2), () -> text("#run-problems").contains("'80' should look like"));
        assertTrue(FxThread.get(() -> robot.lookup("#run-confirm").query().isDisabled()), "Run is disabled");
        retype("#run-ports", "127.0.0.1:0:80");
        type("#run-name", name);
        type("#run-command", "httpd -f -p 80 -h /var/www");
        waitFor("no problems left", Duration.ofSeconds(2), () -> text("#run-problems").isEmpty());
        click("#run-confirm");
        waitFor("the engine runs it", Duration.ofSeconds(10), () -> engine.docker().listContainersCmd()
                .withNameFilter(List.of(name)).exec().stream().anyMatch(c -> "running".equals(c.getState())));
        // clean-up goes by label; this one was made by the app, so remove it by name
        engine.docker().removeContainerCmd(name).withForce(true).exec();
    }

    private static boolean lastInView(ListView<?> view) {
        return FxThread.get(() -> {
            var flow = (javafx.scene.control.skin.VirtualFlow<?>) view.lookup(".virtual-flow");
            var last = flow == null ? null : flow.getLastVisibleCell();
            return last != null && last.getIndex() == view.getItems().size() - 1;
        });
    }

    @Test
    void logsAndExecShowWhatTheContainerSays() {
        String name = TestEngine.uniqueName("talker");
        String id = engine.create(name, "sh", "-c", "echo hello from portolan; echo second line; seq 1 100; sleep 3600");
        engine.docker().startContainerCmd(id).exec();
        selectRow(name);
        click("#container-logs");
        waitFor("the log shows both lines", Duration.ofSeconds(5), () -> robot.lookup("#log-lines")
                .queryAs(ListView.class).getItems().containsAll(List.of("hello from portolan", "second line", "100")));
        ListView<?> lines = robot.lookup("#log-lines").queryAs(ListView.class);
        waitFor("it follows: the newest line is in view", Duration.ofSeconds(5), () -> lastInView(lines));
        robot.moveTo(lines).scroll(5, javafx.geometry.VerticalDirection.UP);
        waitFor("scrolling up to read turns Follow off", Duration.ofSeconds(5),
                () -> !FxThread.get(() -> robot.lookup("#log-follow").queryAs(javafx.scene.control.CheckBox.class).isSelected()));
        waitFor("the view stays where the reader is", Duration.ofSeconds(5), () -> !lastInView(lines));
        click("#log-follow");
        waitFor("Follow brings the newest line back", Duration.ofSeconds(5), () -> lastInView(lines));
        type("#log-search", "second");
        waitFor("the search filters the lines", Duration.ofSeconds(2),
                () -> robot.lookup("#log-lines").queryAs(ListView.class).getItems().equals(List.of("second line")));
        type("#log-search", "zz");
        waitFor("a search that matches nothing says so", Duration.ofSeconds(2), () -> robot.lookup("#log-empty").tryQuery()
                .map(l -> ((javafx.scene.control.Label) l).getText().equals("No line contains 'secondzz'.")).orElse(false));
        FxThread.run(() -> robot.lookup("#log-lines").query().getScene().getWindow().hide());

        // a container that prints nothing: its window says so rather than stay blank
        String quiet = TestEngine.uniqueName("quiet");
        engine.docker().startContainerCmd(engine.create(quiet, "sleep", "3600")).exec();
        FxThread.run(() -> robot.lookup("#containers-filter").queryAs(javafx.scene.control.TextField.class).clear());
        selectRow(quiet);
        click("#container-logs");
        waitFor("the empty log says why", Duration.ofSeconds(5), () -> robot.lookup("#log-empty").tryQuery()
                .map(l -> ((javafx.scene.control.Label) l).getText().startsWith(quiet + " has written nothing to its output yet"))
                .orElse(false));
        FxThread.run(() -> robot.lookup("#log-lines").query().getScene().getWindow().hide());
        FxThread.run(() -> robot.lookup("#containers-filter").queryAs(javafx.scene.control.TextField.class).clear());
        selectRow(name);

        ContainerInfo container = FxThread.get(() -> table().getSelectionModel().getSelectedItem());
        FxThread.run(() -> new ContainerActions(window.runner()).exec(sessionOf(), container, null));
        retype("#exec-command", "cat /var/www/index.html");
        click("#exec-run");
        waitFor("the output is shown", Duration.ofSeconds(5), () -> robot.lookup("#exec-output")
                .queryAs(TextArea.class).getText().contains("Hello from Portolan"));
        assertEquals("Exit code 0", text("#exec-result"));
    }


    private dev.portolan.ui.model.HostSession sessionOf() {
        return window.session(window.hosts().getFirst());
    }
}
