package dev.ovha.twin.openvidu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the vendor changed behaviour between versions, the twin follows the selected version. */
class OpenViduVersionsTest {

    @Test
    void before2321TheHealthCheckIsOpenviduHealthExpecting200() {
        try (Twin twin = Twin.start(TwinOptions.deterministic().withVersion("2.31.0"))) {
            String[] check = twin.inWorld(w -> {
                var hc = w.elb().targetGroups().get(0).healthCheck();
                return new String[]{hc.path(), hc.matcher()};
            });
            assertThat(check).containsExactly("/openvidu/health", "200");
            assertThat(new OpenViduHttp(twin.endpoints()).json("GET", "/openvidu/api/config", null, 200).path("VERSION").asText())
                    .isEqualTo("2.31.0");
        }
    }

    @Test
    void before228HealthAnswersWithStatusAndNoMasterList() {
        try (Twin twin = Twin.start(TwinOptions.deterministic().withVersion("2.27.0"))) {
            JsonNode health = new OpenViduHttp(twin.endpoints()).json("GET", "/openvidu/api/health", null, 200);
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.has("clusterStatus")).isFalse();
        }
    }

    @Test
    void version225HasNoBroadcastingKey() {
        try (Twin twin = Twin.start(TwinOptions.deterministic().withVersion("2.25.0"))) {
            JsonNode session = new OpenViduHttp(twin.endpoints()).json("POST", "/openvidu/api/sessions", "{}", 200);
            assertThat(session.has("broadcasting")).isFalse();
        }
    }
}
