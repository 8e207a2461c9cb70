package dev.portolan.cli;

import dev.portolan.app.Sizes;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.image.ImageContents;
import dev.portolan.image.ImageLayer;
import dev.portolan.image.TransferProgress;
import dev.portolan.operations.HostOperations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `portolan layers IMAGE`: an image's layers with their sizes and commands, and the bytes
 * later layers hide; with a limit, exits {@value LabCommands#OVER_LIMIT} when the image is
 * worse, as dive's CI mode does, so a build pipeline can refuse a wasteful image.
 */
@Command(name = "layers", description = "Show an image's layers, sizes, commands and wasted bytes; with a limit, exit "
        + LabCommands.OVER_LIMIT + " when the image is worse (as dive's CI mode).")
final class LayersCommand extends LabCommands.LabCommand {

    @Parameters(paramLabel = "IMAGE")
    String image;

    @Option(names = "--host", description = "The host, as `portolan hosts` names it (default: ${DEFAULT-VALUE}).",
            defaultValue = "local")
    String host;

    @Option(names = "--lowest-efficiency", paramLabel = "RATIO",
            description = "Fail when less than this share of the layers' bytes is still visible (0 to 1, e.g. 0.95).")
    Double lowestEfficiency;

    @Option(names = "--highest-wasted-bytes", paramLabel = "SIZE",
            description = "Fail when later layers hide more than this (e.g. 20MB, 512KiB).")
    String highestWasted;

    @Override
    public Integer call() throws Exception {
        long wastedLimit = highestWasted == null ? Long.MAX_VALUE : parseSize(highestWasted);
        if (lowestEfficiency != null && (lowestEfficiency < 0 || lowestEfficiency > 1)) {
            throw new InvalidInputException("--lowest-efficiency: " + lowestEfficiency + " is not a share between 0 and 1, such as 0.95.");
        }
        ImageContents contents = withEngine(local -> {
            try (HostOperations operations = HostOperations.connect(local.registry().endpointOf(host, local))) {
                return operations.contents(image, 0, TransferProgress.NONE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("reading " + image + " on " + host + " failed", e);
            }
        });
        List<String> over = new ArrayList<>();
        if (lowestEfficiency != null && contents.efficiency() < lowestEfficiency) {
            over.add(String.format("efficiency %.1f %% is below %.1f %%", contents.efficiency() * 100, lowestEfficiency * 100));
        }
        if (contents.wastedBytes() > wastedLimit) {
            over.add(Sizes.text(contents.wastedBytes()) + " wasted is more than " + Sizes.text(wastedLimit));
        }
        print(json(contents, over), text(contents, over));
        return over.isEmpty() ? 0 : LabCommands.OVER_LIMIT;
    }

    private static long parseSize(String text) {
        try {
            return Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--highest-wasted-bytes: " + e.getMessage() + ".");
        }
    }

    private String text(ImageContents contents, List<String> over) {
        StringBuilder text = new StringBuilder(String.format("%s on %s: %d layers, %s of files, %s hidden by later layers,"
                + " efficiency %.1f %%", image, host, contents.layers().size(), Sizes.text(contents.totalBytes()),
                Sizes.text(contents.wastedBytes()), contents.efficiency() * 100));
        text.append(String.format("%n  %3s  %9s  %s", "#", "SIZE", "COMMAND"));
        for (ImageLayer layer : contents.layers()) {
            text.append(String.format("%n  %3d  %9s  %s", layer.index(), layer.isEmpty() ? "-" : Sizes.text(layer.sizeBytes()),
                    layer.instruction().isBlank() ? "(no command recorded: an imported or squashed base)" : layer.instruction()));
        }
        if (!contents.waste().isEmpty()) text.append("\nMost wasted:");
        contents.waste().stream().limit(5).forEach(w -> text.append(String.format("%n  %9s  /%s (%d hidden %s)",
                Sizes.text(w.bytes()), w.path(), w.copies(), w.copies() == 1 ? "copy" : "copies")));
        if (!over.isEmpty()) text.append("\nOver the limit: ").append(String.join("; ", over)).append('.');
        return text.toString();
    }

    private Map<String, Object> json(ImageContents contents, List<String> over) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("image", image);
        json.put("host", host);
        json.put("totalBytes", contents.totalBytes());
        json.put("wastedBytes", contents.wastedBytes());
        json.put("efficiency", contents.efficiency());
        json.put("layers", contents.layers().stream().map(l -> Map.of("index", l.index(), "sizeBytes", l.sizeBytes(),
                "command", l.instruction(), "empty", l.isEmpty())).toList());
        json.put("overLimit", over);
        return json;
    }
}
