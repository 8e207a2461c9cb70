package dev.portolan.ui.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestLab;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.diagram.Layout;
import dev.portolan.ui.model.HostModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labs from the GUI (the file dialogs are the one thing stood in for): edit with checks as
 * you type, the plan as ghosts on the diagram, apply, destroy; a new lab from a template,
 * saved and remembered among the recent labs.
 */
class LabWindowIT extends WindowTest {

    @TempDir
    Path dir;

    @BeforeEach
    void openWindow() throws Exception {
        open(new EndpointResolver(Map.of(), dir.resolve("docker"), false));
        waitFor("the local host is live", Duration.ofSeconds(10), () -> window.hosts().getFirst().isLive());
    }

    private HostModel host(String name) {
        return FxThread.get(() -> window.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null));
    }

    /** The apply's closing line as its cell draws it, or "" while no cell shows it. */
    private String closingLine() {
        return FxThread.get(() -> robot.lookup("#lab-lines .list-cell").queryAll().stream()
                .map(c -> (javafx.scene.control.ListCell<?>) c).filter(c -> String.valueOf(c.getItem()).contains("critical path"))
                .map(c -> ((javafx.scene.text.Text) c.lookup(".text")).getText().replace("\n", " ")).findFirst().orElse(""));
    }

    private boolean linesContain(String text) {
        return robot.lookup("#lab-lines").queryListView().getItems().stream().anyMatch(l -> l.toString().contains(text));
    }

    private Layout diagram() {
        return FxThread.get(() -> {
            window.diagram().refreshNow();
            return window.diagram().layout();
        });
    }

    @Test
    void aLabIsPlannedAsGhostsAppliedAndDestroyedFromItsWindow() throws Exception {
        TestLab lab = TestLab.webDb("gui");
        String name = lab.name();
        Path file = lab.writeTo(dir);
        try {
            FxThread.run(() -> window.openLab(file));
            waitFor("the plan is shown", Duration.ofSeconds(10), () -> linesContain("web: create simulated host web"));
            FxThread.run(() -> window.showDiagram(true));
            waitFor("the plan is on the diagram: a host to be made, holding a ghost of web", Duration.ofSeconds(5), () -> {
                Layout.HostBox planned = diagram().host(name + "/web");
                return planned != null && planned.status().startsWith("planned")
                        && diagram().cards().stream().anyMatch(c -> c.host().equals(name + "/web") && c.container().name().equals("web")
                                && c.isGhost());
            });

            click("#lab-apply");
            waitFor("the plan's steps show as to come while the hosts are made", Duration.ofSeconds(5),
                    () -> linesContain(ApplyProgress.PENDING + "web: create simulated host web"));
            waitFor("the lab is applied", Duration.ofSeconds(90),
                    () -> robot.lookup("#lab-outcome").queryLabeled().getText().startsWith("Applied in"));
            assertTrue(FxThread.get(() -> linesContain("web is healthy")), "apply waited for the web's health check");
            assertTrue(FxThread.get(() -> !linesContain(ApplyProgress.PENDING)), "every planned step is ticked off");
            assertTrue(FxThread.get(() -> linesContain("web: create simulated host web (")), "with its duration");
            // the closing line is in view once applied, and read whole, not cut off behind "…"
            waitFor("the long closing line is read whole", Duration.ofSeconds(5), () -> closingLine().endsWith(" s"),
                    () -> "(shown: '" + closingLine() + "')");
            waitFor("its hosts are live in the sidebar", Duration.ofSeconds(20), () -> host(name + "/web") != null
                    && host(name + "/web").isLive() && host(name + "/data") != null && host(name + "/data").isLive());
            waitFor("the ghosts are gone and the real web is drawn", Duration.ofSeconds(10), () -> diagram().cards().stream()
                    .anyMatch(c -> c.host().equals(name + "/web") && c.container().name().equals("web") && !c.container().id().startsWith("plan:")));
            // opened again, the file has nothing left to do, and its list says so rather than waiting for a plan
            FxThread.run(() -> window.openLab(file));
            waitFor("a lab already applied says there is nothing to do", Duration.ofSeconds(10),
                    () -> upToDate().isPresent());
            FxThread.run(() -> upToDate().orElseThrow().getScene().getWindow().hide());

            // a fault on one of its hosts, made as `portolan fault drop` makes it: it goes with the lab
            java.io.StringWriter said = new java.io.StringWriter();
            assertEquals(0, dev.portolan.cli.LabCommands.run(new String[] {"fault", "drop", name + "/data/db", "50%"},
                    new java.io.PrintWriter(said), new java.io.PrintWriter(said)), said.toString());
            waitFor("the toolbar counts the fault", Duration.ofSeconds(5), () -> faultsOn(name) == 1 && faultsCounted());

            click("#lab-remove-data");
            javafx.application.Platform.runLater(() -> robot.lookup("#lab-destroy").queryButton().fire());
            waitFor("destroy asks first", Duration.ofSeconds(3), () -> exists("#confirm-destroy-lab"));
            assertEquals("Destroy", text("#confirm-destroy-lab"), "the button says what it does");
            assertTrue(FxThread.get(() -> robot.lookup("#confirm-destroy-lab").query().getStyleClass().contains("danger")),
                    "drawn as a danger: the hosts' data goes too");
            click("#confirm-destroy-lab");
            waitFor("its hosts leave the sidebar", Duration.ofSeconds(30),
                    () -> host(name + "/web") == null && host(name + "/data") == null);
            waitFor("its data was backed up first (offered, ticked, since the data goes too)", Duration.ofSeconds(10),
                    () -> robot.lookup("#lab-outcome").queryLabeled().getText().contains("backed up first: 1 file in"));
            waitFor("its fault went with it (it stayed listed for a host that was gone)", Duration.ofSeconds(5),
                    () -> faultsOn(name) == 0 && faultsCounted());
        } finally {
            engine.removeLab(name);
        }
    }

    @Test
    void problemsShowWhereTheyAreAndGoAsTheFileIsFixedInTheEditor() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: demo\nhosts:\n  - name: n1\n    provder: simulated\n");
        FxThread.run(() -> window.openLab(file));
        waitFor("the problem is shown where it is", Duration.ofSeconds(5),
                () -> linesContain("bad.yaml:4:5: unknown key 'provder'"));
        // and underlined in the editor, at line 4, column 5: the word provder
        int at = "name: demo\nhosts:\n  - name: n1\n    ".length();
        var styles = FxThread.get(() -> robot.lookup("#lab-editor").queryAs(CodeArea.class).getStyleOfChar(at));
        assertTrue(styles.contains("problem") && styles.contains("key"), "provder is a key, underlined: " + styles);
        int nameAt = "name: demo\nhosts:\n  - ".length();
        var nameStyles = FxThread.get(() -> robot.lookup("#lab-editor").queryAs(CodeArea.class).getStyleOfChar(nameAt));
        assertTrue(nameStyles.contains("key") && !nameStyles.contains("problem"), "name, on the line before, is a key with no problem: "
                + nameStyles);
        assertTrue(FxThread.get(() -> robot.lookup("#lab-apply").query().isDisabled()), "nothing to apply");

        // typed in the editor: checked again as soon as the typing pauses
        click("#lab-editor");
        FxThread.run(() -> {
            var editor = robot.lookup("#lab-editor").queryAs(CodeArea.class);
            editor.replaceText(editor.getText().replace("provder", "provider"));
        });
        waitFor("the plan replaces the problem", Duration.ofSeconds(10), () -> linesContain("n1: create simulated host n1"));
        assertTrue(FxThread.get(() -> !robot.lookup("#lab-editor").queryAs(CodeArea.class).getStyleOfChar(at).contains("problem")),
                "fixed, no longer underlined");
        assertTrue(robot.lookup("#lab-title").queryLabeled().getText().contains("•"), "the title says it is not saved");
        click("#lab-save");
        waitFor("saved", Duration.ofSeconds(3), () -> !robot.lookup("#lab-title").queryLabeled().getText().contains("•"));
        assertTrue(Files.readString(file).contains("provider: simulated"));

        // Ctrl+Space: one offer is put in at once; several are a menu of the file's own names
        FxThread.run(() -> {
            var editor = robot.lookup("#lab-editor").queryAs(CodeArea.class);
            editor.replaceText(editor.getText().replace("hosts:\n", "hosts:\n  - name: n0\n") + "containers:\n  - name: web\n    rest");
            editor.moveTo(editor.getLength());
            editor.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        waitFor("the only key that fits is put in", Duration.ofSeconds(3),
                () -> FxThread.get(() -> robot.lookup("#lab-editor").queryAs(CodeArea.class).getText()).endsWith("    restart: "));
        FxThread.run(() -> {
            var editor = robot.lookup("#lab-editor").queryAs(CodeArea.class);
            editor.replaceText(editor.getText() + "always\n    host: ");
            editor.moveTo(editor.getLength());
        });
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        waitFor("the hosts the file declares are offered", Duration.ofSeconds(3),
                () -> robot.lookup(n -> n instanceof javafx.scene.control.Label l && l.getText().equals("n1")).tryQuery().isPresent());
        click(robot.lookup(n -> n instanceof javafx.scene.control.Label l && l.getText().equals("n1")).<javafx.scene.Node>query());
        waitFor("the chosen host is put in", Duration.ofSeconds(3),
                () -> FxThread.get(() -> robot.lookup("#lab-editor").queryAs(CodeArea.class).getText()).endsWith("    host: n1"));
    }

    /** The placeholder of a lab window whose file has nothing left to do. */
    private java.util.Optional<Label> upToDate() {
        return robot.lookup("#lab-lines-empty").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().startsWith("Every host, network, volume and container the file names is there")).findFirst();
    }

    private String title() {
        return FxThread.get(() -> robot.lookup("#lab-title").queryLabeled().getText());
    }

    @Test
    void aNewLabFromATemplateIsSavedWhereChosenAndRemembered() throws Exception {
        Path file = dir.resolve("mine.yaml");
        LabWindow lab = FxThread.get(() -> window.newLab("web-db.yaml"));
        dialogs.answer(file);
        waitFor("the template is planned", Duration.ofSeconds(10), () -> linesContain("create simulated host web"));
        var editor = robot.lookup("#lab-editor").queryAs(CodeArea.class);
        assertTrue(FxThread.get(() -> editor.getParagraphs().size() > editor.getVisibleParagraphs().size()),
                "the template is longer than the editor shows");
        assertEquals(0, (int) FxThread.get(editor::firstVisibleParToAllParIndex), "it opens at its first line, not its last");
        assertEquals("lab web-db • not saved yet", title(), "named by its lab until it has a file");
        click("#lab-save");
        waitFor("saved where chosen", Duration.ofSeconds(3), () -> Files.exists(file));
        waitFor("named by its file once saved", Duration.ofSeconds(3), () -> title().equals("mine.yaml — lab web-db"));
        assertEquals(dev.portolan.lab.LabTemplates.text("web-db.yaml"), Files.readString(file));
        assertEquals(file.toAbsolutePath(), FxThread.get(() -> window.recentLabs().paths().getFirst()),
                "the newest of the recent labs");
        assertTrue(new RecentLabs(dev.portolan.app.UserDirectories.forThisUser().config()).paths().contains(file.toAbsolutePath()),
                "remembered across restarts");
    }

    @Test
    void aComposeFileImportedOpensAsANewLabListingWhatWasNotMapped() throws Exception {
        Path compose = Files.createDirectories(dir.resolve("shop")).resolve("docker-compose.yml");
        try (var in = getClass().getResourceAsStream("/compose/shop.yaml")) {
            Files.write(compose, in.readAllBytes());
        }
        Files.writeString(compose.resolveSibling("init.sql"), "create table t (id int);\n");
        LabWindow lab = FxThread.get(() -> window.importCompose(compose, 1));
        assertTrue(lab != null, "the import opened a lab window");
        String text = FxThread.get(() -> robot.lookup("#lab-editor").queryAs(CodeArea.class).getText());
        assertTrue(text.startsWith("# Imported from a compose file") && text.contains("#   - services.builder.build"), text);
        assertTrue(text.contains("name: shop"), "named after the compose file's folder");
        assertTrue(text.contains("source: " + compose.resolveSibling("init.sql")) && text.contains("target: /docker-entrypoint-initdb.d/init.sql"),
                "the bind-mounted file is copied to the host: " + text);
        waitFor("it is planned", Duration.ofSeconds(10), () -> linesContain("node1: create container web"));
        waitFor("what was not mapped is said above the plan", Duration.ofSeconds(5), () -> {
            String said = text("#lab-outcome");
            return said.startsWith("Imported docker-compose.yml. ") && said.contains("not mapped; the lab file lists")
                    && said.contains("\nPlan: ");
        });

        // and back to compose, from the same window
        Path out = dir.resolve("exported");
        dialogs.answer(out);
        click("#lab-export-compose");
        waitFor("the compose file is written", Duration.ofSeconds(5), () -> Files.exists(out.resolve("shop-node1.compose.yaml")));
        String outcome = FxThread.get(() -> robot.lookup("#lab-outcome").queryLabeled().getText());
        assertTrue(outcome.startsWith("Wrote shop-node1.compose.yaml in " + out), outcome);
        var read = dev.portolan.lab.ComposeReader.read(java.util.List.of(out.resolve("shop-node1.compose.yaml")),
                dev.portolan.lab.ComposeReader.Options.defaults());
        String again = dev.portolan.lab.ComposeImport.convert(read, dev.portolan.lab.ComposeImport.labName(read, "x"), 1).labYaml();
        assertEquals(dev.portolan.lab.LabFile.parse(text, "a.yaml").containers(), dev.portolan.lab.LabFile.parse(again, "b.yaml").containers(),
                "imported again, the same containers");
    }

    @Test
    void aComposeFileImportedFromTheMenuAsksWhereItsServicesGo() throws Exception {
        Path compose = Files.createDirectories(dir.resolve("spread")).resolve("compose.yaml");
        Files.writeString(compose, """
                services:
                  web: {image: portolan-test/busybox, depends_on: [api]}
                  api: {image: portolan-test/busybox}
                  cache: {image: portolan-test/busybox}
                  mail: {image: portolan-test/busybox}
                """);
        dialogs.answer(compose);
        // the menu item waits for the question to be answered: fired without waiting for it
        javafx.application.Platform.runLater(() -> ((javafx.scene.control.MenuButton) robot.lookup("#labs-menu").query())
                .getItems().stream().filter(i -> "import-compose".equals(i.getId())).findFirst().orElseThrow().fire());
        waitFor("where the services go is asked", Duration.ofSeconds(5), () -> exists("#compose-hosts"));
        @SuppressWarnings("unchecked")
        var choice = (javafx.scene.control.ComboBox<ComposeHostsChoice.Choice>) robot.lookup("#compose-hosts .combo-box").query();
        assertEquals(List.of("1 host: the 4 services reach each other by name, as in compose",
                        "2 hosts: node1: web, api · node2: cache, mail", "3 hosts: node1: web, api · node2: cache · node3: mail"),
                FxThread.get(() -> choice.getItems().stream().map(ComposeHostsChoice.Choice::text).toList()));
        FxThread.run(() -> choice.getSelectionModel().select(1));
        click(FxThread.get(() -> ((javafx.scene.control.DialogPane) robot.lookup("#compose-hosts").query())
                .lookupButton(javafx.scene.control.ButtonType.OK)));
        waitFor("the lab opens on two hosts", Duration.ofSeconds(10), () -> linesContain("node2: create container cache"));
        assertTrue(linesContain("node1: create container web") && linesContain("node2: create container mail"));
        String text = FxThread.get(() -> robot.lookup("#lab-editor").queryAs(CodeArea.class).getText());
        assertTrue(text.contains("#   - node2: cache (talks to no other service); mail (talks to no other service)"), text);
    }
}
