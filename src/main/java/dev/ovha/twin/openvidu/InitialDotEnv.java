package dev.ovha.twin.openvidu;

import dev.ovha.twin.state.Stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code .env} a freshly deployed stack's first master writes to the S3 bucket: the values the
 * launch template passes in (from the stack parameters) and what the AMI's init script sets
 * ({@code openvidu-ha.md} §2.2), over the enterprise defaults.
 */
public final class InitialDotEnv {

    private InitialDotEnv() {
    }

    public static DotEnv of(Stack stack, String secret, String bucket, String region) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DOMAIN_OR_PUBLIC_IP", stack.parameter("DomainName").orElse(""));
        env.put("OPENVIDU_PRO_LICENSE", "twin-license");
        env.put("OPENVIDU_SECRET", secret);
        env.put("OPENVIDU_EDITION", "enterprise");
        env.put("OPENVIDU_ENTERPRISE_MEDIA_SERVER", stack.parameter("MediaServer").orElse("mediasoup"));
        env.put("OPENVIDU_PRO_CLUSTER_ID", stack.parameter("OpenViduProClusterId").orElse(""));
        env.put("OPENVIDU_PRO_CLUSTER_ENVIRONMENT", "aws");
        env.put("OPENVIDU_PRO_CLUSTER_MODE", "manual");
        env.put("OPENVIDU_PRO_CLUSTER_AUTOSCALING", "false");
        env.put("OPENVIDU_PRO_CLUSTER_LOAD_STRATEGY", "streams");
        env.put("OPENVIDU_PRO_CLUSTER_RECONNECTION_TIMEOUT", "3");
        env.put("OPENVIDU_RECORDING", stack.parameter("OpenViduRecording").orElse("false"));
        env.put("OPENVIDU_RECORDING_PATH", "/opt/openvidu/recordings");
        env.put("OPENVIDU_RECORDING_PUBLIC_ACCESS", "false");
        env.put("OPENVIDU_RECORDING_NOTIFICATION", "publisher_moderator");
        env.put("OPENVIDU_RECORDING_CUSTOM_LAYOUT", "/opt/openvidu/custom-layout");
        env.put("OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT", "120");
        env.put("OPENVIDU_PRO_RECORDING_STORAGE", "s3");
        env.put("OPENVIDU_PRO_AWS_S3_BUCKET", bucket + "/recordings");
        env.put("OPENVIDU_PRO_ELASTICSEARCH", stack.parameter("ElasticsearchEnabled").orElse("false"));
        env.put("OPENVIDU_PRO_ELASTICSEARCH_HOST", stack.parameter("ElasticsearchUrl").orElse(""));
        env.put("OPENVIDU_PRO_KIBANA_HOST", stack.parameter("KibanaUrl").orElse(""));
        env.put("ELASTICSEARCH_USERNAME", stack.parameter("ElasticsearchUser").orElse(""));
        env.put("ELASTICSEARCH_PASSWORD", stack.parameter("ElasticsearchPassword").orElse(""));
        env.put("OPENVIDU_WEBHOOK", "false");
        env.put("OPENVIDU_CDR", "false");
        env.put("OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH", "1000");
        env.put("OPENVIDU_STREAMS_VIDEO_MIN_RECV_BANDWIDTH", "300");
        env.put("OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH", "1000");
        env.put("OPENVIDU_STREAMS_VIDEO_MIN_SEND_BANDWIDTH", "300");
        env.put("OPENVIDU_STREAMS_FORCED_VIDEO_CODEC", "MEDIA_SERVER_PREFERRED");
        env.put("OPENVIDU_STREAMS_ALLOW_TRANSCODING", "false");
        env.put("OPENVIDU_WEBRTC_SIMULCAST", "false");
        env.put("OPENVIDU_SESSIONS_GARBAGE_INTERVAL", "900");
        env.put("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD", "3600");
        env.put("OPENVIDU_PRO_STATS_SESSION_INTERVAL", "0");
        env.put("OPENVIDU_PRO_STATS_SERVER_INTERVAL", "0");
        env.put("OPENVIDU_PRO_STATS_MONITORING_INTERVAL", "10");
        env.put("OPENVIDU_PRO_STATS_WEBRTC_INTERVAL", "30");
        env.put("OPENVIDU_PRO_NETWORK_QUALITY", "false");
        env.put("OPENVIDU_PRO_SPEECH_TO_TEXT", "disabled");
        env.put("RM_S3_CONFIGURATION_BUCKET", bucket);
        env.put("RM_S3_CONFIGURATION_BUCKET_REGION", region);
        env.put("OPENVIDU_ENTERPRISE_S3_CONFIG_AUTORESTART", stack.parameter("OpenViduS3ConfigAutoRestart").orElse("true"));
        return DotEnv.of(env);
    }
}
