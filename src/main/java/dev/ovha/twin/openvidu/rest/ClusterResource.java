package dev.ovha.twin.openvidu.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovha.twin.openvidu.MasterNode;
import dev.ovha.twin.openvidu.MasterStatus;
import dev.ovha.twin.openvidu.MediaNodeRecord;
import dev.ovha.twin.openvidu.OpenViduCluster;
import dev.ovha.twin.protocol.HttpReply;
import dev.ovha.twin.seed.OpenViduVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code config}, {@code health}, {@code status}, {@code restart} and {@code media-nodes} of the REST API. */
final class ClusterResource {

    /** What {@code POST /restart} may change on AWS HA ({@code openvidu-ha.md} §1.8), with the JSON type expected. */
    private static final Map<String, String> MODIFIABLE = new LinkedHashMap<>();
    private static final Set<String> NOT_MODIFIABLE = Set.of("DOMAIN_OR_PUBLIC_IP", "CERTIFICATE_TYPE", "HTTP_PORT", "HTTPS_PORT",
            "OPENVIDU_SECRET", "OPENVIDU_PRO_LICENSE", "OPENVIDU_PRO_STATS_MONITORING_INTERVAL", "OPENVIDU_PRO_CLUSTER_TEST",
            "ELASTICSEARCH_USERNAME", "ELASTICSEARCH_PASSWORD", "KMS_IMAGE", "MEDIASOUP_IMAGE", "OPENVIDU_EDITION",
            "OPENVIDU_ENTERPRISE_MEDIA_SERVER", "OPENVIDU_PRO_ELASTICSEARCH_HOST", "OPENVIDU_PRO_KIBANA_HOST", "COTURN_IP",
            "COTURN_PORT", "COTURN_INTERNAL_RELAY");

    static {
        for (String key : List.of("OPENVIDU_CDR", "OPENVIDU_RECORDING", "OPENVIDU_RECORDING_PUBLIC_ACCESS", "OPENVIDU_WEBHOOK",
                "OPENVIDU_PRO_NETWORK_QUALITY")) {
            MODIFIABLE.put(key, "boolean");
        }
        for (String key : List.of("OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT", "OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH",
                "OPENVIDU_STREAMS_VIDEO_MIN_RECV_BANDWIDTH", "OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH",
                "OPENVIDU_STREAMS_VIDEO_MIN_SEND_BANDWIDTH", "OPENVIDU_SESSIONS_GARBAGE_INTERVAL",
                "OPENVIDU_SESSIONS_GARBAGE_THRESHOLD", "OPENVIDU_PRO_NETWORK_QUALITY_INTERVAL", "OPENVIDU_PRO_STATS_WEBRTC_INTERVAL")) {
            MODIFIABLE.put(key, "integer");
        }
        for (String key : List.of("OPENVIDU_RECORDING_NOTIFICATION", "OPENVIDU_RECORDING_PATH", "OPENVIDU_RECORDING_CUSTOM_LAYOUT",
                "OPENVIDU_WEBHOOK_ENDPOINT")) {
            MODIFIABLE.put(key, "string");
        }
        MODIFIABLE.put("OPENVIDU_WEBHOOK_HEADERS", "array");
        MODIFIABLE.put("OPENVIDU_WEBHOOK_EVENTS", "array");
    }

    private final OpenViduCluster cluster;

    ClusterResource(OpenViduCluster cluster) {
        this.cluster = cluster;
    }

    HttpReply config(MasterNode self) {
        return Json.ok(ConfigView.of(self, cluster.version(), cluster.mediaNodes().size()));
    }

    HttpReply status(MasterNode self) {
        ObjectNode json = Json.object();
        json.put("startTime", self.startTime() == null ? 0 : self.startTime().toEpochMilli());
        json.put("restartCounter", self.restartCounter());
        json.put("lastRestartTime", self.lastRestartTime() == null ? 0 : self.lastRestartTime().toEpochMilli());
        return Json.ok(json);
    }

    /**
     * Healthy when a master is up and every registered media node is connected (UNSTABLE when some are
     * not, DOWN when none is registered or all are disconnected), 200 / 409 / 503. From 2.28 the HA shape
     * lists every master; before that the body is {@code {"status": …}}.
     */
    HttpReply health() {
        List<MediaNodeRecord> nodes = cluster.mediaNodes();
        ArrayNode disconnected = Json.array();
        nodes.stream().filter(n -> !n.connected()).forEach(n -> disconnected.add(n.id()));
        String mediaStatus = nodes.isEmpty() || disconnected.size() == nodes.size() ? "DOWN"
                : disconnected.isEmpty() ? "UP" : "UNSTABLE";
        if (OpenViduVersion.compare(cluster.version(), "2.28.0") < 0) {
            ObjectNode json = Json.object().put("status", mediaStatus);
            json.set("disconnectedMediaNodes", disconnected);
            return Json.reply(statusCode(mediaStatus), json);
        }
        ObjectNode perNode = Json.object();
        int up = 0;
        int listed = 0;
        for (MasterNode master : cluster.masters()) {
            if (master.status() == MasterStatus.DOWN) {
                continue;
            }
            String status = master.status() == MasterStatus.UP ? mediaStatus : "DOWN";
            listed++;
            up += status.equals("UP") ? 1 : 0;
            ObjectNode node = Json.object().put("status", status).put("id", master.nodeId())
                    .put("uri", "http://" + master.privateIp() + ":5443");
            node.set("disconnectedMediaNodes", disconnected.deepCopy());
            perNode.set(master.nodeId(), node);
        }
        boolean allDown = perNode.properties().stream().allMatch(e -> e.getValue().path("status").asText().equals("DOWN"));
        String clusterStatus = listed > 0 && up == listed ? "UP" : allDown ? "DOWN" : "UNSTABLE";
        ObjectNode json = Json.object().put("clusterStatus", clusterStatus);
        json.set("nodes", perNode);
        return Json.reply(statusCode(clusterStatus), json);
    }

    HttpReply restart(RestRequest request) {
        ObjectNode body = Json.body(request);
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            String key = property.getKey();
            if (NOT_MODIFIABLE.contains(key)) {
                throw new RestError(400, "Property " + key + " cannot be modified in OpenVidu Enterprise HA on AWS");
            }
            String type = MODIFIABLE.get(key);
            if (type == null) {
                throw new RestError(400, "Property " + key + " is not a valid OpenVidu property");
            }
            changes.put(key, envValue(key, type, property.getValue()));
        }
        cluster.applyRestart(changes);
        return Json.text(200, "Restarting OpenVidu Server");
    }

    /** Values may come typed or as strings ({@code "true"}), as the vendor's own examples send them. */
    private static String envValue(String key, String type, JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        boolean valid = switch (type) {
            case "boolean" -> value.isBoolean() || text.equals("true") || text.equals("false");
            case "integer" -> value.canConvertToInt() || text.matches("-?\\d+");
            case "array" -> value.isArray();
            default -> value.isTextual();
        };
        if (!valid) {
            // The value itself is not echoed: webhook headers may carry credentials.
            throw new RestError(400, "Property " + key + " must be a " + type);
        }
        return text;
    }

    HttpReply mediaNodes(MasterNode self, RestRequest request, List<String> parts) {
        if (!request.method().equals("GET")) {
            throw new RestError(405, "For OpenVidu Enterprise HA clusters this method is not allowed");
        }
        if (parts.isEmpty()) {
            ArrayNode content = Json.array();
            cluster.mediaNodesSeenBy(self).forEach(n -> content.add(mediaNode(n, request)));
            return Json.ok(Json.object().put("numberOfElements", content.size()).set("content", content));
        }
        MediaNodeRecord node = cluster.mediaNode(parts.get(0))
                .orElseThrow(() -> new RestError(404, "Media Node " + parts.get(0) + " does not exist"));
        return Json.ok(mediaNode(node, request));
    }

    private ObjectNode mediaNode(MediaNodeRecord n, RestRequest request) {
        ObjectNode json = Json.object();
        json.put("id", n.id());
        json.put("object", "mediaNode");
        json.put("environmentId", n.environmentId());
        json.put("ip", n.ip());
        json.put("uri", n.uri());
        json.put("launchingTime", n.launchingTime().toEpochMilli());
        json.put("connected", n.connected());
        if (n.connectionTime() != null) {
            json.put("connectionTime", n.connectionTime().toEpochMilli());
        }
        if (!n.connected() && n.disconnectionTime() != null) {
            json.put("disconnectionTime", n.disconnectionTime().toEpochMilli());
        }
        json.put("load", n.load());
        json.put("status", n.status());
        if (request.flag("sessions")) {
            json.set("sessions", Json.array());
        }
        if (request.flag("recordings")) {
            json.set("recordingIds", Json.array());
            json.set("broadcasts", Json.array());
        }
        if (request.flag("extra-info")) {
            json.set("kurentoInfo", Json.object().put("version", "twin"));
        }
        return json;
    }

    private static int statusCode(String status) {
        return switch (status) {
            case "UP" -> 200;
            case "UNSTABLE" -> 409;
            default -> 503;
        };
    }
}
