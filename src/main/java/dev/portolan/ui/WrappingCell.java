package dev.portolan.ui;

import java.util.function.Function;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import javafx.util.Callback;

/**
 * A list cell whose text wraps at the list's width: a long step or problem is read whole,
 * not cut off behind a sideways scroll bar.
 */
public final class WrappingCell<T> extends ListCell<T> {

    /** The list's vertical scroll bar and the cell's own padding. */
    private static final double BESIDE_TEXT = 24;
    /** Room above and below a text that needs more than the theme's height. */
    private static final double LEADING = 8;
    private final Function<T, String> text;
    /** The style class an item's cell takes (its colour), or null for none. */
    private final Function<T, String> style;
    private String styled;

    private WrappingCell(ListView<T> list, Function<T, String> text, Function<T, String> style) {
        this.text = text;
        this.style = style;
        setWrapText(true);
        asWideAsItsList(this, list);
    }

    /** Keeps {@code cell} to {@code list}'s width, so its content wraps or ends in "…" rather than scroll sideways. */
    public static void asWideAsItsList(ListCell<?> cell, ListView<?> list) {
        cell.setMinWidth(0);
        cell.prefWidthProperty().bind(list.widthProperty().subtract(BESIDE_TEXT));
        cell.setMaxWidth(USE_PREF_SIZE);
    }

    /** Cells for {@code list}'s items, each shown as {@code text} says. */
    public static <T> Callback<ListView<T>, ListCell<T>> of(Function<T, String> text) {
        return of(text, item -> null);
    }

    /** As above, each cell also taking the style class {@code style} names for its item (null for none). */
    public static <T> Callback<ListView<T>, ListCell<T>> of(Function<T, String> text, Function<T, String> style) {
        return list -> new WrappingCell<>(list, text, style);
    }

    /**
     * The theme gives every cell one height (-fx-cell-size, 3em), which a third line of text
     * does not fit: such a cell ends in "…". Its height is the theme's or its text's, wrapped
     * at the width the cell will have, whichever is more. The text is measured as a label
     * measures it (centred bounds): measured with plain logical bounds, an apply's closing
     * line came out a line short, at every width from 300 to 480 px, and the label cut it to "…".
     */
    @Override
    protected double computePrefHeight(double width) {
        double themes = super.computePrefHeight(width);
        String shown = getText();
        if (shown == null || shown.isEmpty()) return themes;
        double wide = (width > 0 ? width : getPrefWidth()) - snappedLeftInset() - snappedRightInset();
        if (wide <= 0) return themes;
        Text measured = new Text(shown);
        measured.setFont(getFont());
        measured.setWrappingWidth(wide);
        measured.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER);
        double texts = Math.ceil(measured.getLayoutBounds().getHeight()) + snappedTopInset() + snappedBottomInset() + LEADING;
        return Math.max(themes, texts);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
        if (styled != null) getStyleClass().remove(styled);
        styled = empty || item == null ? null : style.apply(item);
        if (styled != null) getStyleClass().add(styled);
    }
}
