package dev.portolan.ui;

import javafx.beans.property.BooleanProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.ScrollEvent;

/**
 * "Follow" on a list that grows at its end (a log, the events): while on, the newest row is in
 * view; scrolling up to read turns it off, so the view does not jump to each new line under the
 * reader's eyes; turning it on brings the newest back at once. FX thread only.
 */
public final class FollowNewest {

    private final BooleanProperty follow;
    private final ObservableList<?> rows;
    private final java.util.function.IntConsumer scrollTo;

    private FollowNewest(javafx.scene.Node view, BooleanProperty follow, ObservableList<?> rows,
            java.util.function.IntConsumer scrollTo) {
        this.follow = follow;
        this.rows = rows;
        this.scrollTo = scrollTo;
        view.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) follow.set(false);
        });
        follow.addListener((obs, was, on) -> show());
    }

    public static FollowNewest on(ListView<?> view, BooleanProperty follow) {
        return new FollowNewest(view, follow, view.getItems(), view::scrollTo);
    }

    public static FollowNewest on(TableView<?> view, BooleanProperty follow) {
        return new FollowNewest(view, follow, view.getItems(), view::scrollTo);
    }

    /** Brings the newest row into view, when following: call it after rows are added (and once the window shows). */
    public void show() {
        if (follow.get() && !rows.isEmpty()) scrollTo.accept(rows.size() - 1);
    }
}
