package dev.portolan.ui.draw;

import dev.portolan.ui.DialogService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.Window;

/** Export… of a picture: asks where, writes it, and says how it went in a sentence. */
public final class PictureExport {

    /** Writes the picture as "png" or "svg" into the file. */
    @FunctionalInterface
    public interface Writer {
        void write(String format, Path file) throws IOException;
    }

    /** What to tell the user; {@code error} when the file could not be written. */
    public record Said(String text, boolean error) {}

    private PictureExport() {}

    /**
     * @param what  what is exported, as the sentence names it: "the layer graph"
     * @param stem  the file name offered, without its extension: "portolan-layers"
     * @return what to say, or empty when the user chose no file
     */
    public static Optional<Said> ask(DialogService dialogs, Window owner, String what, String stem, String format, Writer writer) {
        String kind = format.toUpperCase(Locale.ROOT);
        Optional<Path> chosen = dialogs.saveFile(owner, "Export " + what + " as " + kind, stem + "." + format, kind, "*." + format);
        if (chosen.isEmpty()) return Optional.empty();
        Path file = chosen.get();
        try {
            writer.write(format, file);
            return Optional.of(new Said("Exported " + what + " to " + file, false));
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Said("Exporting " + what + " to " + file + " failed: " + e.getMessage()
                    + ". Choose a folder you can write to.", true));
        }
    }
}
