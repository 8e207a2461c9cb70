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
        return tagProblem(tag);
    }

    private static String tagProblem(String tag) {
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
        return build(engine, folder, tag, labels, Options.NONE, listener, cancelled);
    }

    /**
     * How to build beyond the folder, as compose's build: has it: another Dockerfile in the
     * folder, build arguments, and the stage to stop at.
     */
    public record Options(String dockerfile, java.util.Map<String, String> args, String target) {
        public static final Options NONE = new Options(null, java.util.Map.of(), null);

        public Options {
            args = args == null ? java.util.Map.of() : java.util.Map.copyOf(args);
        }
    }

    /** What is wrong with a build's input and its options, or null: as above, the Dockerfile named by the options. */
    public static String problem(Path folder, String tag, Options options) {
        if (options.dockerfile() == null || folder == null || !Files.isDirectory(folder)) return problem(folder, tag);
        Path dockerfile = folder.resolve(options.dockerfile()).normalize();
        if (!dockerfile.startsWith(folder.normalize())) {
            return options.dockerfile() + " is outside " + folder + ": the Dockerfile must be in the folder it builds.";
        }
        if (!Files.isRegularFile(dockerfile)) return folder + " has no " + options.dockerfile() + ": name a Dockerfile in that folder.";
        return tagProblem(tag);
    }

    /** As above, built as {@code options} say. */
    public static String build(DockerClient engine, Path folder, String tag, java.util.Map<String, String> labels,
            Options options, Listener listener, BooleanSupplier cancelled) {
        String problem = problem(folder, tag, options);
        if (problem != null) throw new InvalidInputException(problem);
        BuildOutput output = new BuildOutput(listener::stepFinished);
        AtomicReference<String> imageId = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        // docker-java looks for folder/Dockerfile when given the folder alone: another one is named with the folder
        var command = (options.dockerfile() == null ? engine.buildImageCmd(folder.toFile())
                : engine.buildImageCmd().withBaseDirectory(folder.toFile()).withDockerfile(folder.resolve(options.dockerfile()).toFile()))
                .withPull(false).withRemove(true).withForcerm(true);
        if (!tag.isBlank()) command.withTags(Set.of(tag.strip()));
        if (!labels.isEmpty()) command.withLabels(labels);
        options.args().forEach(command::withBuildArg);
        if (options.target() != null) command.withTarget(options.target());
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
