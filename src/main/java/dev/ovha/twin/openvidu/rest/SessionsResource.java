package dev.ovha.twin.openvidu.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovha.twin.openvidu.ConnectionRecord;
import dev.ovha.twin.openvidu.MasterNode;
import dev.ovha.twin.openvidu.OpenViduCluster;
import dev.ovha.twin.openvidu.SessionRecord;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.seed.OpenViduVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /openvidu/api/sessions…}: sessions and connections, with OpenVidu's validation rules and
 * exact key sets ({@code openvidu-ha.md} §1.2-1.3). Through the replication-manager, the list is the
 * union over all masters and a session is served by its owner.
 */
final class SessionsResource {

    private static final Set<String> MEDIA_MODES = Set.of("ROUTED");
    private static final Set<String> RECORDING_MODES = Set.of("ALWAYS", "MANUAL");
    private static final Set<String> OUTPUT_MODES = Set.of("COMPOSED", "COMPOSED_QUICK_START", "INDIVIDUAL");
    private static final Set<String> LAYOUTS = Set.of("BEST_FIT", "CUSTOM", "PICTURE_IN_PICTURE", "VERTICAL_PRESENTATION",
            "HORIZONTAL_PRESENTATION");
    private static final Set<String> CODECS = Set.of("MEDIA_SERVER_PREFERRED", "NONE", "VP8", "VP9", "H264");
    private static final Set<String> ROLES = Set.of("SUBSCRIBER", "PUBLISHER", "MODERATOR");

    private final OpenViduCluster cluster;

    SessionsResource(OpenViduCluster cluster) {
        this.cluster = cluster;
    }

    HttpReply handle(MasterNode self, RestRequest request, List<String> parts) {
        String method = request.method();
        if (parts.isEmpty()) {
            return switch (method) {
                case "POST" -> create(self, request);
                case "GET" -> list(self, request);
                default -> Json.text(405, "Method " + method + " is not allowed on /openvidu/api/sessions");
            };
        }
        String sessionId = parts.get(0);
        if (parts.size() == 1) {
            return switch (method) {
                case "GET" -> Json.ok(session(find(self, sessionId, 404), request.flag("pendingConnections")));
                case "DELETE" -> {
                    find(self, sessionId, 404);
                    cluster.closeSession(sessionId);
                    yield Json.empty(204);
                }
                default -> Json.text(405, "Method " + method + " is not allowed on a session");
            };
        }
        if (!parts.get(1).equals("connection")) {
            throw new RestError(404, "Unknown path");
        }
        return connections(self, request, parts, sessionId);
    }

    private HttpReply connections(MasterNode self, RestRequest request, List<String> parts, String sessionId) {
        String method = request.method();
        if (parts.size() == 2) {
            return switch (method) {
                case "POST" -> connect(find(self, sessionId, 404), request);
                case "GET" -> {
                    SessionRecord session = find(self, sessionId, 404);
                    ArrayNode content = Json.array();
                    session.connections().forEach(c -> content.add(connection(c)));
                    yield Json.ok(Json.object().put("numberOfElements", content.size()).set("content", content));
                }
                default -> Json.text(405, "Method " + method + " is not allowed on connections");
            };
        }
        SessionRecord session = find(self, sessionId, 400);
        String connectionId = parts.get(2);
        return switch (method) {
            case "GET" -> Json.ok(connection(session.connections().stream().filter(c -> c.id().equals(connectionId))
                    .findFirst().orElseThrow(() -> new RestError(404, "Connection " + connectionId + " does not exist"))));
            case "DELETE" -> {
                cluster.disconnect(session, connectionId);
                yield Json.empty(204);
            }
            case "PATCH" -> {
                ObjectNode body = Json.body(request);
                String role = optionalEnum(body, "role", ROLES).orElse(null);
                Boolean record = present(body, "record") ? bool(body, "record") : null;
                yield Json.ok(connection(cluster.updateConnection(session, connectionId, role, record)));
            }
            default -> Json.text(405, "Method " + method + " is not allowed on a connection");
        };
    }

    private HttpReply create(MasterNode self, RestRequest request) {
        ObjectNode body = Json.body(request);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("mediaMode", optionalEnum(body, "mediaMode", MEDIA_MODES).orElse("ROUTED"));
        properties.put("recordingMode", optionalEnum(body, "recordingMode", RECORDING_MODES).orElse("MANUAL"));
        properties.put("forcedVideoCodec", optionalEnum(body, "forcedVideoCodec", CODECS).orElse("MEDIA_SERVER_PREFERRED"));
        properties.put("allowTranscoding", present(body, "allowTranscoding") && bool(body, "allowTranscoding"));
        properties.put("defaultRecordingProperties", recordingProperties(body.get("defaultRecordingProperties")));
        Optional<String> customId = optionalString(body, "customSessionId").filter(s -> !s.isEmpty());
        if (customId.isPresent() && !customId.get().matches("[0-9a-zA-Z_-]+")) {
            throw new RestError(400, "Parameter 'customSessionId' is wrong. Must be an alphanumeric string [a-zA-Z0-9_-]");
        }
        JsonNode mediaNode = body.get("mediaNode");
        Optional<String> allocated = Optional.empty();
        if (mediaNode != null && !mediaNode.isNull()) {
            String nodeId = mediaNode.path("id").asText("");
            allocated = Optional.of(cluster.mediaNode(nodeId)
                    .orElseThrow(() -> new RestError(404, "Media Node " + nodeId + " does not exist")).id());
        }
        SessionRecord session = cluster.createSession(self, customId, properties, allocated);
        return Json.ok(session(session, false));
    }

    private static Map<String, Object> recordingProperties(JsonNode node) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (node != null && !node.isNull() && !node.isObject()) {
            throw new RestError(400, "Parameter 'defaultRecordingProperties' must be a JSON object");
        }
        ObjectNode given = node == null || node.isNull() ? Json.object() : (ObjectNode) node;
        props.put("hasVideo", !present(given, "hasVideo") || bool(given, "hasVideo"));
        props.put("frameRate", given.path("frameRate").asInt(25));
        props.put("hasAudio", !present(given, "hasAudio") || bool(given, "hasAudio"));
        props.put("shmSize", given.path("shmSize").asLong(536870912L));
        props.put("name", given.path("name").asText(""));
        props.put("outputMode", optionalEnum(given, "outputMode", OUTPUT_MODES).orElse("COMPOSED"));
        props.put("resolution", given.path("resolution").asText("1280x720"));
        props.put("recordingLayout", optionalEnum(given, "recordingLayout", LAYOUTS).orElse("BEST_FIT"));
        return props;
    }

    private HttpReply connect(SessionRecord session, RestRequest request) {
        ObjectNode body = Json.body(request);
        String type = optionalString(body, "type").orElse("WEBRTC");
        if (type.equals("IPCAM")) {
            throw new RestError(400, "IPCAM connections need a media node that can reach the camera; the twin has no media plane");
        }
        if (!type.equals("WEBRTC")) {
            throw new RestError(400, "Parameter 'type' " + type + " is not defined");
        }
        String role = optionalEnum(body, "role", ROLES).orElse("PUBLISHER");
        String data = optionalString(body, "data").orElse("");
        boolean record = !present(body, "record") || bool(body, "record");
        return Json.ok(connection(cluster.connect(session, data, role, record)));
    }

    private HttpReply list(MasterNode self, RestRequest request) {
        boolean pending = request.flag("pendingConnections");
        ArrayNode content = Json.array();
        cluster.sessionsSeenBy(self).forEach(s -> content.add(session(s, pending)));
        return Json.ok(Json.object().put("numberOfElements", content.size()).set("content", content));
    }

    private SessionRecord find(MasterNode self, String id, int statusWhenMissing) {
        return cluster.sessionSeenBy(self, id).orElseThrow(() -> new RestError(statusWhenMissing, "Session " + id + " does not exist"));
    }

    private ObjectNode session(SessionRecord s, boolean withPending) {
        ObjectNode json = Json.object();
        json.put("id", s.id());
        json.put("object", "session");
        json.put("sessionId", s.id());
        json.put("createdAt", s.createdAt().toEpochMilli());
        json.put("mediaMode", (String) s.properties().get("mediaMode"));
        json.put("recordingMode", (String) s.properties().get("recordingMode"));
        json.set("defaultRecordingProperties", Json.MAPPER.valueToTree(s.properties().get("defaultRecordingProperties")));
        json.put("customSessionId", s.customId() ? s.id() : "");
        s.mediaNodeId().ifPresent(node -> json.put("mediaNodeId", node));
        ArrayNode content = Json.array();
        if (withPending) {
            s.connections().forEach(c -> content.add(connection(c)));
        }
        json.set("connections", Json.object().put("numberOfElements", content.size()).set("content", content));
        json.put("recording", false);
        if (OpenViduVersion.compare(cluster.version(), "2.26.0") >= 0) {
            json.put("broadcasting", false);
        }
        json.put("forcedVideoCodec", (String) s.properties().get("forcedVideoCodec"));
        json.put("allowTranscoding", (Boolean) s.properties().get("allowTranscoding"));
        return json;
    }

    private static ObjectNode connection(ConnectionRecord c) {
        ObjectNode json = Json.object();
        json.put("id", c.id());
        json.put("object", "connection");
        json.put("type", "WEBRTC");
        json.put("status", "pending");
        json.put("connectionId", c.id());
        json.put("sessionId", c.sessionId());
        json.put("createdAt", c.createdAt().toEpochMilli());
        for (String absent : List.of("activeAt", "location", "ip", "platform")) {
            json.putNull(absent);
        }
        json.put("token", c.token());
        json.put("serverData", c.serverData());
        json.put("record", c.record());
        json.put("role", c.role());
        for (String absent : List.of("kurentoOptions", "rtspUri", "adaptativeBitrate", "onlyPlayWithSubscribers", "networkCache",
                "clientData", "publishers", "subscribers")) {
            json.putNull(absent);
        }
        json.set("customIceServers", Json.array());
        return json;
    }

    private static Optional<String> optionalString(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new RestError(400, "Parameter '" + field + "' must be a string");
        }
        return Optional.of(node.asText());
    }

    private static Optional<String> optionalEnum(ObjectNode body, String field, Set<String> allowed) {
        Optional<String> value = optionalString(body, field);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw new RestError(400, "Parameter '" + field + "' " + value.get() + " is not defined");
        }
        return value;
    }

    /** Clients such as openvidu-java-client send absent members as JSON null. */
    private static boolean present(ObjectNode body, String field) {
        return body.hasNonNull(field);
    }

    private static boolean bool(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (!node.isBoolean()) {
            throw new RestError(400, "Parameter '" + field + "' must be a boolean");
        }
        return node.asBoolean();
    }
}
