package dev.portolan.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.portolan.app.AppInfo;
import dev.portolan.engine.EndpointResolver;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: one main window. */
public final class PortolanApp extends Application {

    private MainWindow window;

    public static void launchApp(String[] args) {
        Application.launch(PortolanApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        window = open(stage, EndpointResolver.forThisProcess());
        // the start has room to allocate; afterwards the heap is kept small (the tests' JVMs keep their own sizing)
        dev.portolan.app.HeapSettling.after(java.time.Duration.ofSeconds(5));
        // a lab file given as the argument (a double-clicked NAME.portolan): open it
        getParameters().getRaw().stream().map(java.nio.file.Path::of).filter(java.nio.file.Files::isRegularFile).findFirst()
                .ifPresent(window::openLab);
    }

    /** Builds the main window into {@code stage}; tests call it with their own resolver. */
    public static MainWindow open(Stage stage, EndpointResolver resolver) {
        return open(stage, resolver, new FxDialogs());
    }

    /** The window with these file dialogs (tests answer them themselves). */
    public static MainWindow open(Stage stage, EndpointResolver resolver, DialogService dialogs) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindow window = new MainWindow(resolver, dialogs);
        Scene scene = new Scene(window.root(), 1280, 800);
        Themes.apply(scene, dev.portolan.app.Settings.current().darkTheme());
        stage.setScene(scene);
        stage.setTitle(AppInfo.NAME);
        var icon = PortolanApp.class.getResource("/dev/portolan/assets/portolan-icon.png");
        if (icon != null) stage.getIcons().add(new Image(icon.toExternalForm()));
        stage.setOnHidden(e -> window.close());
        FirstFrame.reportWhenDrawn(scene);
        stage.show();
        var settings = dev.portolan.app.Settings.current();
        if (FirstRunWindow.isFirstRun(settings)) {
            settings.save(settings.saved()); // the file now exists: this screen opens by itself once
            window.showWelcome();
        }
        return window;
    }

    @Override
    public void stop() {
        if (window != null) window.close();
    }

    /** Light and dark: AtlantaFX's Primer themes under Portolan's own stylesheet. */
    public static final class Themes {
        private Themes() {}

        public static void apply(Scene scene, boolean dark) {
            Application.setUserAgentStylesheet(dark
                    ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            scene.getStylesheets().setAll(
                    PortolanApp.class.getResource("/dev/portolan/assets/portolan.css").toExternalForm());
            scene.getRoot().getStyleClass().remove("dark");
            if (dark) scene.getRoot().getStyleClass().add("dark");
        }
    }
}
