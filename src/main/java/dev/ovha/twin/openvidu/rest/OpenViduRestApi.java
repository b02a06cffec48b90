package dev.ovha.twin.openvidu.rest;

import dev.ovha.twin.openvidu.ClusterRejection;
import dev.ovha.twin.openvidu.MasterNode;
import dev.ovha.twin.openvidu.OpenViduCluster;
import dev.ovha.twin.protocol.HttpReply;

import java.util.Arrays;
import java.util.List;

/**
 * What one master's replication-manager answers on port 4443: its own health endpoint, and the whole
 * OpenVidu REST API behind Basic auth ({@code OPENVIDUAPP:<secret>}; a wrong or missing secret is a
 * 401 on every API path). Runs under the twin's state lock.
 */
public final class OpenViduRestApi {

    private static final String API = "/openvidu/api/";

    private final OpenViduCluster cluster;
    private final SessionsResource sessions;
    private final ClusterResource clusterResource;

    public OpenViduRestApi(OpenViduCluster cluster) {
        this.cluster = cluster;
        this.sessions = new SessionsResource(cluster);
        this.clusterResource = new ClusterResource(cluster);
    }

    public HttpReply handle(MasterNode self, RestRequest request) {
        try {
            return route(self, request);
        } catch (RestError e) {
            return Json.text(e.status(), e.getMessage());
        } catch (ClusterRejection e) {
            return switch (e.kind()) {
                case CONFLICT -> Json.empty(409);
                case NOT_FOUND -> Json.text(404, e.getMessage());
                case NOT_ALLOWED -> Json.text(405, e.getMessage());
                case BAD_REQUEST -> Json.text(400, e.getMessage());
            };
        }
    }

    private HttpReply route(MasterNode self, RestRequest request) {
        String path = request.path();
        if (path.equals("/openvidu/health")) {
            // The replication-manager's own health endpoint: the ALB's health check before 2.32.1.
            return Json.text(200, "OK");
        }
        if (request.openViduSecret().filter(cluster::acceptsSecret).isEmpty()) {
            // As Spring Security answers: the challenge lets non-preemptive Basic-auth clients retry.
            return new HttpReply(401, "text/plain;charset=UTF-8", java.util.Map.of("WWW-Authenticate", "Basic realm=\"OpenVidu\""),
                    new byte[0]);
        }
        if (!path.startsWith(API)) {
            return Json.text(404, "Not found: " + path);
        }
        List<String> parts = Arrays.stream(path.substring(API.length()).split("/")).filter(p -> !p.isEmpty()).toList();
        if (parts.isEmpty()) {
            return Json.text(404, "Not found: " + path);
        }
        String method = request.method();
        List<String> rest = parts.subList(1, parts.size());
        return switch (parts.get(0)) {
            case "sessions" -> sessions.handle(self, request, rest);
            case "media-nodes" -> clusterResource.mediaNodes(self, request, rest);
            case "config" -> method.equals("GET") ? clusterResource.config(self) : notAllowed(method, path);
            case "health" -> method.equals("GET") ? clusterResource.health() : notAllowed(method, path);
            case "status" -> method.equals("GET") ? clusterResource.status(self) : notAllowed(method, path);
            case "restart" -> method.equals("POST") ? clusterResource.restart(request) : notAllowed(method, path);
            default -> Json.text(404, "Not found: " + path);
        };
    }

    private static HttpReply notAllowed(String method, String path) {
        return Json.text(405, "Method " + method + " is not allowed on " + path);
    }
}
