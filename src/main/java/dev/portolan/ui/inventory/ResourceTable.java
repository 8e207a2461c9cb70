package dev.portolan.ui.inventory;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
    private int toolCount;

    public ResourceTable(String id, ObservableList<T> items, Function<T, String> searchText,
            ObjectProperty<Object> selection) {
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
        table.setPlaceholder(new Label("Nothing here yet."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) selection.set(item);
        });
        // keep the details pane on the same resource when its row is replaced by a newer record
        items.addListener((javafx.collections.ListChangeListener<T>) change -> {
            T item = table.getSelectionModel().getSelectedItem();
            if (item != null && selection.get() != item && sameKind(selection.get(), item)) selection.set(item);
        });
        count.textProperty().bind(javafx.beans.binding.Bindings.size(sorted).asString("%d shown"));
        count.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolbar.getItems().addAll(spacer, count, filter);
        root = new BorderPane(table);
        root.setTop(toolbar);
    }

    private static boolean sameKind(Object a, Object b) {
        return a != null && b != null && a.getClass() == b.getClass();
    }

    public <V> TableColumn<T, V> column(String title, Function<T, V> value, double width) {
        TableColumn<T, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        table.getColumns().add(column);
        return column;
    }

    public TableView<T> table() {
        return table;
    }

    /** Buttons go on the left, in the order given; the filter box stays on the right. */
    public void addTools(Node... tools) {
        toolbar.getItems().addAll(toolCount, java.util.List.of(tools));
        toolCount += tools.length;
    }

    public Node root() {
        return root;
    }
}
