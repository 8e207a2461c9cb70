package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.engine.ShellWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a service's process runs, as a lab holds it: its environment (env_file, then
 * environment over it), user, working_dir, entrypoint (a string
 * split into words), labels, init, capabilities, tmpfs, memory and CPU limits (mem_limit and
 * cpus, or deploy.resources.limits), ulimits, logging and exposed ports. Reservations have no
 * place in a lab and are listed.
 */
final class ComposeProcess {

    /** What a lab container cannot be, and why: each listed when a service asks for it. */
    static final Map<String, String> CANNOT = Map.of(
            "devices", "a device of this computer cannot be handed to a host of the lab",
            "privileged", "lab containers do not run privileged; name the capabilities it needs under cap_add",
            "network_mode", "a lab container joins the lab's networks; the host's or another container's network stack is not mapped",
            "pid", "sharing the host's process table is not mapped",
            "ipc", "sharing the host's IPC is not mapped");

    private final ComposeContext context;

    ComposeProcess(ComposeContext context) {
        this.context = context;
    }

    void map(String at, JsonNode service, Map<String, Object> c) {
        for (String key : List.of("user", "working_dir")) if (service.hasNonNull(key)) c.put(key, service.path(key).asText());
        JsonNode entrypoint = service.path("entrypoint");
        if (entrypoint.isTextual()) c.put("entrypoint", ShellWords.split(entrypoint.asText(), at + ".entrypoint"));
        else if (entrypoint.isArray()) c.put("entrypoint", ComposeContext.strings(entrypoint));
        Map<String, String> labels = new LinkedHashMap<>();
        ComposeContext.pairs(service.path("labels")).forEach((k, v) -> labels.put(k, v == null ? "" : v));
        if (!labels.isEmpty()) c.put("labels", labels);
        if (service.has("init")) c.put("init", service.path("init").asBoolean());
        for (String key : List.of("cap_add", "cap_drop")) if (service.has(key)) c.put(key, ComposeContext.strings(service.path(key)));
        limits(at, service, c);
        ulimits(at, service, c);
        JsonNode logging = service.path("logging");
        if (logging.isObject()) {
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("driver", logging.path("driver").asText("json-file"));
            Map<String, String> options = ComposeContext.pairs(logging.path("options"));
            if (!options.isEmpty()) log.put("options", options);
            c.put("logging", log);
        }
        if (service.has("expose")) c.put("expose", ComposeContext.strings(service.path("expose")));
        CANNOT.forEach((key, why) -> {
            boolean harmless = key.equals("privileged") && !service.path(key).asBoolean()
                    || key.equals("network_mode") && service.path(key).asText().equals("bridge");
            if (service.has(key) && !harmless) context.notMapped(at + "." + key, why);
        });
    }

    private void limits(String at, JsonNode service, Map<String, Object> c) {
        JsonNode limits = service.path("deploy").path("resources").path("limits");
        String memory = service.hasNonNull("mem_limit") ? service.path("mem_limit").asText()
                : limits.hasNonNull("memory") ? limits.path("memory").asText() : null;
        if (memory != null) c.put("memory", memory);
        JsonNode cpus = service.hasNonNull("cpus") ? service.path("cpus") : limits.path("cpus");
        if (!cpus.isMissingNode() && !cpus.isNull()) {
            try {
                c.put("cpus", Double.parseDouble(cpus.asText()));
            } catch (NumberFormatException e) {
                context.notMapped(at + ".cpus", cpus.asText() + " is not a number; not mapped");
            }
        }
        service.path("deploy").path("resources").fieldNames().forEachRemaining(k -> {
            if (!k.equals("limits")) context.notMapped(at + ".deploy.resources." + k, "not mapped (a lab sets limits, not reservations)");
        });
        limits.fieldNames().forEachRemaining(k -> {
            if (!k.equals("memory") && !k.equals("cpus")) context.notMapped(at + ".deploy.resources.limits." + k, "not mapped");
        });
    }

    /** nofile: 65535, or nofile: {soft: 1024, hard: 2048}, as "65535" and "1024:2048". */
    private void ulimits(String at, JsonNode service, Map<String, Object> c) {
        Map<String, String> ulimits = new LinkedHashMap<>();
        service.path("ulimits").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isObject()) ulimits.put(e.getKey(), v.path("soft").asText() + ":" + v.path("hard").asText());
            else if (v.canConvertToLong() || v.asText().matches("-?\\d+")) ulimits.put(e.getKey(), v.asText());
            else context.notMapped(at + ".ulimits." + e.getKey(), "'" + v.asText() + "' is not a number; not mapped");
        });
        if (!ulimits.isEmpty()) c.put("ulimits", ulimits);
    }

    /** env_file first, then environment over it, as compose does; a name without a value is the shell's, and listed. */
    Map<String, String> environment(String at, JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode envFiles = service.path("env_file");
        Iterable<JsonNode> entries = envFiles.isTextual() ? List.of(envFiles) : envFiles;
        for (JsonNode entry : entries) {
            String file = entry.isObject() ? entry.path("path").asText() : entry.asText();
            Path local = context.local(file);
            try {
                for (String line : Files.readAllLines(local)) {
                    String trimmed = line.strip();
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) continue;
                    int eq = trimmed.indexOf('=');
                    env.put(trimmed.substring(0, eq).replaceFirst("^export\\s+", "").strip(), unquote(trimmed.substring(eq + 1).strip()));
                }
            } catch (IOException e) {
                if (!entry.path("required").asBoolean(true)) continue;
                context.notMapped(at + ".env_file." + file, local + " cannot be read; its variables are not mapped");
            }
        }
        ComposeContext.pairs(service.path("environment")).forEach((key, value) -> {
            if (value != null) env.put(key, value);
            else context.notMapped(at + ".environment." + key, "no value here (compose takes it from your shell); not mapped");
        });
        return env;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
