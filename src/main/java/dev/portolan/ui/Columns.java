package dev.portolan.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Read-only table columns whose cells show a value worked out from the row. */
public final class Columns {

    private Columns() {}

    /** A column showing {@code value} of each row, {@code width} wide (0: the table decides). */
    public static <T, V> TableColumn<T, V> of(String title, double width, Function<T, V> value) {
        TableColumn<T, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        if (width > 0) column.setPrefWidth(width);
        return column;
    }
}
