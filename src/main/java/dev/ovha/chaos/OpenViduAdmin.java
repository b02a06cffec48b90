package dev.ovha.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovha.config.Timeouts;
import dev.ovha.openvidu.OpenViduEndpoint;
import dev.ovha.probe.OpenViduHttpClients;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The two OpenVidu REST calls the chaos layer itself needs: read the configuration ({@code GET
 * /openvidu/api/config}) and change it ({@code POST /openvidu/api/restart}), with Basic auth and explicit
 * TLS trust. Scenarios use the suite's OpenVidu client; this one only serves changes and their undo.
 *
 * <p>For an undo it is patient: an undo may run while the masters restart (the scenario that failed had
 * restarted them, or the undo played just before this one did), and through the load balancer that is a 502
 * or 503 for some seconds. The vendor says to retry 500-504, so an undo asks again until the API answers,
 * within the undo's time limit. A change made by a scenario asks once: it starts from a steady state.
 */
final class OpenViduAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final OpenViduEndpoint endpoint;
    private final HttpClient http;
    private final Optional<Timeouts> patience;
    private final StopFlag stop;

    /** Asks once. */
    OpenViduAdmin(OpenViduEndpoint endpoint) {
        this(endpoint, Optional.empty(), StopFlag.NEVER);
    }

    /** Asks again while the API answers 500-504, for as long as {@code patience} allows or until {@code stop}. */
    OpenViduAdmin(OpenViduEndpoint endpoint, Timeouts patience, StopFlag stop) {
        this(endpoint, Optional.of(patience), stop);
    }

    private OpenViduAdmin(OpenViduEndpoint endpoint, Optional<Timeouts> patience, StopFlag stop) {
        this.endpoint = endpoint;
        this.http = OpenViduHttpClients.of(endpoint, TIMEOUT);
        this.patience = patience;
        this.stop = stop;
    }

    /** The configuration one master (whichever the load balancer picks) serves. */
    JsonNode config() {
        HttpResponse<String> response = send("GET /openvidu/api/config",
                HttpRequest.newBuilder(OpenViduHttpClients.resolve(endpoint, "/openvidu/api/config")).GET());
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
        String call = "POST /openvidu/api/restart with " + String.join(", ", properties.keySet());
        HttpResponse<String> response = send(call, HttpRequest.newBuilder(OpenViduHttpClients.resolve(endpoint, "/openvidu/api/restart"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        expect200(call, response);
    }

    private HttpResponse<String> send(String call, HttpRequest.Builder request) {
        if (patience.isEmpty()) {
            return sendOnce(request);
        }
        return ChaosWait.until(call + " answered by a master that is up (500-504 are asked again)", patience.get(),
                stop, () -> sendOnce(request), r -> r.statusCode() < 500 || r.statusCode() > 504,
                r -> "HTTP " + r.statusCode());
    }

    private HttpResponse<String> sendOnce(HttpRequest.Builder request) {
        try {
            return http.send(request.copy().timeout(TIMEOUT).header("Authorization", OpenViduHttpClients.basicAuthorization(endpoint)).build(),
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
