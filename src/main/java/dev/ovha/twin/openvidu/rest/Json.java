package dev.ovha.twin.openvidu.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovha.twin.protocol.HttpReply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON bodies and OpenVidu's reply conventions: JSON on success, {@code text/plain} messages on error. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The request body as an object; an empty body is an empty object; anything else is a 400. */
    static ObjectNode body(RestRequest request) {
        if (request.body().length == 0) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(request.body());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return object();
            }
            if (!node.isObject()) {
                throw new RestError(400, "The request body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new RestError(400, "The request body is not valid JSON");
        }
    }

    static HttpReply ok(JsonNode body) {
        return reply(200, body);
    }

    static HttpReply reply(int status, JsonNode body) {
        try {
            return new HttpReply(status, "application/json", java.util.Map.of(), MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpReply text(int status, String message) {
        return new HttpReply(status, "text/plain;charset=UTF-8", java.util.Map.of(), message.getBytes(StandardCharsets.UTF_8));
    }

    static HttpReply empty(int status) {
        return new HttpReply(status, "text/plain;charset=UTF-8", java.util.Map.of(), new byte[0]);
    }
}
