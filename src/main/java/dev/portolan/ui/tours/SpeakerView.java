package dev.portolan.ui.tours;

import dev.portolan.tour.TourSpec;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What presenting adds to a tour: the banner the projector shows (the step's number,
 * title and narration in large type, and the check's verdict) and the speaker's timer,
 * counting from the moment presenting began.
 */
final class SpeakerView {

    private final VBox banner = new VBox(10);
    private final Label timer = new Label();
    private final Timeline clock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
    private Instant since;

    SpeakerView() {
        banner.setId("tour-banner");
        banner.getStyleClass().add("tour-banner");
        timer.setId("tour-timer");
        timer.getStyleClass().add("tour-timer");
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    VBox banner() {
        return banner;
    }

    Label timer() {
        return timer;
    }

    /** Step {@code i} of {@code count} on the banner, with the check's verdict when there is one. */
    void show(int i, int count, TourSpec.Step step, Label verdict) {
        Label title = new Label((i + 1) + " / " + count + "  " + step.title());
        title.getStyleClass().add("tour-banner-title");
        banner.getChildren().setAll(title);
        banner.getChildren().addAll(Markdown.paragraphs(step.say(), "tour-banner-say"));
        if (verdict != null) banner.getChildren().add(verdict);
    }

    void started() {
        since = Instant.now();
        tick();
        clock.play();
    }

    void stopped() {
        clock.stop();
        timer.setText("");
    }

    private void tick() {
        long s = since == null ? 0 : Duration.between(since, Instant.now()).toSeconds();
        timer.setText(String.format("%d:%02d", s / 60, s % 60));
    }
}
