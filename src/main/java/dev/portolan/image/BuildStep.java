package dev.portolan.image;

/** One finished step of a build: "Step 2/4 : RUN …", whether the cache served it, the image it made. */
public record BuildStep(int number, int of, String instruction, boolean cached, String imageId) {

    public boolean isFrom() {
        return instruction.regionMatches(true, 0, "FROM", 0, 4);
    }
}
