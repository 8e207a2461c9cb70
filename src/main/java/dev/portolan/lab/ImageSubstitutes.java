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

    public static ImageSubstitutes fromEnvironment() {
        String text = System.getProperty("portolan.image-substitutes", System.getenv("PORTOLAN_IMAGE_SUBSTITUTES"));
        return text == null || text.isBlank() ? NONE : parse(text);
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
    String source(String image) {
        String[] repoAndTag = dev.portolan.image.ImagePull.split(image);
        return byImage.getOrDefault(image, byImage.getOrDefault(repoAndTag[0] + ":" + repoAndTag[1], image));
    }
}
