package dev.portolan.ui.images;

import dev.portolan.ui.model.HostModel;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** A choice of the hosts that are live now, by name. */
final class HostChoice {

    private HostChoice() {}

    static ComboBox<HostModel> of(ImageActions actions, HostModel initial) {
        ComboBox<HostModel> choice = new ComboBox<>(new FilteredList<>(actions.hosts(), HostModel::isLive));
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(HostModel host) {
                return host == null ? "" : host.name();
            }

            @Override
            public HostModel fromString(String name) {
                return actions.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
            }
        });
        choice.setValue(initial);
        return choice;
    }
}
