package dev.ovha.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.probe.OpenViduHttpClients;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The two OpenVidu REST calls the chaos layer itself needs: read the configuration ({@code GET
 * /openvidu/api/config}) and change it ({@code POST /openvidu/api/restart}), with Basic auth and explicit
 * TLS trust. Scenarios use the suite's OpenVidu client; this one only serves changes and their undo.
 */
final class OpenViduAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final OpenViduEndpoint endpoint;
    private final HttpClient http;

    OpenViduAdmin(OpenViduEndpoint endpoint) {
        this.endpoint = endpoint;
        this.http = OpenViduHttpClients.of(endpoint, TIMEOUT);
    }

    /** The configuration one master (whichever the load balancer picks) serves. */
    JsonNode config() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(OpenViduHttpClients.resolve(endpoint, "/openvidu/api/config")).GET());
        expect200("GET /openvidu/api/config", response);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET /openvidu/api/config answered 200 with a body that is not JSON");
        }
    }

    /** Changes the given properties; OpenVidu persists them and restarts every master. */
    void restart(Map<String, JsonNode> properties) {
        ObjectNode body = JSON.createObjectNode();
        properties.forEach(body::set);
        HttpResponse<String> response = send(HttpRequest.newBuilder(OpenViduHttpClients.resolve(endpoint, "/openvidu/api/restart"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        expect200("POST /openvidu/api/restart with " + String.join(", ", properties.keySet()), response);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).header("Authorization", OpenViduHttpClients.basicAuthorization(endpoint)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("OpenVidu at " + endpoint.url() + " did not answer: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling OpenVidu at " + endpoint.url());
        }
    }

    private static void expect200(String call, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new IllegalStateException(call + ": expected 200, got " + response.statusCode()
                    + (body.isEmpty() ? "" : " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)));
        }
    }
}
