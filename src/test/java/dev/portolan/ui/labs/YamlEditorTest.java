package dev.portolan.ui.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab editor's colours: which words of a YAML file are keys, strings, numbers and words, comments, anchors. */
class YamlEditorTest {

    /** "kind:text" for each coloured run, in order. */
    private static List<String> coloured(String text) {
        List<String> runs = new ArrayList<>();
        int at = 0;
        for (var span : YamlEditor.colours(text)) {
            Collection<String> style = span.getStyle();
            if (!style.isEmpty()) runs.add(style.iterator().next() + ":" + text.substring(at, at + span.getLength()));
            at += span.getLength();
        }
        return runs;
    }

    @Test
    void keysStringsWordsCommentsAndAnchorsAreTold() {
        String lab = """
                # a lab
                name: shop
                hosts:
                  - name: node1  # the first
                    ports: ["8080:80"]
                x-common: &common
                  replicas: 3
                  init: true
                  url: http://api:8080/x
                  <<: *common
                """;
        assertEquals(List.of("comment:# a lab", "key:name", "key:hosts", "key:name", "comment:# the first", "key:ports",
                "string:\"8080:80\"", "key:x-common", "anchor:&common", "key:replicas", "word:3", "key:init", "word:true",
                "key:url", "key:<<", "anchor:*common"), coloured(lab));
        assertEquals(List.of(), coloured(""));
    }
}
