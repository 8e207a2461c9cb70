package dev.portolan.ui.inventory;

import dev.portolan.inventory.ImageInfo;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.model.HostModel;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;

/** The images of a host: tags, id, size, layers, age. */
public final class ImagesView {

    private final ResourceTable<ImageInfo> table;

    public ImagesView(HostModel host, ObjectProperty<Object> selection) {
        table = new ResourceTable<>("images", host.images(), ImageInfo::id, i -> String.join(" ", i.tags()) + " " + i.id(), selection);
        table.column("Tags", i -> i.tags().isEmpty() ? "<none>" : String.join(", ", i.tags()), 260);
        table.column("Id", ImageInfo::shortId, 120);
        TableColumn<ImageInfo, Long> size = table.column("Size", ImageInfo::sizeBytes, 90);
        size.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long bytes, boolean empty) {
                super.updateItem(bytes, empty);
                setText(empty || bytes == null ? null : StatusText.bytes(bytes));
            }
        });
        table.column("Layers", i -> i.layers().size(), 70);
        table.column("Created", i -> Formats.ago(i.created()), 110);
        table.column("Used by", i -> host.inventory() == null ? 0
                : host.inventory().containers().values().stream().filter(c -> i.id().equals(c.imageId())).count(), 80);
    }

    public Node root() {
        return table.root();
    }
}
