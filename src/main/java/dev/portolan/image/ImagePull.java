package dev.portolan.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Pulls an image from its registry onto one engine, reporting each layer's progress. */
public final class ImagePull {

    /** One layer's news: "Downloading" 1.2 of 3.4 MB, "Pull complete", "Already exists". */
    public record LayerProgress(String layer, String status, long current, long total) {}

    /** What a pull reports while it runs; called on the pull's own thread. */
    public interface Listener {
        void layer(LayerProgress progress);

        void status(String text);
    }

    private ImagePull() {}

    /** "alpine" → alpine:latest; "localhost:5000/app:1" keeps its registry port. */
    public static String[] split(String reference) {
        String ref = reference.strip();
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/') && colon > 0) return new String[] {ref.substring(0, colon), ref.substring(colon + 1)};
        return new String[] {ref, "latest"};
    }

    public static void pull(DockerClient engine, String hostName, String reference, Listener listener,
            BooleanSupplier cancelled) {
        if (reference.isBlank()) throw new InvalidInputException("Type the image to pull, e.g. nginx:1.27 or alpine.");
        String[] parts = split(reference);
        var callback = engine.pullImageCmd(parts[0]).withTag(parts[1]).exec(new CancellableCallback<PullResponseItem>() {
            @Override
            public void onNext(PullResponseItem item) {
                var detail = item.getProgressDetail();
                if (item.getId() != null && detail != null) {
                    listener.layer(new LayerProgress(item.getId(), item.getStatus(),
                            detail.getCurrent() == null ? 0 : detail.getCurrent(), detail.getTotal() == null ? 0 : detail.getTotal()));
                } else if (item.getId() != null) {
                    listener.layer(new LayerProgress(item.getId(), item.getStatus(), 0, 0));
                } else if (item.getStatus() != null) {
                    listener.status(item.getStatus());
                }
            }
        });
        try {
            callback.awaitOrCancel(cancelled, "pull");
        } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
            throw new InvalidInputException(explain(hostName, reference.strip(), e));
        }
    }

    /** Says why a pull failed, and what to do instead when no registry can be reached. */
    static String explain(String hostName, String reference, RuntimeException e) {
        String reason = e instanceof DockerException d ? EngineErrors.engineMessage(d) : EngineErrors.firstLine(e.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no such host") || lower.contains("dial tcp") || lower.contains("i/o timeout")
                || lower.contains("connection refused") || lower.contains("network is unreachable")
                || lower.contains("tls handshake timeout")) {
            return "No registry is reachable from " + hostName + " (" + reason + "). Copy " + reference
                    + " from a host that has it (Images, Copy to hosts…) or build it there (Images, Build…).";
        }
        if (lower.contains("not found") || lower.contains("manifest unknown") || lower.contains("does not exist")
                || lower.contains("denied")) {
            return "The registry has no image " + reference + " (" + reason + "): check the name and the tag.";
        }
        return "Pulling " + reference + " onto " + hostName + " failed: " + reason;
    }
}
