package dev.portolan.image;

import java.util.Locale;
import java.util.Set;

/** Reads the "created by" text of an image's history as the Dockerfile line it came from. */
final class Instructions {

    private static final String NOP = "/bin/sh -c #(nop) ";
    private static final String SHELL = "/bin/sh -c ";

    /** Instructions that only change the image's configuration, never its files. */
    private static final Set<String> METADATA = Set.of("ENV", "CMD", "LABEL", "EXPOSE", "ENTRYPOINT", "USER", "VOLUME",
            "STOPSIGNAL", "HEALTHCHECK", "SHELL", "ARG", "ONBUILD", "MAINTAINER");

    /** What the classic builder writes for a COPY or ADD: "file:" or "dir:" and the content's 64-digit digest. */
    private static final java.util.regex.Pattern CONTENT_DIGEST =
            java.util.regex.Pattern.compile("\\b(file|dir|multi):([0-9a-f]{12})[0-9a-f]{52}\\b");

    private Instructions() {}

    /**
     * "/bin/sh -c #(nop)  CMD [\"sh\"]" reads as "CMD [\"sh\"]", "/bin/sh -c echo hi" as
     * "RUN echo hi"; BuildKit's "RUN /bin/sh -c echo hi # buildkit" as "RUN echo hi"; a copied
     * file's digest to 12 digits, as the docker CLI shows ids ("COPY file:ff04f246488a in /srv/").
     */
    static String readable(String createdBy) {
        if (createdBy == null || createdBy.isBlank()) return "";
        String text = createdBy.strip();
        if (text.endsWith("# buildkit")) text = text.substring(0, text.length() - "# buildkit".length()).strip();
        if (text.startsWith(NOP)) return CONTENT_DIGEST.matcher(text.substring(NOP.length()).strip()).replaceAll("$1:$2");
        if (text.startsWith(SHELL)) return "RUN " + text.substring(SHELL.length()).strip();
        if (text.startsWith("RUN " + SHELL)) return "RUN " + text.substring(4 + SHELL.length()).strip();
        return text;
    }

    /** Whether the line certainly made no layer (ENV, CMD, LABEL, ...). */
    static boolean onlyMetadata(String createdBy) {
        String line = readable(createdBy);
        int space = line.indexOf(' ');
        String keyword = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        return METADATA.contains(keyword);
    }
}
