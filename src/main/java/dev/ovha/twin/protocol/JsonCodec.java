package dev.ovha.twin.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS JSON 1.0 and 1.1, and rest-json: the answer is one JSON object of the output members. Timestamps are JSON
 * numbers of epoch SECONDS (an ISO string makes the SDK fail to unmarshal); a {@link Struct} is an
 * object, so a JSON map is written as a Struct whose member names are the map's keys.
 *
 * <p>Errors are {@code {"__type":"Code","message":"…"}} with the code also in {@code x-amzn-ErrorType}
 * — bare, because the SDK does not strip a {@code namespace#} prefix from the header. A service that is
 * "awsQueryCompatible" (SQS) also sends {@code x-amzn-query-error: <legacy code>;Sender|Receiver}, from
 * which the SDK reports the query-era error code.
 */
public final class JsonCodec implements ProtocolCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String version;
    private final String contentType;
    private final Map<String, String> legacyCodes;
    private final boolean queryCompatible;

    private JsonCodec(String version, String contentType, Map<String, String> legacyCodes, boolean queryCompatible) {
        this.version = version;
        this.contentType = contentType;
        this.legacyCodes = Map.copyOf(legacyCodes);
        this.queryCompatible = queryCompatible;
    }

    /** AWS JSON {@code version} ("1.0" or "1.1"). */
    public static JsonCodec of(String version) {
        if (!version.equals("1.0") && !version.equals("1.1")) {
            throw new IllegalArgumentException("AWS JSON protocol version must be 1.0 or 1.1, got " + version);
        }
        return new JsonCodec(version, "application/x-amz-json-" + version, Map.of(), false);
    }

    /**
     * rest-json (FIS): the same bodies, timestamps and error shape, answered as {@code application/json};
     * the operation was chosen by method and path, so the codec never sees a target.
     */
    public static JsonCodec restJson() {
        return new JsonCodec("rest-json", "application/json", Map.of(), false);
    }

    /**
     * The same protocol for a service that kept its query-protocol error codes: {@code legacyCodes} maps a
     * JSON error code to its query code where they differ (otherwise the code itself is sent).
     */
    public JsonCodec queryCompatible(Map<String, String> legacy) {
        return new JsonCodec(version, contentType, legacy, true);
    }

    public String contentType() {
        return contentType;
    }

    @Override
    public HttpReply success(String operation, Struct output, String requestId) {
        JsonNode body = output == null ? NODES.objectNode() : object(output);
        return reply(200, body, Map.of("x-amzn-RequestId", requestId));
    }

    @Override
    public HttpReply error(AwsError error, String requestId) {
        ObjectNode body = NODES.objectNode().put("__type", error.code()).put("message", error.getMessage());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", requestId);
        headers.put("x-amzn-ErrorType", error.code());
        if (queryCompatible) {
            headers.put("x-amzn-query-error", legacyCodes.getOrDefault(error.code(), error.code()) + ";"
                    + (error.senderFault() ? "Sender" : "Receiver"));
        }
        return reply(error.status(), body, headers);
    }

    private HttpReply reply(int status, JsonNode body, Map<String, String> headers) {
        return new HttpReply(status, contentType, Map.copyOf(headers), write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static ObjectNode object(Struct struct) {
        ObjectNode node = NODES.objectNode();
        struct.members().forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    private static JsonNode value(Object value) {
        if (value instanceof Struct nested) {
            return object(nested);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(value(item)));
            return array;
        }
        if (value instanceof Instant instant) {
            return epochSeconds(instant);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        return NODES.textNode(String.valueOf(value));
    }

    /** Whole seconds as an integer, otherwise seconds with the fraction (millisecond precision is what AWS sends). */
    private static JsonNode epochSeconds(Instant instant) {
        if (instant.getNano() == 0) {
            return NODES.numberNode(instant.getEpochSecond());
        }
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return NODES.numberNode(seconds);
    }
}
