package dev.ovha.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A twin's state as its control API's {@code GET /state} dumps it, minus what moves by itself while nobody
 * touches the stack (virtual time, messages the schedule rule keeps sending, alarm states): what must be
 * equal before and after a run that was supposed to change nothing, or after a cleanup.
 */
final class ControlStateDump {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlStateDump() {
    }

    static JsonNode of(URI controlUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(controlUrl.resolve("/state"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /state answered " + response.statusCode() + ": " + response.body());
            }
            ObjectNode state = (ObjectNode) JSON.readTree(response.body());
            state.remove("virtualTime");
            state.remove("queues");
            state.withArray("alarms").forEach(alarm -> ((ObjectNode) alarm).remove("state"));
            return state;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the twin's state at " + controlUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
