package dev.portolan.ui;

import dev.portolan.app.AppInfo;
import dev.portolan.app.Logging;
import dev.portolan.ui.actions.ActionRunner;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The top bar: the app's name, Open lab, the switch between the diagram and a host's tables, the theme, About. */
final class MainToolbar {

    private final ToolBar root;
    private final Shortcuts shortcuts = new Shortcuts();
    private final ToggleButton diagram;
    private final ToggleButton host;
    /** The first-run screen again (from About): engines found, the sample lab. */
    private final Runnable welcome;

    /**
     * @param chooseLab "Open lab…": asks for a lab file, then opens it
     * @param openLab   opens a recent lab
     */
    MainToolbar(Region window, ActionRunner runner, Runnable chooseLab, java.util.function.Consumer<java.nio.file.Path> openLab,
            java.util.function.Consumer<String> newLab, Runnable importCompose,
            javafx.collections.ObservableList<java.nio.file.Path> recentLabs,
            Runnable showDiagram, Runnable showHost, Runnable welcome,
            javafx.collections.ObservableList<?> faultsInForce, Runnable showFaults) {
        this.welcome = welcome;
        Label name = new Label(AppInfo.NAME);
        name.getStyleClass().add("app-title");
        ToggleButton dark = new ToggleButton("Dark");
        dark.setId("theme-dark");
        dark.setSelected(dev.portolan.app.Settings.current().darkTheme());
        dark.setOnAction(e -> {
            PortolanApp.Themes.apply(window.getScene(), dark.isSelected());
            // kept in the settings file, so the next start opens in the same theme
            var settings = dev.portolan.app.Settings.current();
            var saved = settings.saved();
            settings.save(new dev.portolan.app.Settings.Saved(saved.hostImage(), saved.imageSubstitutes(), dark.isSelected()));
        });
        Button settingsButton = new Button("⚙");
        settingsButton.setId("open-settings");
        settingsButton.setTooltip(new javafx.scene.control.Tooltip("Settings (Ctrl+,)"));
        settingsButton.setOnAction(e -> SettingsWindow.open(window.getScene().getWindow(), dev.portolan.app.Settings.current(),
                saved -> {
                    dark.setSelected(saved.darkTheme());
                    PortolanApp.Themes.apply(window.getScene(), saved.darkTheme());
                }));
        // Labs: new from a template, open a file, or one of the recent ones
        javafx.scene.control.MenuItem open = new javafx.scene.control.MenuItem("Open lab…");
        open.setId("open-lab");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseLab.run());
        javafx.scene.control.Menu fromTemplate = new javafx.scene.control.Menu("New lab from a template");
        for (String template : dev.portolan.lab.LabTemplates.NAMES) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(dev.portolan.lab.LabTemplates.title(template));
            item.setId("new-lab-" + template.replace(".yaml", ""));
            item.setOnAction(e -> newLab.accept(template));
            fromTemplate.getItems().add(item);
        }
        javafx.scene.control.MenuItem compose = new javafx.scene.control.MenuItem("Import a compose file…");
        compose.setId("import-compose");
        compose.setOnAction(e -> importCompose.run());
        javafx.scene.control.MenuButton lab = new javafx.scene.control.MenuButton("Labs");
        lab.setId("labs-menu");
        Runnable fill = () -> {
            lab.getItems().setAll(fromTemplate, open, compose);
            if (!recentLabs.isEmpty()) lab.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            for (java.nio.file.Path recent : recentLabs) {
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(recent.getFileName() + "  —  " + recent.getParent());
                item.setOnAction(e -> openLab.accept(recent));
                lab.getItems().add(item);
            }
        };
        fill.run();
        recentLabs.addListener((javafx.collections.ListChangeListener<java.nio.file.Path>) c -> fill.run());
        Button about = new Button("About");
        about.setId("open-about");
        about.setOnAction(e -> about());
        // the whole cluster as a picture, or the selected host's tables
        javafx.scene.control.ToggleGroup views = new javafx.scene.control.ToggleGroup();
        ToggleButton diagram = new ToggleButton("Diagram");
        diagram.setId("view-diagram");
        ToggleButton host = new ToggleButton("Host details");
        host.setId("view-host");
        diagram.setToggleGroup(views);
        host.setToggleGroup(views);
        diagram.setSelected(true);
        views.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) old.setSelected(true);
            else if (now == diagram) showDiagram.run();
            else showHost.run();
        });
        this.diagram = diagram;
        this.host = host;
        // the faults in force, counted; red while there are any (the panel lists and heals them)
        Button faults = new Button("Faults");
        faults.setId("open-faults");
        faults.setTooltip(new javafx.scene.control.Tooltip("Faults in force: timers, Heal, Heal all (Ctrl+Shift+F)"));
        faults.setOnAction(e -> showFaults.run());
        Runnable count = () -> {
            faults.setText(faultsInForce.isEmpty() ? "Faults" : "Faults · " + faultsInForce.size());
            faults.getStyleClass().remove("faults-active");
            if (!faultsInForce.isEmpty()) faults.getStyleClass().add("faults-active");
        };
        faultsInForce.addListener((javafx.collections.ListChangeListener<Object>) c -> count.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // a separator is horizontal unless told: in a toolbar it showed as a dash between two buttons
        var betweenFilesAndViews = new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
        root = new ToolBar(name, lab, betweenFilesAndViews, diagram, host, faults, spacer, dark, settingsButton, about);
        window.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                shortcuts.put(scene, new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), "Open a lab file", open::fire);
                shortcuts.put(scene, new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), "Settings",
                        settingsButton::fire);
                shortcuts.put(scene, new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        "Dark or light theme", dark::fire);
                shortcuts.put(scene, new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        "Faults in force: timers, Heal, Heal all", faults::fire);
                shortcuts.put(scene, new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), "The diagram",
                        () -> diagram.setSelected(true));
                shortcuts.put(scene, new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                        "The selected host's tables", () -> host.setSelected(true));
                shortcuts.put(scene, new KeyCodeCombination(KeyCode.F1), "This list of shortcuts", this::showShortcuts);
            }
        });
    }

    /** The main window's shortcuts, as they were put on its scene. */
    Shortcuts shortcuts() {
        return shortcuts;
    }

    private void showShortcuts() {
        List<Shortcuts.Section> sections = new ArrayList<>();
        sections.add(new Shortcuts.Section("Main window", shortcuts.main()));
        sections.add(new Shortcuts.Section("Diagram (click it first)", dev.portolan.ui.diagram.DiagramView.KEYS));
        sections.add(new Shortcuts.Section("A tour, and its presenter view", dev.portolan.ui.tours.TourWindow.KEYS));
        sections.add(Shortcuts.EVERY_WINDOW);
        Shortcuts.show(root.getScene().getWindow(), sections);
    }

    ToolBar root() {
        return root;
    }

    /** A menu right of Labs, opened also with Ctrl+Shift+{@code key}. */
    void addMenu(javafx.scene.control.MenuButton menu, KeyCode key) {
        int labs = root.getItems().indexOf(root.getItems().stream().filter(n -> "labs-menu".equals(n.getId())).findFirst().orElseThrow());
        root.getItems().add(labs + 1, menu);
        Runnable add = () -> shortcuts.put(root.getScene(), new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), "The " + menu.getText() + " menu", menu::show);
        if (root.getScene() != null) add.run();
        else root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) add.run();
        });
    }

    /** A tool's button beside Faults, opened also with Ctrl+Shift+{@code key} (⌘⇧ on a Mac). */
    void addTool(String id, String text, String tooltip, KeyCode key, Runnable open) {
        Button tool = new Button(text);
        tool.setId(id);
        tool.setTooltip(new javafx.scene.control.Tooltip(tooltip + " (Ctrl+Shift+" + key.getName() + ")"));
        tool.setOnAction(e -> open.run());
        addTool(tool, new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), text + ": " + tooltip);
    }

    private void addTool(Button tool, KeyCombination shortcut, String what) {
        int faults = root.getItems().indexOf(root.getItems().stream().filter(n -> "open-faults".equals(n.getId())).findFirst().orElseThrow());
        root.getItems().add(faults + 1, tool);
        Runnable add = () -> shortcuts.put(root.getScene(), shortcut, what, tool::fire);
        if (root.getScene() != null) add.run();
        else root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) add.run();
        });
    }

    /** Switches to the diagram (true) or the selected host's tables (false), as the buttons do. */
    void showDiagram(boolean yes) {
        (yes ? diagram : host).setSelected(true);
    }

    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("About " + AppInfo.NAME);
        alert.setHeaderText(AppInfo.NAME + " " + AppInfo.version());
        alert.setContentText("A live map of the Docker hosts on this computer.\n\nJava " + AppInfo.javaVersion()
                + " · JavaFX " + AppInfo.javafxVersion() + "\nLogs: " + Logging.folder() + "\n\nF1 lists the keyboard shortcuts.");
        ButtonType welcomeButton = new ButtonType("Getting started…");
        alert.getButtonTypes().add(0, welcomeButton);
        alert.getDialogPane().lookupButton(welcomeButton).setId("about-welcome");
        // the alert's own width wrapped its first sentence (and cut a longer button's words)
        alert.getDialogPane().setPrefWidth(560);
        alert.showAndWait().filter(b -> b == welcomeButton).ifPresent(b -> welcome.run());
    }
}
