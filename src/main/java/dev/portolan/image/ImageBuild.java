package dev.portolan.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.portolan.engine.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Builds an image from a folder with a Dockerfile on one engine, streaming the output
 * and each finished step (a new layer, or a cache hit) as it comes.
 */
public final class ImageBuild {

    /** What a build reports while it runs; called on the build's own thread. */
    public interface Listener {
        void output(String text);

        void stepFinished(BuildStep step);

        /** Hears the steps only; the output goes nowhere. */
        static Listener steps(java.util.function.Consumer<BuildStep> finished) {
            return new Listener() {
                @Override
                public void output(String text) {}

                @Override
                public void stepFinished(BuildStep step) {
                    finished.accept(step);
                }
            };
        }
    }

    private static final Pattern TAG = Pattern.compile(
            "^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$");

    private ImageBuild() {}

    /** Returns what is wrong with a build's input, or null: a folder holding a Dockerfile, a valid tag. */
    public static String problem(Path folder, String tag) {
        if (folder == null) return "Choose the folder that holds the Dockerfile.";
        if (!Files.isDirectory(folder)) return folder + " is not a folder: choose the folder that holds the Dockerfile.";
        if (!Files.isRegularFile(folder.resolve("Dockerfile"))) {
            return folder + " has no Dockerfile: choose the folder that holds it.";
        }
        if (!tag.isBlank() && !TAG.matcher(tag.strip()).matches()) {
            return "\"" + tag.strip() + "\" is not an image name: use lower case, digits, '.', '_' or '-', and an"
                    + " optional :tag, e.g. myapp:1.0";
        }
        return null;
    }

    /**
     * Builds {@code folder} on {@code engine}, tagged {@code tag} (blank for none), without
     * pulling; returns the new image's id. A failing step throws InvalidInputException with
     * the engine's words; {@code cancelled} stops the build (the engine drops it).
     */
    public static String build(DockerClient engine, Path folder, String tag, Listener listener, BooleanSupplier cancelled) {
        return build(engine, folder, tag, java.util.Map.of(), listener, cancelled);
    }

    /** As above, with labels on the image (a lab marks what it built, and from which files). */
    public static String build(DockerClient engine, Path folder, String tag, java.util.Map<String, String> labels,
            Listener listener, BooleanSupplier cancelled) {
        String problem = problem(folder, tag);
        if (problem != null) throw new InvalidInputException(problem);
        BuildOutput output = new BuildOutput(listener::stepFinished);
        AtomicReference<String> imageId = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        var command = engine.buildImageCmd(folder.toFile()).withPull(false).withRemove(true).withForcerm(true);
        if (!tag.isBlank()) command.withTags(Set.of(tag.strip()));
        if (!labels.isEmpty()) command.withLabels(labels);
        command.exec(new CancellableCallback<BuildResponseItem>() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    listener.output(item.getStream());
                    output.accept(item.getStream());
                }
                if (item.isErrorIndicated()) {
                    error.set(item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError());
                }
                if (item.isBuildSuccessIndicated()) imageId.set(item.getImageId());
            }
        }).awaitOrCancel(cancelled, "build");
        if (error.get() != null) throw new InvalidInputException("The build failed: " + error.get().strip());
        if (imageId.get() == null) throw new IllegalStateException("the engine ended the build without an image id");
        return imageId.get();
    }
}
