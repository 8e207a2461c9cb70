package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** How compose lays one file (or an extended service) over another. */
final class ComposeMerge {

    /** Keys whose lists one file replaces in another, as compose merges them; other lists are joined. */
    private static final Set<String> REPLACED_LISTS = Set.of("command", "entrypoint", "test", "dns", "dns_search", "profiles");

    private ComposeMerge() {}

    /** {@code over} laid on {@code base} as compose merges files: maps deeply, lists joined or replaced. */
    static JsonNode merge(JsonNode base, JsonNode over, String key) {
        if (base == null || base.isNull()) return over;
        if (over == null || over.isNull()) return base;
        if (key.equals("environment") || key.equals("labels")) return mergeMaps(asMap(base), asMap(over));
        if (base.isObject() && over.isObject()) {
            ObjectNode out = ((ObjectNode) base).deepCopy();
            over.fields().forEachRemaining(e -> out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue(), e.getKey())));
            return out;
        }
        if (base.isArray() && over.isArray() && !REPLACED_LISTS.contains(key)) {
            ArrayNode out = ((ArrayNode) base).deepCopy();
            over.forEach(item -> {
                boolean seen = false;
                for (JsonNode existing : out) seen |= existing.equals(item);
                if (!seen) out.add(item);
            });
            return out;
        }
        return over;
    }

    /** environment and labels as NAME: value, from either form (a list of NAME=value, or a map). */
    private static ObjectNode asMap(JsonNode node) {
        if (node.isObject()) return (ObjectNode) node;
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        node.forEach(item -> {
            String pair = item.asText();
            int eq = pair.indexOf('=');
            if (eq < 0) map.putNull(pair);
            else map.put(pair.substring(0, eq), pair.substring(eq + 1));
        });
        return map;
    }

    private static ObjectNode mergeMaps(ObjectNode base, ObjectNode over) {
        ObjectNode out = base.deepCopy();
        over.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }
}
