package dev.ovha.twin.openvidu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.ovha.twin.TwinTestSupport.inService;
import static dev.ovha.twin.TwinTestSupport.masters;
import static dev.ovha.twin.TwinTestSupport.media;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenVidu REST API through the twin's HTTPS load balancer, on a manual clock. */
class OpenViduTwinTest {

    @AutoClose
    private final Twin twin = Twin.start(TwinOptions.deterministic());
    private final OpenViduHttp api = new OpenViduHttp(twin.endpoints());

    @Test
    void theRootIsTheLoadBalancersFixed401() {
        HttpResponse<String> root = api.secret(null).get("/");
        assertThat(root.statusCode()).isEqualTo(401);
        assertThat(root.body()).isEmpty();
        assertThat(root.headers().firstValue("Server")).contains("awselb/2.0");
    }

    @Test
    void configRotatesOverEveryHealthyMaster() {
        List<String> masters = inService(twin, masters(twin));
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 4).forEach(i -> seen.add(api.json("GET", "/openvidu/api/config", null, 200).path("AWS_INSTANCE_ID").asText()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(masters);
        JsonNode config = api.json("GET", "/openvidu/api/config", null, 200);
        assertThat(config.path("OPENVIDU_EDITION").asText()).isEqualTo("enterprise");
        assertThat(config.path("OPENVIDU_PRO_CLUSTER_ENVIRONMENT").asText()).isEqualTo("aws");
        assertThat(config.path("VERSION").asText()).isEqualTo("2.32.2");
        assertThat(config.path("OPENVIDU_PRO_CLUSTER_ID").asText()).isEqualTo("ovha-twin-cluster");
        assertThat(config.path("KMS_URIS").isArray()).isTrue();
        assertThat(config.path("HTTPS_PORT").isNumber()).isTrue();
        assertThat(config.path("OPENVIDU_RECORDING").isBoolean()).isTrue();
        assertThat(config.has("OPENVIDU_SECRET")).as("the secret is never part of /config").isFalse();
    }

    @Test
    void aStickyLoadBalancerAlwaysAnswersFromOneMaster() {
        twin.inject(Fault.LB_STICKY);
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 6).forEach(i -> seen.add(api.json("GET", "/openvidu/api/config", null, 200).path("AWS_INSTANCE_ID").asText()));
        assertThat(seen).hasSize(1);
    }

    @Test
    void aWrongOrMissingSecretIs401OnEveryPath() {
        for (String path : List.of("/openvidu/api/config", "/openvidu/api/sessions", "/openvidu/api/media-nodes",
                "/openvidu/api/health", "/openvidu/api/status", "/openvidu/api/nope", "/anything")) {
            assertThat(api.secret("WRONG_SECRET").get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(api.secret(null).get(path).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void plainHttpRedirectsToHttps() throws Exception {
        var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        var response = http.send(java.net.http.HttpRequest.newBuilder(twin.endpoints().openviduHttpUrl().resolve("/openvidu/api/config?x=1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains(twin.endpoints().openviduUrl() + "/openvidu/api/config?x=1");
    }

    @Test
    void healthIsUpWithEveryMasterAndUnstableWhenAMediaNodeIsDisconnected() {
        JsonNode health = api.json("GET", "/openvidu/api/health", null, 200);
        assertThat(health.path("clusterStatus").asText()).isEqualTo("UP");
        assertThat(health.path("nodes").size()).isEqualTo(2);
        health.path("nodes").forEach(n -> {
            assertThat(n.path("status").asText()).isEqualTo("UP");
            assertThat(n.path("id").asText()).startsWith("master_10.0.");
            assertThat(n.path("uri").asText()).matches("http://10\\.0\\.\\d\\.\\d+:5443");
        });
        twin.inject(Fault.CLUSTER_UNSTABLE);
        JsonNode unstable = api.json("GET", "/openvidu/api/health", null, 409);
        assertThat(unstable.path("clusterStatus").asText()).isEqualTo("UNSTABLE");
        assertThat(unstable.path("nodes").elements().next().path("disconnectedMediaNodes")).hasSize(1);
    }

    @Test
    void mediaNodesAreTheMediaGroupsInstancesAndCannotBeChanged() {
        List<String> instances = inService(twin, media(twin));
        JsonNode list = api.json("GET", "/openvidu/api/media-nodes", null, 200);
        assertThat(list.path("numberOfElements").asInt()).isEqualTo(2);
        List<String> ids = list.path("content").findValuesAsText("environmentId");
        assertThat(ids).containsExactlyInAnyOrderElementsOf(instances);
        JsonNode one = list.path("content").get(0);
        assertThat(one.path("id").asText()).isEqualTo("media_" + one.path("environmentId").asText());
        assertThat(one.path("status").asText()).isEqualTo("running");
        assertThat(one.path("connected").asBoolean()).isTrue();
        assertThat(one.path("ip").asText()).startsWith("10.0.");
        assertThat(api.json("GET", "/openvidu/api/media-nodes/" + one.path("id").asText() + "?sessions=true", null, 200)
                .path("sessions").isArray()).isTrue();
        for (String method : List.of("POST", "PUT")) {
            assertThat(api.send(method, "/openvidu/api/media-nodes", "{}").statusCode()).isEqualTo(405);
        }
        for (String method : List.of("DELETE", "PATCH")) {
            HttpResponse<String> refused = api.send(method, "/openvidu/api/media-nodes/" + one.path("id").asText(), "{}");
            assertThat(refused.statusCode()).isEqualTo(405);
            assertThat(refused.body()).contains("For OpenVidu Enterprise HA clusters this method is not allowed");
        }
        assertThat(api.get("/openvidu/api/media-nodes/media_i-0000000000000dead").statusCode()).isEqualTo(404);
    }

    @Test
    void sessionsFollowOpenViduRules() {
        JsonNode created = api.json("POST", "/openvidu/api/sessions", "{\"customSessionId\":\"room-1\"}", 200);
        assertThat(created.path("id").asText()).isEqualTo("room-1");
        assertThat(created.path("object").asText()).isEqualTo("session");
        assertThat(created.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "object", "sessionId", "createdAt",
                "mediaMode", "recordingMode", "defaultRecordingProperties", "customSessionId", "connections", "recording",
                "broadcasting", "forcedVideoCodec", "allowTranscoding");
        assertThat(api.send("POST", "/openvidu/api/sessions", "{\"customSessionId\":\"room-1\"}").statusCode()).isEqualTo(409);
        String random = api.json("POST", "/openvidu/api/sessions", "{}", 200).path("id").asText();
        assertThat(random).matches("ses_[A-Z][a-zA-Z0-9]{9}");
        for (String bad : List.of("{\"mediaMode\":\"NOT_EXISTS\"}", "{\"recordingMode\":false}", "{\"customSessionId\":999}",
                "{\"defaultRecordingProperties\":\"STR\"}", "{\"defaultRecordingProperties\":{\"outputMode\":\"NOT_EXISTS\"}}")) {
            assertThat(api.send("POST", "/openvidu/api/sessions", bad).statusCode()).as(bad).isEqualTo(400);
        }
        JsonNode connection = api.json("POST", "/openvidu/api/sessions/room-1/connection", "{\"role\":\"MODERATOR\",\"data\":\"qa\"}", 200);
        assertThat(connection.path("status").asText()).isEqualTo("pending");
        assertThat(connection.path("token").asText()).matches("wss://ovha-twin\\.ovha\\.test\\?sessionId=room-1&token=tok_[A-Z][a-zA-Z0-9]{15}");
        assertThat(connection.path("id").asText()).matches("con_[A-Z][a-zA-Z0-9]{9}");
        assertThat(api.json("GET", "/openvidu/api/sessions?pendingConnections=true", null, 200).path("numberOfElements").asInt()).isEqualTo(2);
        assertThat(api.json("GET", "/openvidu/api/sessions/room-1?pendingConnections=true", null, 200)
                .path("connections").path("numberOfElements").asInt()).isEqualTo(1);
        assertThat(api.send("DELETE", "/openvidu/api/sessions", null).statusCode()).isEqualTo(405);
        assertThat(api.send("DELETE", "/openvidu/api/sessions/room-1", null).statusCode()).isEqualTo(204);
        assertThat(api.get("/openvidu/api/sessions/room-1").statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "/openvidu/api/sessions/room-1/connection", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void aDeadMastersSessionsAreGoneAndTheOthersSurvive() {
        List<String> owners = inService(twin, masters(twin));
        // round-robin: consecutive creations land on alternating masters
        api.json("POST", "/openvidu/api/sessions", "{\"customSessionId\":\"a\"}", 200);
        api.json("POST", "/openvidu/api/sessions", "{\"customSessionId\":\"b\"}", 200);
        String ownerOfA = twin.inWorld(w -> w.openVidu().sessions().find("a").orElseThrow().ownerInstanceId());
        twin.inWorld(w -> w.ec2().terminate(w.ec2().instance(ownerOfA).orElseThrow(), "User initiated"));
        assertThat(owners).contains(ownerOfA);
        twin.advance(Duration.ofMinutes(2));
        assertThat(api.get("/openvidu/api/sessions/a").statusCode()).isEqualTo(404);
        assertThat(api.get("/openvidu/api/sessions/b").statusCode()).isEqualTo(200);
        assertThat(api.json("POST", "/openvidu/api/sessions", "{\"customSessionId\":\"a\"}", 200).path("id").asText()).isEqualTo("a");
    }

    @Test
    void withTheFaultEverySessionIsLostOnFailover() {
        twin.inject(Fault.SESSIONS_LOST_ON_FAILOVER);
        api.json("POST", "/openvidu/api/sessions", "{\"customSessionId\":\"a\"}", 200);
        api.json("POST", "/openvidu/api/sessions", "{\"customSessionId\":\"b\"}", 200);
        String ownerOfA = twin.inWorld(w -> w.openVidu().sessions().find("a").orElseThrow().ownerInstanceId());
        twin.inWorld(w -> w.ec2().terminate(w.ec2().instance(ownerOfA).orElseThrow(), "User initiated"));
        twin.advance(Duration.ofMinutes(2));
        assertThat(api.get("/openvidu/api/sessions/b").statusCode()).isEqualTo(404);
    }

    @Test
    void aHealthyTargetWhoseMasterDiedAnswers502UntilTheBalancerDropsIt() {
        String victim = inService(twin, masters(twin)).get(0);
        twin.inWorld(w -> w.ec2().terminate(w.ec2().instance(victim).orElseThrow(), "User initiated"));
        List<Integer> statuses = IntStream.range(0, 4).mapToObj(i -> api.get("/openvidu/api/config").statusCode()).toList();
        assertThat(statuses).contains(502, 200);
        twin.advance(Duration.ofSeconds(45));
        assertThat(IntStream.range(0, 4).mapToObj(i -> api.get("/openvidu/api/config").statusCode())).containsOnly(200);
    }

    @Test
    void withoutHealthyTargetsTheBalancerAnswers503() {
        twin.inWorld(w -> {
            w.masterGroup().suspend("Launch");
            w.masterGroup().activeInstances().forEach(m -> w.ec2().terminate(w.ec2().instance(m.instanceId()).orElseThrow(), "User initiated"));
            return null;
        });
        twin.advance(Duration.ofSeconds(60));
        assertThat(api.get("/openvidu/api/config").statusCode()).isEqualTo(503);
    }

    @Test
    void restartThroughTheApiRestartsEveryMasterAndPersistsToTheEnvFile() {
        List<String> masters = inService(twin, masters(twin));
        assertThat(api.send("POST", "/openvidu/api/restart", "{\"OPENVIDU_SECRET\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/openvidu/api/restart", "{\"NOT_A_PROPERTY\":1}").statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/openvidu/api/restart", "{\"OPENVIDU_SESSIONS_GARBAGE_INTERVAL\":\"soon\"}").statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/openvidu/api/restart", "{\"OPENVIDU_SESSIONS_GARBAGE_INTERVAL\":600}").statusCode()).isEqualTo(200);
        assertThat(api.get("/openvidu/api/config").statusCode()).as("restarting").isEqualTo(502);
        twin.advance(Duration.ofSeconds(30));
        for (int i = 0; i < masters.size(); i++) {
            assertThat(api.json("GET", "/openvidu/api/config", null, 200).path("OPENVIDU_SESSIONS_GARBAGE_INTERVAL").asInt()).isEqualTo(600);
            assertThat(api.json("GET", "/openvidu/api/status", null, 200).path("restartCounter").asInt()).isEqualTo(1);
        }
        String env = twin.inWorld(w -> w.openVidu().store().read().orElseThrow().text());
        assertThat(env).contains("OPENVIDU_SESSIONS_GARBAGE_INTERVAL=600");
        twin.advance(Duration.ofMinutes(1));
        assertThat(api.json("GET", "/openvidu/api/status", null, 200).path("restartCounter").asInt())
                .as("the cluster's own write does not restart it again").isEqualTo(1);
    }

    @Test
    void aRestartThatIsNotPersistedLeavesTheEnvFileUnchanged() {
        twin.inject(Fault.RESTART_NOT_PERSISTED);
        api.send("POST", "/openvidu/api/restart", "{\"OPENVIDU_SESSIONS_GARBAGE_INTERVAL\":600}");
        twin.advance(Duration.ofSeconds(30));
        assertThat(api.json("GET", "/openvidu/api/config", null, 200).path("OPENVIDU_SESSIONS_GARBAGE_INTERVAL").asInt()).isEqualTo(600);
        String env = twin.inWorld(w -> w.openVidu().store().read().orElseThrow().text());
        assertThat(env).contains("OPENVIDU_SESSIONS_GARBAGE_INTERVAL=900");
    }

    @Test
    void editingTheEnvFileRestartsEveryMasterUnlessAutoRestartIsBroken() {
        editEnv("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD=3600", "OPENVIDU_SESSIONS_GARBAGE_THRESHOLD=1800");
        twin.advance(Duration.ofSeconds(40));
        for (int i = 0; i < 2; i++) {
            JsonNode status = api.json("GET", "/openvidu/api/status", null, 200);
            assertThat(status.path("restartCounter").asInt()).isEqualTo(1);
            assertThat(status.path("lastRestartTime").asLong()).isPositive();
            assertThat(api.json("GET", "/openvidu/api/config", null, 200).path("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD").asInt()).isEqualTo(1800);
        }
        twin.inject(Fault.NO_AUTORESTART);
        editEnv("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD=1800", "OPENVIDU_SESSIONS_GARBAGE_THRESHOLD=1200");
        twin.advance(Duration.ofMinutes(2));
        assertThat(api.json("GET", "/openvidu/api/status", null, 200).path("restartCounter").asInt()).isEqualTo(1);
        assertThat(api.json("GET", "/openvidu/api/config", null, 200).path("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD").asInt()).isEqualTo(1800);
    }

    @Test
    void aReplacementMasterBootsWithTheSharedConfigurationAndThenServes() {
        String victim = inService(twin, masters(twin)).get(0);
        twin.inWorld(w -> w.ec2().terminate(w.ec2().instance(victim).orElseThrow(), "User initiated"));
        twin.advance(Duration.ofMinutes(4));
        List<String> now = inService(twin, masters(twin));
        assertThat(now).hasSize(2).doesNotContain(victim);
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 4).forEach(i -> seen.add(api.json("GET", "/openvidu/api/config", null, 200).path("AWS_INSTANCE_ID").asText()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(now);
        JsonNode status = api.json("GET", "/openvidu/api/status", null, 200);
        assertThat(status.path("startTime").asLong()).isPositive();
    }

    private void editEnv(String from, String to) {
        twin.inWorld(w -> {
            String text = w.openVidu().store().read().orElseThrow().text();
            assertThat(text).contains(from);
            w.openVidu().store().write(text.replace(from, to));
            return null;
        });
    }
}
