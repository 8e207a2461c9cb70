package dev.portolan.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Images a lab names, and the local image to send in their place when this computer has
 * no copy of the named one: "busybox:1.36=portolan-test/busybox" lets a template that
 * names a public image run where no registry can be reached (as the tests do). Read from
 * the system property portolan.image-substitutes or the variable PORTOLAN_IMAGE_SUBSTITUTES,
 * pairs separated by commas.
 */
public record ImageSubstitutes(Map<String, String> byImage) {

    public static final ImageSubstitutes NONE = new ImageSubstitutes(Map.of());

    public ImageSubstitutes {
        byImage = Map.copyOf(byImage);
    }

    /** The shared settings' substitutes (the property, the variable, or the settings file). */
    public static ImageSubstitutes fromEnvironment() {
        String text = dev.portolan.app.Settings.current().imageSubstitutes();
        return text.isBlank() ? NONE : parse(text);
    }

    /** What is wrong with a text of substitutes as typed: each pair must read IMAGE=LOCAL-IMAGE. */
    public static java.util.List<String> problems(String text) {
        java.util.List<String> found = new java.util.ArrayList<>();
        if (text == null || text.isBlank()) return found;
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.strip().length() - 1 || pair.substring(eq + 1).isBlank()) {
                found.add("Image substitutes: '" + pair.strip() + "' should read IMAGE=LOCAL-IMAGE, such as "
                        + "busybox:1.36=my/busybox.");
            }
        }
        return found;
    }

    static ImageSubstitutes parse(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            String image = pair.substring(0, eq).strip();
            String substitute = pair.substring(eq + 1).strip();
            if (!image.isEmpty() && !substitute.isEmpty()) pairs.put(image, substitute);
        }
        return new ImageSubstitutes(pairs);
    }

    /** The local image to copy for {@code image}: its substitute when it has one, else itself. */
    public String source(String image) {
        String[] repoAndTag = dev.portolan.image.ImagePull.split(image);
        return byImage.getOrDefault(image, byImage.getOrDefault(repoAndTag[0] + ":" + repoAndTag[1], image));
    }
}
