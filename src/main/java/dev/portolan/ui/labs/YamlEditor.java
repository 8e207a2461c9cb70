package dev.portolan.ui.labs;

import dev.portolan.lab.LabProblem;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A lab file's editor, as a code editor is: YAML coloured (keys, strings, numbers and
 * words, comments, anchors), lines numbered, and each problem of the file underlined where
 * it is, its message shown when the pointer rests on it; Ctrl+Space offers the keys and
 * names that may be typed at the caret. The looks are CSS (.yaml-editor).
 */
public final class YamlEditor {

    private static final Pattern TOKENS = Pattern.compile(
            "(?<comment>(?<=^|\\s)#[^\\n]*)"
            + "|(?<key>(?<=^|\\n)[ \\t]*(?:-[ \\t]+)?[^\\s#:\"'\\-][^:\\n]*?(?=:(?:[ \\t]|$|\\n)))"
            + "|(?<string>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*')"
            + "|(?<word>(?<![\\w.:/-])(?:true|false|null|yes|no|-?\\d+(?:\\.\\d+)?)(?![\\w.:/-]))"
            + "|(?<anchor>[&*][\\w.-]+|<<)",
            Pattern.MULTILINE);
    private static final Set<String> NONE = Set.of();

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> pane = new VirtualizedScrollPane<>(area);
    private final Popup hover = new Popup();
    private final Label hoverText = new Label();
    private List<LabProblem> problems = List.of();
    /** What may be typed at the caret, offered with Ctrl+Space. */
    private final javafx.scene.control.ContextMenu completions = new javafx.scene.control.ContextMenu();

    /** What Ctrl+Space offers at a caret in a text. */
    private final java.util.function.BiFunction<String, Integer, dev.portolan.lab.LabCompletions.Completion> completer;

    /** A lab file's editor. */
    public YamlEditor(String text) {
        this(text, dev.portolan.lab.LabCompletions::at);
    }

    /** An editor of another YAML file (a tour's), with its own completions. */
    public YamlEditor(String text, java.util.function.BiFunction<String, Integer, dev.portolan.lab.LabCompletions.Completion> completer) {
        this.completer = completer;
        area.getStyleClass().add("yaml-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.replaceText(text);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        // the view follows the caret at its first layout: without this it shows the end, where replaceText left it
        area.requestFollowCaret();
        area.textProperty().addListener((obs, old, now) -> restyle());
        hoverText.getStyleClass().add("yaml-problem-message");
        hoverText.setWrapText(true);
        hoverText.setMaxWidth(520);
        hover.getContent().add(hoverText);
        area.setMouseOverTextDelay(Duration.ofMillis(350));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> problemAt(e.getCharacterIndex()).ifPresent(p -> {
            hoverText.setText(p.message());
            var at = e.getScreenPosition();
            hover.show(area, at.getX(), at.getY() + 12);
        }));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
        completions.setId("lab-completions");
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && e.isShortcutDown()) {
                e.consume();
                complete();
            }
        });
        restyle();
    }

    public Node node() {
        return pane;
    }

    /** The area itself, for an id and focus. */
    public CodeArea area() {
        return area;
    }

    public String text() {
        return area.getText();
    }

    public void setText(String text) {
        area.replaceText(text);
    }

    public ObservableValue<String> textProperty() {
        return area.textProperty();
    }

    /** Underlines these problems (of the text as it is now) until others are shown. */
    public void showProblems(List<LabProblem> shown) {
        problems = List.copyOf(shown);
        restyle();
    }

    /**
     * Offers what may be typed at the caret (the schema's keys there, the file's own names,
     * a key's choices) in a menu under it; one offer alone is put in at once, as editors do.
     */
    public void complete() {
        var offer = completer.apply(area.getText(), area.getCaretPosition());
        if (offer.candidates().isEmpty()) return;
        if (offer.candidates().size() == 1) {
            area.replaceText(offer.from(), offer.to(), offer.candidates().getFirst());
            return;
        }
        completions.getItems().setAll(offer.candidates().stream().map(candidate -> {
            var item = new javafx.scene.control.MenuItem(candidate.strip());
            item.setOnAction(e -> area.replaceText(offer.from(), offer.to(), candidate));
            return item;
        }).toList());
        area.getCaretBounds().ifPresentOrElse(
                at -> completions.show(area, at.getMinX(), at.getMaxY()),
                () -> completions.show(area, javafx.geometry.Side.TOP, 0, 0));
    }

    /** The problem under a character of the text, if any. */
    Optional<LabProblem> problemAt(int index) {
        return problems.stream().filter(p -> {
            int[] range = range(p);
            return index >= range[0] && index < range[1];
        }).findFirst();
    }

    /** Where a problem is: from its line and column to the end of the word there (at least one character). */
    private int[] range(LabProblem p) {
        String text = area.getText();
        int paragraph = Math.max(0, Math.min(p.line() - 1, area.getParagraphs().size() - 1));
        int lineLength = area.getParagraph(paragraph).length();
        int start = area.getAbsolutePosition(paragraph, Math.max(0, Math.min(p.column() - 1, lineLength)));
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
        if (end == start) end = Math.min(text.length(), start + 1);
        if (end == start && start > 0) start--; // the very end of the file: the character before it
        return new int[] {start, end};
    }

    private void restyle() {
        String text = area.getText();
        if (text.isEmpty()) return;
        StyleSpans<Collection<String>> colours = colours(text);
        if (!problems.isEmpty() && !text.isEmpty()) {
            StyleSpansBuilder<Collection<String>> marks = new StyleSpansBuilder<>();
            int at = 0;
            for (int[] range : problems.stream().map(this::range).sorted((a, b) -> Integer.compare(a[0], b[0])).toList()) {
                if (range[0] < at) continue; // overlapping: the first one shows
                marks.add(NONE, range[0] - at);
                marks.add(Set.of("problem"), range[1] - range[0]);
                at = range[1];
            }
            marks.add(NONE, Math.max(0, text.length() - at));
            colours = colours.overlay(marks.create(), (colour, mark) -> {
                if (mark.isEmpty()) return colour;
                java.util.List<String> both = new java.util.ArrayList<>(colour);
                both.addAll(mark);
                return both;
            });
        }
        area.setStyleSpans(0, colours);
    }

    /** The YAML's colours, as style classes: key, string, word (numbers, true, null, ...), comment, anchor. */
    static StyleSpans<Collection<String>> colours(String text) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String kind = m.group("comment") != null ? "comment" : m.group("key") != null ? "key"
                    : m.group("string") != null ? "string" : m.group("word") != null ? "word" : "anchor";
            int start = m.start();
            if (kind.equals("key")) {
                // the key alone, not the indentation or the list's dash before it
                String key = m.group("key");
                start += key.length() - key.stripLeading().replaceFirst("^-[ \\t]+", "").length();
            }
            spans.add(NONE, start - last);
            spans.add(Set.of(kind), m.end() - start);
            last = m.end();
        }
        spans.add(NONE, text.length() - last);
        return spans.create();
    }
}
