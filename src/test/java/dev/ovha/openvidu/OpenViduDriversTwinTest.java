package dev.ovha.openvidu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ovha.config.Secret;
import dev.ovha.probe.BalancingProbe;
import dev.ovha.probe.BalancingSample;
import dev.ovha.probe.CoverageBound;
import dev.ovha.probe.ServedCertificate;
import dev.ovha.probe.TlsProbe;
import dev.ovha.report.Evidence;
import dev.ovha.report.Redactor;
import dev.ovha.testing.TwinFixture;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinOptions;
import dev.ovha.twin.sim.Fault;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The OpenVidu-side drivers and probes against the twin's load balancer, TLS verified with the twin's CA. */
class OpenViduDriversTwinTest {
    @AutoClose
    private final TwinFixture fixture = TwinFixture.of(TwinOptions.deterministic());
    private final Twin twin = fixture.twin();
    private final OpenViduEndpoint endpoint = fixture.openViduEndpoint();
    private final OpenViduApi api = new OpenViduApi(endpoint, Evidence.NONE, Redactor.none());

    @Test
    void readsConfigHealthStatusAndMediaNodes() {
        OpenViduConfig config = api.config();
        assertThat(config.instanceId()).startsWith("i-");
        assertThat(config.version()).hasValue("2.32.2");
        assertThat(config.shared()).doesNotContainKey(OpenViduConfig.INSTANCE_ID).containsEntry("OPENVIDU_EDITION", "enterprise");
        ClusterHealth health = api.health();
        assertThat(health.httpStatus()).isEqualTo(200);
        assertThat(health.status()).isEqualTo("UP");
        assertThat(health.masters()).hasSize(2).allSatisfy(m -> assertThat(m.id()).startsWith("master_10.0."));
        assertThat(api.status().startTime()).isPositive();
        assertThat(api.mediaNodes()).hasSize(2).allSatisfy(n -> {
            assertThat(n.id()).isEqualTo("media_" + n.environmentId());
            assertThat(n.connected()).isTrue();
            assertThat(n.status()).isEqualTo("running");
        });
    }

    @Test
    void createsListsAndClosesSessions() {
        OpenViduSession session = api.createSession(Optional.of("driver-test"));
        assertThat(session.id()).isEqualTo("driver-test");
        assertThat(api.sessions()).extracting(OpenViduSession::id).contains("driver-test");
        api.closeSession("driver-test");
        assertThat(api.sessions()).extracting(OpenViduSession::id).doesNotContain("driver-test");
        assertThatThrownBy(() -> api.closeSession("driver-test")).isInstanceOf(OpenViduApiException.class)
                .hasMessageContaining("answered 404, expected 204");
    }

    @Test
    void aWrongSecretOrNoneIsRefusedAndTheRootIsTheBalancers401() {
        assertThat(api.withSecret(Secret.of("wrong")).send("GET", "/openvidu/api/config", Optional.empty()).status()).isEqualTo(401);
        assertThat(api.withoutCredentials().send("GET", "/openvidu/api/sessions", Optional.empty()).status()).isEqualTo(401);
        assertThat(api.root().status()).isEqualTo(401);
        HttpAnswer plain = api.plainHttp("/openvidu/api/config");
        assertThat(plain.status()).isEqualTo(301);
        assertThat(plain.location()).hasValue(endpoint.url() + "/openvidu/api/config");
    }

    @Test
    void anApplicationOpensConnectsListsAndClosesASession() {
        OpenViduApplication app = new OpenViduApplication(endpoint, Evidence.NONE, Redactor.none());
        ApplicationSession session = app.openSession();
        IssuedConnection connection = app.connect(session);
        assertThat(connection.token()).startsWith("wss://ovha-twin.ovha.test?sessionId=" + session.id() + "&token=tok_");
        assertThat(connection.status()).isEqualTo("pending");
        assertThat(app.activeSessionIds()).contains(session.id());
        app.close(session);
        assertThat(app.activeSessionIds()).doesNotContain(session.id());
    }

    @Test
    void balancingSamplesUntilEveryMasterAnswered() {
        Set<String> masters = twin.inWorld(w -> w.masterGroup().activeInstances().stream()
                .map(m -> m.instanceId()).collect(Collectors.toSet()));
        BalancingSample sample = new BalancingProbe(api).sample(masters, CoverageBound.forMasters(2));
        assertThat(sample.configs().keySet()).containsExactlyInAnyOrderElementsOf(masters);
        assertThat(sample.requests()).isEqualTo(2);

        twin.inject(Fault.LB_STICKY);
        BalancingSample sticky = new BalancingProbe(api).sample(masters, CoverageBound.forMasters(2));
        assertThat(sticky.requests()).isEqualTo(21);
        assertThat(sticky.configs()).hasSize(1);
    }

    @Test
    void theTlsProbeReadsTheServedCertificate() throws IOException {
        TlsProbe probe = new TlsProbe(endpoint.caPem(), Clock.systemUTC());
        ServedCertificate good = probe.probe(endpoint.host(), endpoint.port());
        assertThat(good.validForHost()).isTrue();
        assertThat(good.names()).contains("127.0.0.1", "localhost");
        assertThat(good.daysLeft()).isGreaterThan(300);

        twin.inject(Fault.CERT_WRONG_HOST);
        ServedCertificate wrong = probe.probe(endpoint.host(), endpoint.port());
        assertThat(wrong.validForHost()).isFalse();
        assertThat(wrong.names()).containsExactly("wrong-host.ovha.test");

        assertThatThrownBy(() -> new TlsProbe(Optional.empty(), Clock.systemUTC()).probe(endpoint.host(), endpoint.port()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void withoutTheTwinsCaTheApiIsUnreachableNotRelaxed() {
        OpenViduEndpoint untrusted = new OpenViduEndpoint(endpoint.url(), endpoint.httpUrl(), Optional.empty(),
                endpoint.secret(), 1);
        assertThatThrownBy(() -> new OpenViduApi(untrusted, Evidence.NONE, Redactor.none()).config())
                .isInstanceOf(OpenViduUnreachable.class).hasMessageContaining("not trusted");
        assertThat(NoAnswer.kind(new SSLHandshakeException("PKIX path building failed"))).isEqualTo(NoAnswer.Kind.TLS_UNTRUSTED);
        assertThat(List.of(NoAnswer.Kind.values())).contains(NoAnswer.Kind.TLS_WRONG_HOST);
    }

    @Test
    void aCertificateForAnotherHostIsRefusedByTheApiClient() {
        twin.inject(Fault.CERT_WRONG_HOST);
        assertThatThrownBy(api::config).isInstanceOf(OpenViduUnreachable.class)
                .hasMessageContaining("not valid for the host")
                .satisfies(e -> assertThat(NoAnswer.kind(e)).isEqualTo(NoAnswer.Kind.TLS_WRONG_HOST));
    }
}
