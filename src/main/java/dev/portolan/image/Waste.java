package dev.portolan.image;

/** Bytes of a path that no longer show in the image: copies overwritten or removed by a later layer. */
public record Waste(String path, long bytes, int copies) {}
