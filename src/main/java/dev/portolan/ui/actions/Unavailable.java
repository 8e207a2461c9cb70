package dev.portolan.ui.actions;

import dev.portolan.ui.StatusText;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** What a host that cannot act now says, in the status bar and first in its things' menus: why, and what to do. */
final class Unavailable {

    private Unavailable() {}

    /** "web-db/web is stopped: start it first (right-click it in Hosts ▸ Start)." */
    static String why(HostModel host) {
        return host == null ? "This host is not connected: wait until it shows as live."
                : StatusText.unavailable(host.name(), host.status());
    }

    /** Says in the status bar why {@code host} cannot act now. */
    static void say(ActionRunner runner, HostSession host) {
        runner.say(new ActionRunner.Message(why(host == null ? null : host.model()), true));
    }

    /** The greyed first line of a menu whose actions the host cannot do now, and a separator. */
    static List<MenuItem> heading(HostModel host, String id) {
        MenuItem why = new MenuItem(why(host));
        why.setId(id);
        why.setDisable(true);
        return List.of(why, new SeparatorMenuItem());
    }
}
