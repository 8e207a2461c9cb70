package dev.portolan.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Read-only table columns whose cells show a value worked out from the row, whole in a tooltip. */
public final class Columns {

    private Columns() {}

    /** A column showing {@code value} of each row, {@code width} wide (0: the table decides). */
    public static <T, V> TableColumn<T, V> of(String title, double width, Function<T, V> value) {
        TableColumn<T, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TextCell<>(Object::toString));
        if (width > 0) column.setPrefWidth(width);
        return column;
    }

    /**
     * A cell that shows its value's text, and the same text in a tooltip: a narrow column
     * cuts a long value ("0.0.0.0:8080→80/tcp, …") behind "…", and hovering reads it whole.
     */
    public static class TextCell<T, V> extends javafx.scene.control.TableCell<T, V> {
        private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        private final Function<? super V, String> words;

        public TextCell(Function<? super V, String> words) {
            this.words = words;
        }

        @Override
        protected void updateItem(V value, boolean empty) {
            super.updateItem(value, empty);
            String text = empty || value == null ? null : words.apply(value);
            setText(text);
            whole.setText(text);
            setTooltip(text == null || text.isEmpty() ? null : whole);
        }
    }
}
