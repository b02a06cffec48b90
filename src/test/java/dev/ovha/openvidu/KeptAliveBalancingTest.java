package dev.ovha.openvidu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ovha.config.Secret;
import dev.ovha.report.Evidence;
import dev.ovha.report.HttpExchangeRecord;
import dev.ovha.report.Redactor;
import dev.ovha.testing.TwinFixture;
import dev.ovha.twin.TwinOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The driver keeps one TLS connection open between calls, gives it back after every answer (with a
 * body, without one, refused, redirected), and the twin's load balancer still rotates masters per
 * request on that one connection, as an ALB does.
 */
class KeptAliveBalancingTest {
    @AutoClose
    private final TwinFixture fixture = TwinFixture.of(TwinOptions.deterministic());
    private final OpenViduEndpoint endpoint = fixture.openViduEndpoint();
    private final List<HttpExchangeRecord> recorded = new ArrayList<>();

    @Test
    void oneKeptAliveConnectionStillMeetsTheMastersInTurn() {
        OpenViduApi api = new OpenViduApi(endpoint, recordingEvidence(), Redactor.none());
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answeredBy.add(api.config().instanceId());
        }
        assertThat(KeptAliveConnections.open(endpoint.caPem())).isEqualTo(1);
        assertThat(answeredBy.stream().distinct()).hasSize(2);
        for (int i = 1; i < answeredBy.size(); i++) {
            assertThat(answeredBy.get(i)).as("call %d on the same connection", i).isNotEqualTo(answeredBy.get(i - 1));
        }
    }

    @Test
    void everyKindOfAnswerGivesItsConnectionBack() {
        // Far more calls than the pool holds per host: a connection not given back would block within a few.
        for (int i = 0; i < 4 * KeptAliveConnections.PER_ROUTE; i++) {
            OpenViduApi api = new OpenViduApi(endpoint, recordingEvidence(), Redactor.of(List.of(endpoint.secret())));
            assertThat(api.root().status()).isEqualTo(401);
            assertThat(api.withSecret(Secret.of("wrong")).send("GET", OpenViduApi.API + "config", Optional.empty()).status())
                    .isEqualTo(401);
            assertThat(api.send("GET", "/inspector", Optional.empty()).status()).isEqualTo(301);
            assertThat(api.send("GET", OpenViduApi.API + "sessions/absent", Optional.empty()).status()).isEqualTo(404);
            OpenViduSession session = api.createSession(Optional.empty());
            api.closeSession(session.id());
            assertThat(KeptAliveConnections.leased(endpoint.caPem())).isZero();
        }
        assertThat(KeptAliveConnections.open(endpoint.caPem())).isEqualTo(1);
        // The evidence still holds each exchange with its answer, the secret removed.
        assertThat(recorded).hasSize(4 * KeptAliveConnections.PER_ROUTE * 6);
        assertThat(recorded).allSatisfy(r -> assertThat(r.toString()).doesNotContain(fixture.endpoints().secret()));
        assertThat(recorded).anySatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    private Evidence recordingEvidence() {
        return new Evidence() {
            @Override
            public void http(HttpExchangeRecord exchange) {
                recorded.add(exchange);
            }

            @Override
            public void aws(String operation, String subject, Object reported) {
            }
        };
    }
}
