package dev.portolan.ui.tours;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The little markdown a tour's narration uses, as JavaFX text: paragraphs, "- " bullets,
 * `code`, **bold** and *emphasis*. Looks come from CSS (md-code, md-bold, md-em); the
 * size from the flow's own class, so the presenter's screen can scale it.
 */
final class Markdown {

    private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*|\\*([^*]+)\\*");

    private Markdown() {}

    /** The paragraphs of {@code text}, each a flow with {@code styleClass}. */
    static List<Node> paragraphs(String text, String styleClass) {
        List<Node> flows = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : (text == null ? "" : text).strip().split("\n")) {
            String l = line.strip();
            boolean bullet = l.startsWith("- ");
            if (l.isEmpty() || bullet) {
                if (!paragraph.isEmpty()) flows.add(flow(paragraph.toString(), styleClass));
                paragraph.setLength(0);
                if (bullet) flows.add(flow("•  " + l.substring(2), styleClass));
                continue;
            }
            if (!paragraph.isEmpty()) paragraph.append(' ');
            paragraph.append(l);
        }
        if (!paragraph.isEmpty()) flows.add(flow(paragraph.toString(), styleClass));
        return flows;
    }

    /** One paragraph: plain runs and the inline marks, as styled text. */
    static TextFlow flow(String paragraph, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        Matcher m = INLINE.matcher(paragraph);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) flow.getChildren().add(text(paragraph.substring(at, m.start()), null));
            if (m.group(1) != null) flow.getChildren().add(text(m.group(1), "md-code"));
            else if (m.group(2) != null) flow.getChildren().add(text(m.group(2), "md-bold"));
            else flow.getChildren().add(text(m.group(3), "md-em"));
            at = m.end();
        }
        if (at < paragraph.length()) flow.getChildren().add(text(paragraph.substring(at), null));
        return flow;
    }

    /** The words of the text without marks: what a test or a screen reader reads. */
    static String plain(String text) {
        return INLINE.matcher(text == null ? "" : text).replaceAll(r -> Matcher.quoteReplacement(
                r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(3)));
    }

    private static Text text(String words, String style) {
        Text t = new Text(words);
        t.getStyleClass().add("md-text");
        if (style != null) t.getStyleClass().add(style);
        return t;
    }
}
