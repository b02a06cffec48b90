package dev.ovha.twin.state.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EventBridge's input transformer: {@code InputPathsMap} names values of the event by JSON path
 * ({@code $.detail.EC2InstanceId}), and {@code InputTemplate} puts them into the text the target
 * receives. A placeholder written inside quotes ({@code "<name>"}) receives the raw text; one written
 * bare ({@code <name>}) receives the value as JSON, so a string arrives quoted — that is how the
 * template {@code {"source": <source>}} becomes {@code {"source": "aws.autoscaling"}}.
 */
public record InputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {

    public InputTransformer {
        inputPathsMap = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputPathsMap));
        inputPathsMap.forEach((name, path) -> {
            if (!path.equals("$") && !path.startsWith("$.")) {
                throw new IllegalArgumentException("input path " + name + " must be $ or start with $., got " + path);
            }
        });
    }

    public String apply(JsonNode event) {
        StringBuilder out = new StringBuilder(inputTemplate.length() + 64);
        int i = 0;
        while (i < inputTemplate.length()) {
            int open = inputTemplate.indexOf('<', i);
            int close = open < 0 ? -1 : inputTemplate.indexOf('>', open);
            String name = close < 0 ? null : inputTemplate.substring(open + 1, close);
            if (name == null || !inputPathsMap.containsKey(name)) {
                int end = open < 0 ? inputTemplate.length() : open + 1;
                out.append(inputTemplate, i, end);
                i = end;
                continue;
            }
            out.append(inputTemplate, i, open);
            JsonNode value = resolve(event, inputPathsMap.get(name));
            boolean quoted = open > 0 && inputTemplate.charAt(open - 1) == '"'
                    && close + 1 < inputTemplate.length() && inputTemplate.charAt(close + 1) == '"';
            if (quoted) {
                out.append(value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
            } else {
                out.append(value == null ? "null" : value.toString());
            }
            i = close + 1;
        }
        return out.toString();
    }

    private static JsonNode resolve(JsonNode event, String path) {
        JsonNode node = event;
        if (path.equals("$")) {
            return node;
        }
        for (String part : path.substring(2).split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }
}
