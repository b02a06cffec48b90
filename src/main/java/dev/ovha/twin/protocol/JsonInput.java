package dev.ovha.twin.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input of an AWS JSON 1.0/1.1 call: the request body is one JSON object whose members carry the
 * model's member names, lists are arrays and maps are objects. A member of the wrong JSON type is what
 * AWS's front end rejects with {@code SerializationException}, before any service logic runs.
 */
public final class JsonInput implements AwsInput {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SERIALIZATION = "SerializationException";

    private final JsonNode object;

    private JsonInput(JsonNode object) {
        this.object = object;
    }

    /** Parses a request body; an empty body is an empty input (the SDK sends {@code {}}, curl may send nothing). */
    public static JsonInput parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new JsonInput(JsonNodeFactory.instance.objectNode());
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw AwsError.badRequest(SERIALIZATION, "Malformed JSON request body: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            throw AwsError.badRequest(SERIALIZATION, "The request body must be a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        return new JsonInput(node);
    }

    @Override
    public Optional<String> string(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw wrongType(name, "a scalar", value);
        }
        return Optional.of(value.asText());
    }

    @Override
    public List<String> strings(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull()) {
                throw wrongType(name + "[]", "a scalar", item);
            }
            out.add(item.asText());
        }
        return out;
    }

    @Override
    public List<AwsInput> structs(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        List<AwsInput> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw wrongType(name + "[]", "an object", item);
            }
            out.add(new JsonInput(item));
        }
        return out;
    }

    @Override
    public Optional<AwsInput> struct(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object", value);
        }
        return Optional.of(new JsonInput(value));
    }

    /** A map of string to string ({@code "Attributes": {"k": "v"}}); JSON protocols spell maps as objects. */
    public Map<String, String> stringMap(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object", value);
        }
        Map<String, String> out = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw wrongType(name + "." + e.getKey(), "a scalar", e.getValue());
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /**
     * A map of string to structure ({@code "targets": {"masters": {…}}}), in the order the caller wrote
     * it; rest-json services (FIS) spell their named sub-objects this way.
     */
    public Map<String, JsonInput> structMap(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object", value);
        }
        Map<String, JsonInput> out = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isObject()) {
                throw wrongType(name + "." + e.getKey(), "an object", e.getValue());
            }
            out.put(e.getKey(), new JsonInput(e.getValue()));
        });
        return out;
    }

    /** A map of string to list of strings ({@code "Parameters": {"commands": ["echo hi"]}}, as SSM has it). */
    public Map<String, java.util.List<String>> stringListMap(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object", value);
        }
        Map<String, java.util.List<String>> out = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isArray()) {
                throw wrongType(name + "." + e.getKey(), "an array of strings", e.getValue());
            }
            java.util.List<String> items = new java.util.ArrayList<>();
            e.getValue().forEach(item -> items.add(item.asText()));
            out.put(e.getKey(), items);
        });
        return out;
    }

    /** Whether the member is present and not null (an explicitly empty list or map counts as present). */
    public boolean has(String name) {
        return member(name) != null;
    }

    /** JSON services word a missing required member the way AWS's JSON front end does. */
    @Override
    public String required(String name) {
        return string(name).filter(s -> !s.isEmpty()).orElseThrow(() -> AwsError.badRequest("ValidationException",
                "1 validation error detected: Value null at '" + decapitalize(name)
                        + "' failed to satisfy constraint: Member must not be null"));
    }

    @Override
    public String invalidValueCode() {
        return SERIALIZATION;
    }

    private JsonNode member(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static AwsError wrongType(String name, String expected, JsonNode actual) {
        return AwsError.badRequest(SERIALIZATION, "Member " + name + " must be " + expected + ", got "
                + actual.getNodeType().name().toLowerCase());
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
