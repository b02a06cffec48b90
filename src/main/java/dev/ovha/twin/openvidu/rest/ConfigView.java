package dev.ovha.twin.openvidu.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovha.twin.openvidu.DotEnv;
import dev.ovha.twin.openvidu.MasterNode;

import java.util.List;

/**
 * {@code GET /openvidu/api/config} of one master: the key set the vendor's own tests assert for a Pro
 * cluster ({@code openvidu-ha.md} §1.5), typed, from the master's loaded {@code .env}, plus the HA keys
 * {@code AWS_INSTANCE_ID} and {@code OPENVIDU_ENTERPRISE_MEDIA_SERVER}. Recording and webhook keys
 * appear only when those features are on, as in OpenVidu.
 */
final class ConfigView {

    private ConfigView() {
    }

    static ObjectNode of(MasterNode master, String version, int mediaNodes) {
        DotEnv env = master.config();
        ObjectNode json = Json.object();
        String domain = env.getOrDefault("DOMAIN_OR_PUBLIC_IP", "");
        json.put("VERSION", version);
        json.put("DOMAIN_OR_PUBLIC_IP", domain);
        json.put("HTTPS_PORT", 443);
        json.put("OPENVIDU_EDITION", env.getOrDefault("OPENVIDU_EDITION", "enterprise"));
        json.put("OPENVIDU_PUBLICURL", "https://" + domain);
        json.put("OPENVIDU_CDR", env.flag("OPENVIDU_CDR"));
        for (String key : List.of("OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH", "OPENVIDU_STREAMS_VIDEO_MIN_RECV_BANDWIDTH",
                "OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH", "OPENVIDU_STREAMS_VIDEO_MIN_SEND_BANDWIDTH")) {
            json.put(key, integer(env, key, 0));
        }
        json.put("OPENVIDU_WEBRTC_SIMULCAST", env.flag("OPENVIDU_WEBRTC_SIMULCAST"));
        json.put("OPENVIDU_SESSIONS_GARBAGE_INTERVAL", integer(env, "OPENVIDU_SESSIONS_GARBAGE_INTERVAL", 900));
        json.put("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD", integer(env, "OPENVIDU_SESSIONS_GARBAGE_THRESHOLD", 3600));
        boolean recording = env.flag("OPENVIDU_RECORDING");
        json.put("OPENVIDU_RECORDING", recording);
        if (recording) {
            json.put("OPENVIDU_RECORDING_VERSION", version);
            json.put("OPENVIDU_RECORDING_PATH", env.getOrDefault("OPENVIDU_RECORDING_PATH", "/opt/openvidu/recordings") + "/");
            json.put("OPENVIDU_RECORDING_PUBLIC_ACCESS", env.flag("OPENVIDU_RECORDING_PUBLIC_ACCESS"));
            json.put("OPENVIDU_RECORDING_NOTIFICATION", env.getOrDefault("OPENVIDU_RECORDING_NOTIFICATION", "publisher_moderator"));
            json.put("OPENVIDU_RECORDING_CUSTOM_LAYOUT", env.getOrDefault("OPENVIDU_RECORDING_CUSTOM_LAYOUT", "") + "/");
            json.put("OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT", integer(env, "OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT", 120));
        }
        boolean webhook = env.flag("OPENVIDU_WEBHOOK");
        json.put("OPENVIDU_WEBHOOK", webhook);
        if (webhook) {
            json.put("OPENVIDU_WEBHOOK_ENDPOINT", env.getOrDefault("OPENVIDU_WEBHOOK_ENDPOINT", ""));
            json.set("OPENVIDU_WEBHOOK_HEADERS", list(env.getOrDefault("OPENVIDU_WEBHOOK_HEADERS", "[]")));
            json.set("OPENVIDU_WEBHOOK_EVENTS", list(env.getOrDefault("OPENVIDU_WEBHOOK_EVENTS", "[]")));
        }
        json.put("OPENVIDU_SERVER_DEPENDENCY_VERSION", version);
        json.set("KMS_URIS", Json.array());
        for (String key : List.of("OPENVIDU_PRO_STATS_SESSION_INTERVAL", "OPENVIDU_PRO_STATS_SERVER_INTERVAL",
                "OPENVIDU_PRO_STATS_MONITORING_INTERVAL", "OPENVIDU_PRO_STATS_WEBRTC_INTERVAL")) {
            json.put(key, integer(env, key, 0));
        }
        json.put("OPENVIDU_PRO_CLUSTER_ID", env.getOrDefault("OPENVIDU_PRO_CLUSTER_ID", ""));
        json.put("OPENVIDU_PRO_CLUSTER_ENVIRONMENT", env.getOrDefault("OPENVIDU_PRO_CLUSTER_ENVIRONMENT", "aws"));
        json.put("OPENVIDU_PRO_CLUSTER_MEDIA_NODES", mediaNodes);
        json.put("OPENVIDU_PRO_CLUSTER_PATH", "/opt/openvidu/cluster/");
        json.put("OPENVIDU_PRO_CLUSTER_RECONNECTION_TIMEOUT", integer(env, "OPENVIDU_PRO_CLUSTER_RECONNECTION_TIMEOUT", 3));
        json.put("OPENVIDU_PRO_CLUSTER_AUTOSCALING", env.flag("OPENVIDU_PRO_CLUSTER_AUTOSCALING"));
        boolean elastic = env.flag("OPENVIDU_PRO_ELASTICSEARCH");
        json.put("OPENVIDU_PRO_ELASTICSEARCH", elastic);
        json.put("OPENVIDU_PRO_ELASTICSEARCH_VERSION", "7.8.0");
        json.put("OPENVIDU_PRO_ELASTICSEARCH_HOST", env.getOrDefault("OPENVIDU_PRO_ELASTICSEARCH_HOST", ""));
        json.put("OPENVIDU_PRO_KIBANA", elastic);
        json.put("OPENVIDU_PRO_KIBANA_VERSION", "7.8.0");
        json.put("OPENVIDU_PRO_KIBANA_HOST", env.getOrDefault("OPENVIDU_PRO_KIBANA_HOST", ""));
        json.put("OPENVIDU_PRO_RECORDING_STORAGE", env.getOrDefault("OPENVIDU_PRO_RECORDING_STORAGE", "s3"));
        boolean quality = env.flag("OPENVIDU_PRO_NETWORK_QUALITY");
        json.put("OPENVIDU_PRO_NETWORK_QUALITY", quality);
        if (quality) {
            json.put("OPENVIDU_PRO_NETWORK_QUALITY_INTERVAL", integer(env, "OPENVIDU_PRO_NETWORK_QUALITY_INTERVAL", 5));
        }
        json.put("OPENVIDU_STREAMS_ALLOW_TRANSCODING", env.flag("OPENVIDU_STREAMS_ALLOW_TRANSCODING"));
        json.put("OPENVIDU_STREAMS_FORCED_VIDEO_CODEC", env.getOrDefault("OPENVIDU_STREAMS_FORCED_VIDEO_CODEC", "MEDIA_SERVER_PREFERRED"));
        json.put("OPENVIDU_PRO_SPEECH_TO_TEXT", env.getOrDefault("OPENVIDU_PRO_SPEECH_TO_TEXT", "disabled"));
        json.put("OPENVIDU_ENTERPRISE_MEDIA_SERVER", env.getOrDefault("OPENVIDU_ENTERPRISE_MEDIA_SERVER", "mediasoup"));
        json.put("AWS_INSTANCE_ID", env.getOrDefault("AWS_INSTANCE_ID", master.instanceId()));
        return json;
    }

    private static long integer(DotEnv env, String key, long fallback) {
        try {
            return Long.parseLong(env.getOrDefault(key, String.valueOf(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@code .env} lists are JSON arrays of strings. */
    private static ArrayNode list(String text) {
        try {
            var node = Json.MAPPER.readTree(text);
            return node != null && node.isArray() ? (ArrayNode) node : Json.array();
        } catch (java.io.IOException e) {
            return Json.array();
        }
    }
}
