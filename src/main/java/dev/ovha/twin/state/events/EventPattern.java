package dev.ovha.twin.state.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.Map;

/**
 * An EventBridge event pattern, reduced to what rules of this stack use: each field of the pattern
 * names a field of the event; an array lists the values it may have (an event array matches if any of
 * its elements does), an object descends into a nested field. Content filters ({@code prefix},
 * {@code numeric}, {@code exists}, …) are refused when the pattern is read, so a rule never silently
 * matches less than it says.
 *
 * <p>Patterns and events are JSON documents in EventBridge's own domain, which is why this state class
 * works on a JSON tree; it has nothing to do with any wire protocol.
 */
public final class EventPattern {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode pattern;

    private EventPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    public static EventPattern parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an event pattern must be a JSON object: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an event pattern must be a JSON object, got " + json);
        }
        check(node, "");
        return new EventPattern(node);
    }

    /** The pattern as DescribeRule reports it: a JSON string, compact. */
    public String text() {
        return pattern.toString();
    }

    public boolean matches(JsonNode event) {
        return matches(pattern, event);
    }

    private static boolean matches(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode actual = event == null ? null : event.get(field.getKey());
            if (actual == null || actual.isNull()) {
                return false;
            }
            JsonNode expected = field.getValue();
            boolean ok = expected.isObject() ? matches(expected, actual) : anyEqual(expected, actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyEqual(JsonNode allowed, JsonNode actual) {
        if (actual.isArray()) {
            for (JsonNode element : actual) {
                if (anyEqual(allowed, element)) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode value : allowed) {
            if (value.equals(actual)) {
                return true;
            }
        }
        return false;
    }

    private static void check(JsonNode node, String path) {
        node.fields().forEachRemaining(field -> {
            String where = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                check(value, where);
            } else if (value.isArray()) {
                value.forEach(v -> {
                    if (!v.isValueNode()) {
                        throw new IllegalArgumentException("the twin's event patterns take exact values only; "
                                + where + " has the content filter " + v);
                    }
                });
            } else {
                throw new IllegalArgumentException("event pattern field " + where + " must be an array or an object, got " + value);
            }
        });
    }
}
