package dev.portolan.ui.images;

import dev.portolan.image.FileChange;
import dev.portolan.image.FileTree;
import dev.portolan.image.ImageContents;
import dev.portolan.image.ImageLayer;
import dev.portolan.ui.StatusText;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * The files of one layer as a tree: name, size, the change (a sign with the word), the
 * layer it came from. Rows are made when a folder is opened; small trees open by themselves.
 */
final class LayerFilesView {

    /** A layer's tree opens by itself while it shows no more rows than this. */
    private static final int SMALL_TREE = 60;

    private final TreeTableView<FileTree.Node> files = new TreeTableView<>();
    private final AtomicInteger request = new AtomicInteger();

    LayerFilesView() {
        files.setId("layer-files");
        TreeTableColumn<FileTree.Node, String> name = treeColumn("Name", FileTree.Node::name, 420);
        TreeTableColumn<FileTree.Node, String> size = treeColumn("Size", n -> StatusText.bytes(n.size()), 90);
        TreeTableColumn<FileTree.Node, String> change = treeColumn("Change", LayerFilesView::changeText, 110);
        change.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("change-added", "change-modified", "change-removed");
                if (!empty && text != null && !text.isEmpty()) {
                    getStyleClass().add("change-" + text.substring(2).toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        TreeTableColumn<FileTree.Node, String> layer = treeColumn("From layer", n -> n.layer() < 0 ? "" : "#" + n.layer(), 90);
        files.getColumns().addAll(List.of(name, size, change, layer));
        files.setShowRoot(false);
        files.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        files.setPlaceholder(new Label("The files appear once the image's archive has been read."));
    }

    /** "+ Added", "~ Modified", "− Removed": a sign with the word, never the colour alone. */
    static String changeText(FileTree.Node node) {
        if (node.change() == null) return "";
        return switch (node.change()) {
            case ADDED -> "+ Added";
            case MODIFIED -> "~ Modified";
            case REMOVED -> "− Removed";
        };
    }

    Node node() {
        return files;
    }

    /** A layer's files, computed off the FX thread (a merged tree can hold many thousands); the newest request wins. */
    void show(ImageContents read, ImageLayer layer, boolean mergedTree) {
        int asked = this.request.incrementAndGet();
        Thread.ofVirtual().name("layer-files").start(() -> {
            List<FileChange> list = mergedTree ? read.mergedUpTo(layer.index()) : read.changesOf(layer.index());
            FileTree.Node root = FileTree.of(list);
            Platform.runLater(() -> {
                if (asked != this.request.get()) return;
                LazyItem top = new LazyItem(root);
                expand(top, new int[] {SMALL_TREE});
                files.setRoot(top);
                files.setPlaceholder(new Label(layer.isEmpty() ? "This step changed only the image's settings: no files."
                        : "No files."));
            });
        });
    }

    /** Opens folders, so a small change is seen at a glance, until {@code budget} rows are shown. */
    private static void expand(TreeItem<FileTree.Node> item, int[] budget) {
        if (item.isLeaf() || budget[0] < item.getValue().children().size()) return;
        budget[0] -= item.getValue().children().size();
        item.setExpanded(true);
        for (TreeItem<FileTree.Node> child : item.getChildren()) expand(child, budget);
    }

    /** A tree row whose children are made when first opened: a layer can hold tens of thousands of files. */
    private static final class LazyItem extends TreeItem<FileTree.Node> {
        private boolean loaded;

        LazyItem(FileTree.Node node) {
            super(node);
        }

        @Override
        public boolean isLeaf() {
            return getValue().children().isEmpty();
        }

        @Override
        public javafx.collections.ObservableList<TreeItem<FileTree.Node>> getChildren() {
            if (!loaded) {
                loaded = true;
                super.getChildren().setAll(getValue().children().stream().map(LazyItem::new).toList());
            }
            return super.getChildren();
        }
    }

    private static <V> TreeTableColumn<FileTree.Node, V> treeColumn(String title, Function<FileTree.Node, V> value,
            double width) {
        TreeTableColumn<FileTree.Node, V> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue().getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
