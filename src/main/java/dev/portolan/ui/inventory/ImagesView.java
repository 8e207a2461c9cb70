package dev.portolan.ui.inventory;

import dev.portolan.inventory.ImageInfo;
import dev.portolan.ui.Buttons;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.images.ImageActions;
import dev.portolan.ui.model.HostModel;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

/**
 * The images of a host: tags, id, size, layers, age, which other hosts hold them; with
 * their layers, build, pull and copy to other hosts.
 */
public final class ImagesView {

    private final ResourceTable<ImageInfo> table;
    private final HostModel host;
    private final ImageActions images;

    public ImagesView(HostModel host, ObjectProperty<Object> selection, ImageActions images) {
        this.host = host;
        this.images = images;
        table = new ResourceTable<>("images", host.images(), ImageInfo::id, i -> String.join(" ", i.tags()) + " " + i.id(), selection);
        table.column("Tags", i -> i.tags().isEmpty() ? "<none>" : String.join(", ", i.tags()), 240);
        table.column("Id", ImageInfo::shortId, 110);
        TableColumn<ImageInfo, Long> size = table.column("Size", ImageInfo::sizeBytes, 80);
        size.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long bytes, boolean empty) {
                super.updateItem(bytes, empty);
                setText(empty || bytes == null ? null : StatusText.bytes(bytes));
            }
        });
        table.column("Layers", i -> i.layers().size(), 60);
        table.timeColumn("Created", ImageInfo::created, 100);
        table.column("Used by", i -> host.inventory() == null ? 0
                : host.inventory().containers().values().stream().filter(c -> i.id().equals(c.imageId())).count(), 70);
        table.column("Also on hosts", i -> String.join(", ", images.hostsWithImage(i.id(), host)), 140);
        images.imagesChangedProperty().addListener((obs, old, now) -> table.table().refresh());
        table.setEmptyText("No images on this host yet. Build one from a folder with a Dockerfile (Build…), pull one"
                + " (Pull…), or copy one here from another host.");

        var selected = table.table().getSelectionModel().getSelectedItems();
        var notOne = Bindings.size(selected).isNotEqualTo(1);
        Button layers = Buttons.of("Layers", "image-layers", this::showLayers);
        layers.disableProperty().bind(notOne);
        Button copy = Buttons.of("Copy to hosts…", "image-copy", () -> one().ifPresent(i -> images.copy(host, i, window())));
        copy.disableProperty().bind(notOne);
        Button stack = Buttons.of("Stack", "image-stack", () -> one().ifPresent(i -> images.stack(host, i, null, window())));
        stack.disableProperty().bind(notOne);
        Button graph = Buttons.of("Layer graph", "image-graph", () -> images.graph(host, window()));
        Button build = Buttons.of("Build…", "image-build", () -> images.build(host, window()));
        Button pull = Buttons.of("Pull…", "image-pull", () -> images.pull(host, window()));
        table.addTools(layers, stack, graph, copy, build, pull);
        table.table().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) showLayers();
        });
        table.table().setRowFactory(view -> {
            TableRow<ImageInfo> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) showLayers();
            });
            return row;
        });
    }

    public Node root() {
        return table.root();
    }

    private void showLayers() {
        one().ifPresent(image -> images.layers(host, image, window()));
    }

    private java.util.Optional<ImageInfo> one() {
        List<ImageInfo> selected = table.table().getSelectionModel().getSelectedItems();
        return selected.size() == 1 ? java.util.Optional.of(selected.getFirst()) : java.util.Optional.empty();
    }


    private Window window() {
        return table.table().getScene() == null ? null : table.table().getScene().getWindow();
    }
}
