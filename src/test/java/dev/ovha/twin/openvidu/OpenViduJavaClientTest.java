package dev.ovha.twin.openvidu;

import dev.ovha.tls.PemTrust;
import dev.ovha.twin.Twin;
import dev.ovha.twin.TwinEndpoints;
import dev.ovha.twin.TwinOptions;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduRole;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.SessionProperties;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official OpenVidu Java client, as any application uses it, against the twin's load balancer. */
class OpenViduJavaClientTest {

    @Test
    void createsFetchesAndClosesASessionWithAConnection() throws Exception {
        try (Twin twin = Twin.start(TwinOptions.deterministic())) {
            OpenVidu openVidu = client(twin.endpoints(), twin.endpoints().secret());
            Session session = openVidu.createSession(new SessionProperties.Builder().customSessionId("qa-room").build());
            assertThat(session.getSessionId()).isEqualTo("qa-room");
            Connection connection = session.createConnection(new ConnectionProperties.Builder()
                    .role(OpenViduRole.PUBLISHER).data("qa").build());
            assertThat(connection.getToken()).startsWith("wss://").contains("sessionId=qa-room").contains("&token=tok_");
            assertThat(connection.getStatus()).isEqualTo("pending");
            assertThat(session.fetch()).as("nothing changed").isFalse();
            assertThat(session.getConnections()).hasSize(1);
            openVidu.fetch();
            assertThat(openVidu.getActiveSessions()).extracting(Session::getSessionId).contains("qa-room");
            // a second application instance asking for the same id gets the existing session (409 then fetch)
            Session again = client(twin.endpoints(), twin.endpoints().secret())
                    .createSession(new SessionProperties.Builder().customSessionId("qa-room").build());
            assertThat(again.getSessionId()).isEqualTo("qa-room");
            session.close();
            openVidu.fetch();
            assertThat(openVidu.getActiveSessions()).extracting(Session::getSessionId).doesNotContain("qa-room");
        }
    }

    @Test
    void aWrongSecretIsRefused() {
        try (Twin twin = Twin.start(TwinOptions.deterministic())) {
            OpenVidu openVidu = client(twin.endpoints(), "WRONG_SECRET");
            assertThatThrownBy(openVidu::createSession).isInstanceOfSatisfying(OpenViduHttpException.class,
                    e -> assertThat(e.getStatus()).isEqualTo(401));
        }
    }

    private static OpenVidu client(TwinEndpoints endpoints, String secret) {
        HttpClientBuilder builder = HttpClientBuilder.create().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setSSLSocketFactory(SSLConnectionSocketFactoryBuilder.create()
                        .setSslContext(PemTrust.sslContext(endpoints.caPem())).build())
                .build());
        return new OpenVidu(endpoints.openviduUrl().toString(), secret, builder);
    }
}
