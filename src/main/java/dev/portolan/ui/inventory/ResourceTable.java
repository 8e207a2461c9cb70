package dev.portolan.ui.inventory;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A sortable table of one kind of resource with a filter box above it; the selected row
 * goes to the shared selection, so the details pane follows.
 */
public final class ResourceTable<T> {

    private final TableView<T> table = new TableView<>();
    private final TextField filter = new TextField();
    private final ToolBar toolbar = new ToolBar();
    private final Label count = new Label();
    private final BorderPane root;
    private boolean updating;
    private java.util.List<String> selectedKeys = java.util.List.of();

    public ResourceTable(String id, ObservableList<T> items, Function<T, String> key, Function<T, String> searchText,
            ObjectProperty<Object> selection) {
        // Rows are replaced in place when a resource changes, and a table drops the selection
        // of a replaced row: remember the selected keys before each change, restore them after.
        // (List listeners run in the order they were added: this one before the table's.)
        items.addListener((ListChangeListener<T>) change -> updating = true);
        FilteredList<T> filtered = new FilteredList<>(items);
        filter.setPromptText("Filter");
        filter.setId(id + "-filter");
        filter.textProperty().addListener((obs, old, text) -> {
            String needle = text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(needle.isEmpty() ? null
                    : item -> searchText.apply(item).toLowerCase(Locale.ROOT).contains(needle));
        });
        SortedList<T> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId(id + "-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("None on this host yet."));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<T>) change -> {
            if (!updating) selectedKeys = table.getSelectionModel().getSelectedItems().stream().map(key).toList();
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && !updating) selection.set(item);
        });
        items.addListener((ListChangeListener<T>) change -> {
            restoreSelection(key);
            updating = false;
            // the details pane follows the newer record of the same resource
            T item = table.getSelectionModel().getSelectedItem();
            if (item != null && selection.get() != item && sameKind(selection.get(), item)) selection.set(item);
        });
        count.textProperty().bind(javafx.beans.binding.Bindings.size(sorted).asString("%d shown"));
        count.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        filter.setPrefColumnCount(18);
        ToolBar filterBar = new ToolBar(filter, spacer, count);
        // actions get a row of their own, so none hides in an overflow menu on a narrow window
        toolbar.setVisible(false);
        toolbar.setManaged(false);
        root = new BorderPane(table);
        root.setTop(new javafx.scene.layout.VBox(filterBar, toolbar));
    }

    private void restoreSelection(Function<T, String> key) {
        if (selectedKeys.isEmpty()) return;
        var model = table.getSelectionModel();
        java.util.Set<String> wanted = java.util.Set.copyOf(selectedKeys);
        java.util.Set<String> have = model.getSelectedItems().stream().map(key).collect(java.util.stream.Collectors.toSet());
        if (have.equals(wanted)) return;
        model.clearSelection();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (wanted.contains(key.apply(table.getItems().get(i)))) model.select(i);
        }
    }

    private static boolean sameKind(Object a, Object b) {
        return a != null && b != null && a.getClass() == b.getClass();
    }

    /** What the empty table says: what to do to fill it. */
    public void setEmptyText(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("empty-hint");
        label.setWrapText(true);
        table.setPlaceholder(label);
    }

    public <V> TableColumn<T, V> column(String title, Function<T, V> value, double width) {
        TableColumn<T, V> column = dev.portolan.ui.Columns.of(title, width, value);
        table.getColumns().add(column);
        return column;
    }

    /** A time, shown as "5 min ago" and sorted by the time itself (as text, "just now" came after "9 days ago"). */
    public TableColumn<T, java.time.Instant> timeColumn(String title, Function<T, java.time.Instant> value, double width) {
        TableColumn<T, java.time.Instant> column = column(title, value, width);
        column.setCellFactory(c -> new dev.portolan.ui.Columns.TextCell<>(Formats::ago));
        column.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        return column;
    }

    public TableView<T> table() {
        return table;
    }

    /** Action buttons, in the order given, on the row under the filter box. */
    public void addTools(Node... tools) {
        toolbar.getItems().addAll(java.util.List.of(tools));
        toolbar.setVisible(true);
        toolbar.setManaged(true);
    }

    public Node root() {
        return root;
    }
}
