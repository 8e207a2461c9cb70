package dev.portolan.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a YAML document is: JSON pointer ("/containers/1/host") to line and
 * column, so a problem found after parsing still points at the right place.
 */
final class Locations {

    private final Map<String, JsonLocation> byPointer = new HashMap<>();

    private Locations() {}

    static Locations of(String yaml) {
        Locations locations = new Locations();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    // the pointer of a container is its parent's; its own place is where it starts
                    pointer = parser.getParsingContext().getParent() == null ? ""
                            : parser.getParsingContext().getParent().pathAsPointer().toString();
                }
                locations.byPointer.putIfAbsent(pointer, parser.currentTokenLocation());
            }
        } catch (IOException | RuntimeException e) {
            // a broken document is reported by the parse itself; what was read still helps
        }
        return locations;
    }

    /** The place of {@code pointer}, or of its nearest parent that has one; 1:1 when none does. */
    int[] lineAndColumn(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation at = byPointer.get(p);
            if (at != null) return new int[] {at.getLineNr(), at.getColumnNr()};
            if (p.isEmpty()) return new int[] {1, 1};
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
