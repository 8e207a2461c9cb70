package dev.portolan.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings the window and the command line share: one file, settings.json in
 * Portolan's config folder. What applies, for each: a system property, then an environment
 * variable (how tests and scripts set them), then the file, then a default that names a
 * public image. Nothing here is sent anywhere.
 */
public final class Settings {

    /** The official Docker-in-Docker image: what a simulated host runs unless told otherwise. */
    public static final String PUBLIC_HOST_IMAGE = "docker:dind";

    /** What the file holds; a blank value means "the default". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Saved(String hostImage, String imageSubstitutes, boolean darkTheme) {
        public static final Saved DEFAULTS = new Saved("", "", false);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public Settings(Path file) {
        this.file = file;
    }

    /** The settings of this user (the file in the config folder). */
    public static Settings current() {
        return new Settings(UserDirectories.forThisUser().config().resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    /** What the file says; the defaults when there is none (or it cannot be read: said in the log). */
    public Saved saved() {
        if (!Files.exists(file)) return Saved.DEFAULTS;
        try {
            return JSON.readValue(file.toFile(), Saved.class);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Settings.class).warn("cannot read {}: {}", file, e.toString());
            return Saved.DEFAULTS;
        }
    }

    public void save(Saved saved) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), saved);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the settings to " + file, e);
        }
    }

    /** The DinD image of simulated hosts that name none: portolan.host-image, PORTOLAN_HOST_IMAGE, the file, docker:dind. */
    public String hostImage() {
        return override("portolan.host-image", "PORTOLAN_HOST_IMAGE").orElseGet(() -> or(saved().hostImage(), PUBLIC_HOST_IMAGE));
    }

    /** "busybox:1.36=portolan-test/busybox, …": portolan.image-substitutes, PORTOLAN_IMAGE_SUBSTITUTES, the file, none. */
    public String imageSubstitutes() {
        return override("portolan.image-substitutes", "PORTOLAN_IMAGE_SUBSTITUTES").orElseGet(() -> or(saved().imageSubstitutes(), ""));
    }

    public boolean darkTheme() {
        return saved().darkTheme();
    }

    /**
     * The property or variable that wins over the file for this setting, with its value:
     * "the system property portolan.host-image (my/dind)".
     */
    public static Optional<String> overriddenBy(String property, String variable) {
        String set = System.getProperty(property);
        if (present(set)) return Optional.of("the system property " + property + " (" + set.strip() + ")");
        set = System.getenv(variable);
        if (present(set)) return Optional.of("the environment variable " + variable + " (" + set.strip() + ")");
        return Optional.empty();
    }

    private static Optional<String> override(String property, String variable) {
        String value = System.getProperty(property);
        if (!present(value)) value = System.getenv(variable);
        return present(value) ? Optional.of(value.strip()) : Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String or(String value, String fallback) {
        return present(value) ? value.strip() : fallback;
    }
}
