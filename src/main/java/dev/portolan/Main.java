package dev.portolan;

import dev.portolan.app.Logging;
import dev.portolan.app.UserDirectories;
import dev.portolan.cli.LabCommands;
import dev.portolan.ui.PortolanApp;
import java.io.PrintWriter;

/** Starts Portolan: the command line when the first argument is one of its commands, else the window. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Logging.start(UserDirectories.forThisUser());
        if (args.length > 0 && LabCommands.NAMES.contains(args[0])) {
            System.exit(LabCommands.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
        }
        PortolanApp.launchApp(args);
    }
}
