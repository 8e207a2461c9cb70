package dev.portolan;

import dev.portolan.app.Logging;
import dev.portolan.app.UserDirectories;
import dev.portolan.ui.PortolanApp;

/** Starts Portolan's window. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Logging.start(UserDirectories.forThisUser());
        PortolanApp.launchApp(args);
    }
}
