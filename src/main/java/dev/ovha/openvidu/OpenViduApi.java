package dev.ovha.openvidu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovha.config.Secret;
import dev.ovha.eventually.Attempt;
import dev.ovha.eventually.Eventually;
import dev.ovha.report.Evidence;
import dev.ovha.report.Redactor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The OpenVidu REST API of a stack, through its domain (and so through the load balancer), one method
 * per operation. Calls the vendor says to retry (500-504; also 404 while creating a session) are
 * retried a bounded number of times with back-off; nothing else is. Answers are our records; a wrong
 * answer is an {@link OpenViduApiException} with the status and the redacted body.
 */
public final class OpenViduApi {
    static final String API = "/openvidu/api/";
    /** The vendor's fault-tolerance sample waits 100 ms between retries; we start there and double. */
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenViduEndpoint endpoint;
    private final Optional<String> authorization;
    private final OpenViduHttp http;

    public OpenViduApi(OpenViduEndpoint endpoint, Evidence evidence, Redactor redactor) {
        this(endpoint, Optional.of(basic(endpoint.secret())), new OpenViduHttp(endpoint.caPem(), evidence, redactor));
    }

    private OpenViduApi(OpenViduEndpoint endpoint, Optional<String> authorization, OpenViduHttp http) {
        this.endpoint = endpoint;
        this.authorization = authorization;
        this.http = http;
    }

    public OpenViduEndpoint endpoint() {
        return endpoint;
    }

    /** The same API called with another secret, to show that a wrong one is refused. */
    public OpenViduApi withSecret(Secret other) {
        return new OpenViduApi(endpoint, Optional.of(basic(other)), http);
    }

    /** The same API called without any credentials. */
    public OpenViduApi withoutCredentials() {
        return new OpenViduApi(endpoint, Optional.empty(), http);
    }

    /** {@code GET /openvidu/api/config}: the configuration of whichever master answered. */
    public OpenViduConfig config() {
        JsonNode json = expectJson(send("GET", API + "config", Optional.empty()), 200);
        Map<String, Object> values = JSON.convertValue(json, JSON.getTypeFactory()
                .constructMapType(TreeMap.class, String.class, Object.class));
        return new OpenViduConfig(json.path(OpenViduConfig.INSTANCE_ID).asText(""), new TreeMap<>(values));
    }

    /** {@code GET /openvidu/api/health}; 200, 409 and 503 are all documented answers. */
    public ClusterHealth health() {
        HttpAnswer answer = send("GET", API + "health", Optional.empty());
        JsonNode json = expectJson(answer, 200, 409, 503);
        List<ClusterHealth.MasterHealth> masters = new ArrayList<>();
        List<String> disconnected = new ArrayList<>();
        json.path("disconnectedMediaNodes").forEach(n -> disconnected.add(n.asText()));
        json.path("nodes").properties().forEach(entry -> {
            JsonNode node = entry.getValue();
            masters.add(new ClusterHealth.MasterHealth(node.path("id").asText(entry.getKey()),
                    node.path("status").asText(""), node.path("uri").asText("")));
            node.path("disconnectedMediaNodes").forEach(n -> {
                if (!disconnected.contains(n.asText())) {
                    disconnected.add(n.asText());
                }
            });
        });
        String status = json.has("clusterStatus") ? json.path("clusterStatus").asText() : json.path("status").asText("");
        return new ClusterHealth(answer.status(), status, masters, disconnected);
    }

    /** {@code GET /openvidu/api/status} of whichever master answered. */
    public ServerStatus status() {
        JsonNode json = expectJson(send("GET", API + "status", Optional.empty()), 200);
        return new ServerStatus(json.path("startTime").asLong(), json.path("restartCounter").asInt(),
                json.path("lastRestartTime").asLong());
    }

    /** {@code GET /openvidu/api/media-nodes}: the media nodes the masters have registered. */
    public List<RegisteredMediaNode> mediaNodes() {
        JsonNode json = expectJson(send("GET", API + "media-nodes", Optional.empty()), 200);
        List<RegisteredMediaNode> nodes = new ArrayList<>();
        json.path("content").forEach(n -> nodes.add(new RegisteredMediaNode(n.path("id").asText(""),
                n.path("environmentId").asText(""), n.path("ip").asText(""), n.path("status").asText(""),
                n.path("connected").asBoolean(false))));
        return nodes;
    }

    /** {@code GET /openvidu/api/sessions}: through the load balancer, the sessions of every master. */
    public List<OpenViduSession> sessions() {
        JsonNode json = expectJson(send("GET", API + "sessions", Optional.empty()), 200);
        List<OpenViduSession> sessions = new ArrayList<>();
        json.path("content").forEach(s -> sessions.add(session(s)));
        return sessions;
    }

    /** {@code GET /openvidu/api/sessions/<id>}: the session, or empty when the cluster answers 404. */
    public Optional<OpenViduSession> session(String sessionId) {
        HttpAnswer answer = send("GET", API + "sessions/" + sessionId, Optional.empty());
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(session(expectJson(answer, 200)));
    }

    /** {@code POST /openvidu/api/sessions}, retried as the vendor says (500-504, and 404 during a failover). */
    public OpenViduSession createSession(Optional<String> customSessionId) {
        return createSession(customSessionId, Optional.empty());
    }

    /**
     * As {@link #createSession(Optional)}, on the media node {@code mediaNodeId} ({@code media_<instance id>})
     * when given: OpenVidu Pro's {@code mediaNode} selector, which allocates the session there at once.
     */
    public OpenViduSession createSession(Optional<String> customSessionId, Optional<String> mediaNodeId) {
        List<String> members = new ArrayList<>();
        customSessionId.ifPresent(id -> members.add("\"customSessionId\":" + quoted(id)));
        mediaNodeId.ifPresent(node -> members.add("\"mediaNode\":{\"id\":" + quoted(node) + "}"));
        String body = "{" + String.join(",", members) + "}";
        HttpAnswer answer = send("POST", API + "sessions", Optional.of(body), RetryPolicy.SESSION_CREATION);
        return session(expectJson(answer, 200));
    }

    /** {@code DELETE /openvidu/api/sessions/<id>}: 204, or a failure. */
    public void closeSession(String sessionId) {
        expectStatus(send("DELETE", API + "sessions/" + sessionId, Optional.empty()), 204);
    }

    /**
     * Any request to the API, answered as is after the retries the vendor prescribes, for checks about
     * status codes (authentication, methods that must be refused).
     */
    public HttpAnswer send(String method, String path, Optional<String> jsonBody) {
        return send(method, path, jsonBody, RetryPolicy.SERVER_ERRORS);
    }

    /** {@code GET /} without credentials: on this stack's load balancer, its fixed 401. Not retried. */
    public HttpAnswer root() {
        return http.exchange(endpoint.url(), "GET", "/", Optional.empty(), Optional.empty());
    }

    /** A plain-HTTP request to the load balancer, not retried and not followed if redirected. */
    public HttpAnswer plainHttp(String path) {
        return http.exchange(endpoint.httpUrl(), "GET", path, Optional.empty(), Optional.empty());
    }

    private HttpAnswer send(String method, String path, Optional<String> jsonBody, RetryPolicy policy) {
        return Eventually.retrying(method + " " + path, endpoint.attempts(), FIRST_BACKOFF).call(attempt -> {
            HttpAnswer answer = http.exchange(endpoint.url(), method, path, authorization, jsonBody);
            if (policy.retries(answer.status())) {
                return Attempt.again(new OpenViduApiException(answer.summary() + " on try " + attempt + " of "
                        + endpoint.attempts() + " (the vendor says to retry it; it never stopped): "
                        + answer.bodyExcerpt(), answer.status(), answer.body()));
            }
            return Attempt.done(answer);
        });
    }

    private static JsonNode expectJson(HttpAnswer answer, int... expected) {
        expectStatus(answer, expected);
        try {
            JsonNode json = JSON.readTree(answer.body());
            if (json == null || !json.isObject()) {
                throw new OpenViduApiException(answer.summary() + " with a body that is not a JSON object: "
                        + answer.bodyExcerpt(), answer.status(), answer.body());
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new OpenViduApiException(answer.summary() + " with a body that is not JSON (is the domain"
                    + " pointing at another server?): " + answer.bodyExcerpt(), answer.status(), answer.body());
        }
    }

    private static void expectStatus(HttpAnswer answer, int... expected) {
        for (int status : expected) {
            if (answer.status() == status) {
                return;
            }
        }
        throw new OpenViduApiException(answer.summary() + ", expected " + join(expected)
                + (answer.body().isEmpty() ? "" : ": " + answer.bodyExcerpt()), answer.status(), answer.body());
    }

    private static OpenViduSession session(JsonNode s) {
        return new OpenViduSession(s.path("id").asText(s.path("sessionId").asText("")), s.path("createdAt").asLong(),
                s.path("connections").path("numberOfElements").asInt(0), s.path("mediaNodeId").asText(""));
    }

    private static String join(int... statuses) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < statuses.length; i++) {
            out.append(i == 0 ? "" : i == statuses.length - 1 ? " or " : ", ").append(statuses[i]);
        }
        return out.toString();
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String basic(Secret secret) {
        return "Basic " + Base64.getEncoder().encodeToString(("OPENVIDUAPP:" + secret.reveal())
                .getBytes(StandardCharsets.UTF_8));
    }
}
