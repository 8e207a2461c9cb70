package dev.portolan.ui.images;

import dev.portolan.image.ImageContents;
import dev.portolan.image.ImageLayer;
import dev.portolan.image.TransferProgress;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.operations.HostOperations;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.jobs.Job;
import dev.portolan.ui.model.HostModel;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/**
 * An image's layers as the layer windows read them: the history at once (two small
 * requests), then each layer's files streamed from the image's archive, with progress on
 * a bar and a label, and cancel.
 */
final class LayersReading {

    /** What the window does with what is read; all on the FX thread. */
    interface Shown {
        void history(List<ImageLayer> layers);

        void contents(ImageContents contents);

        /** The reading ended without the files: cancelled, or failed with what to do. */
        void stopped(String text, boolean error);
    }

    private Job<?> job;

    private LayersReading() {}

    /** @param withoutFiles what is said when the files' reading is cancelled: what the window still shows */
    static LayersReading start(HostOperations operations, HostModel host, ImageInfo image, ProgressBar bar, Label summary,
            String withoutFiles, Shown shown) {
        LayersReading reading = new LayersReading();
        String what = "Reading the layers of " + image.displayName() + " on " + host.name();
        reading.job = Job.start(what, progress -> operations.layers(image.id()), null, history -> {
            switch (history) {
                case Job.Outcome.Done<List<ImageLayer>> done -> {
                    shown.history(done.value());
                    reading.job = Job.start(what, progress -> operations.contents(image.id(), image.sizeBytes(),
                            progressOf(progress, bar, summary)), null, files -> {
                        switch (files) {
                            case Job.Outcome.Done<ImageContents> read -> shown.contents(read.value());
                            case Job.Outcome.Cancelled<ImageContents> c -> shown.stopped(withoutFiles, false);
                            case Job.Outcome.Failed<ImageContents> failed -> shown.stopped(failed.message(), true);
                        }
                    });
                }
                case Job.Outcome.Cancelled<List<ImageLayer>> c -> shown.stopped("Reading the layers was cancelled.", false);
                case Job.Outcome.Failed<List<ImageLayer>> failed -> shown.stopped(failed.message(), true);
            }
        });
        return reading;
    }

    void cancel() {
        if (job != null) job.cancel();
    }

    private static TransferProgress progressOf(dev.portolan.host.Progress job, ProgressBar bar, Label summary) {
        return TransferProgress.of((done, expected) -> Platform.runLater(() -> {
            if (expected > 0) bar.setProgress(Math.min(0.99, (double) done / expected));
            summary.setText("Reading the files: " + StatusText.bytes(done)
                    + (expected > 0 ? " of about " + StatusText.bytes(expected) : ""));
        }), job::isCancelled);
    }
}
