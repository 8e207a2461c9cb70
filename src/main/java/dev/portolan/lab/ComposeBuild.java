package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's build as an image the lab builds on this computer, named as compose names it
 * (its image:, else PROJECT-SERVICE): the folder, another Dockerfile in it, build arguments
 * and the target stage. Null when the folder or its Dockerfile is not on this computer, with the reason.
 */
final class ComposeBuild {

    private final ComposeContext context;

    ComposeBuild(ComposeContext context) {
        this.context = context;
    }

    String map(String at, String service, JsonNode spec) {
        JsonNode build = spec.path("build");
        String contextPath = build.isTextual() ? build.asText() : build.path("context").asText(".");
        if (contextPath.matches("[a-z]+://.*|git@.*")) {
            context.notMapped(at + ".build", contextPath + " is a remote context; a lab builds a folder of this computer");
            return null;
        }
        Path dir = context.local(contextPath);
        String dockerfile = build.path("dockerfile").asText("Dockerfile");
        for (String key : List.of("cache_from", "cache_to", "ssh", "secrets", "network", "platforms", "extra_hosts", "labels", "shm_size")) {
            if (build.has(key)) context.notMapped(at + ".build." + key, "not mapped (a lab builds with the folder, Dockerfile, args and target)");
        }
        if (build.has("dockerfile_inline")) {
            context.notMapped(at + ".build.dockerfile_inline", "not mapped (a lab builds a Dockerfile of the folder): write it to a file");
            return null;
        }
        if (!Files.isRegularFile(dir.resolve(dockerfile))) {
            context.notMapped(at + ".build", dir.resolve(dockerfile) + " is not on this computer; not mapped (build the image,"
                    + " then name it under image:)");
            return null;
        }
        String image = spec.hasNonNull("image") ? spec.path("image").asText() : context.labName + "-" + service;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", image);
        entry.put("build", dir.toString());
        if (!dockerfile.equals("Dockerfile")) entry.put("dockerfile", dockerfile);
        Map<String, String> args = new LinkedHashMap<>();
        ComposeContext.pairs(build.path("args")).forEach((k, v) -> {
            if (v != null) args.put(k, v);
            else context.notMapped(at + ".build.args." + k, "no value here (compose takes it from your shell); not mapped");
        });
        if (!args.isEmpty()) entry.put("args", args);
        if (build.hasNonNull("target")) entry.put("target", build.path("target").asText());
        Map<String, Object> earlier = context.builds.putIfAbsent(image, entry);
        if (earlier != null && !earlier.equals(entry)) {
            context.notMapped(at + ".build", "another service builds " + image + " differently; the first build is kept");
        }
        return image;
    }
}
